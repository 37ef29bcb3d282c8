/**
 * `npm run test:stress`: a production server on a fresh seeded database (`atlas_stress` on DATABASE_URL's server,
 * or an embedded database in a temporary folder), then STRESS_SECONDS (60) of STRESS_CONNECTIONS (50) concurrent
 * clients: reads of every view and export, ~STRESS_WRITE_SHARE (5%) editor writes through the JSON API. Passes
 * with 0 errors (anything but 200, or 409 for a write that lost a race) and a consistent database (every committed
 * write has its audit row; no half writes). Prints throughput and percentiles; with STRESS_DOC=1 writes docs/load.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from './prepare-database';
import { observationConsistency } from './ops/consistency';
import { ownerUrl } from '../lib/db/embedded';
import { editorSession, READS, runLoad, summarise, valueIds } from './ops/load';
import { startAppServer } from './ops/process';
import { benchDatabase } from './bench-target';
import { buildIfNeeded } from './build';
import { log } from './run';

export type StressOptions = { seconds: number; connections: number; writeShare: number };

export async function stress(options: StressOptions) {
  buildIfNeeded();
  const embeddedDir = process.env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-stress-'));
  let databaseUrl: string;
  let release = async () => {};
  let label: string;
  if (embeddedDir) {
    label = 'embedded PGlite (served by `npm start`)';
  } else {
    const target = await benchDatabase('atlas_stress', { fresh: true });
    databaseUrl = target.url;
    release = target.release;
    label = target.label;
    await prepareDatabase(databaseUrl, () => {}); // migrate and seed, as npm start does
  }
  const server = await startAppServer(embeddedDir ? { embeddedDir } : { databaseUrl: databaseUrl! });
  try {
    if (embeddedDir) {
      databaseUrl = ownerUrl(embeddedDir);
    }
    const { cookie } = await editorSession(databaseUrl!);
    const observationIds = await valueIds(databaseUrl!);
    log(`stress: ${options.connections} connections for ${options.seconds} s, ~${Math.round(options.writeShare * 100)}% writes, on ${label}`);
    const result = await runLoad({ base: server.base, cookie, observationIds, ...options });
    const summary = summarise(result);
    const consistency = await observationConsistency(databaseUrl!, result.committed);
    const alive = server.child.exitCode === null;
    return { summary, consistency, alive, label, options };
  } finally {
    await server.stop();
    await release();
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
  }
}

export function stressReport(r: Awaited<ReturnType<typeof stress>>): string {
  const s = r.summary;
  return [
    `| connections | seconds | requests | throughput | p50 | p95 | p99 | max | writes (share) | committed | 409 refusals | errors |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    `| ${r.options.connections} | ${r.options.seconds} | ${s.requests} | ${s.throughput.toFixed(0)} req/s | ${s.p50.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(0)} ms | ${(s.writeShare * 100).toFixed(1)}% | ${s.committed} | ${s.conflicts} | ${s.errors.length} |`,
    '',
    '| request | count | p50 | p99 |',
    '| --- | ---: | ---: | ---: |',
    ...s.byPath.map((p) => `| \`${p.path}\` | ${p.count} | ${p.p50.toFixed(1)} ms | ${p.p99.toFixed(1)} ms |`),
    '',
    `Statuses: ${Object.entries(s.byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')}. Consistency: ${r.consistency.mismatched.length} observations whose version ≠ audit rows + 1, ${r.consistency.latestDiffers.length} whose value ≠ their last audit row, ${r.consistency.lost.length} acknowledged writes missing; ${r.consistency.auditUpdates} update audit rows. Server alive after the run: ${r.alive ? 'yes' : 'NO'}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = {
    seconds: Number(process.env.STRESS_SECONDS ?? 60),
    connections: Number(process.env.STRESS_CONNECTIONS ?? 50),
    writeShare: Number(process.env.STRESS_WRITE_SHARE ?? 0.05),
  };
  const result = await stress(options);
  const report = stressReport(result);
  console.log(`\n${report}\n`);
  for (const e of result.summary.errors.slice(0, 20)) console.log(`error: ${e.kind} ${e.path} → ${e.status || e.error} after ${e.ms.toFixed(0)} ms`);
  if (process.env.STRESS_DOC === '1') {
    const doc = [
      '# Load test',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run test:stress\` (scripts/stress.ts): \`next start\` on ${result.label}, seeded; ${options.connections} clients each sending its next request as soon as the last is answered, for ${options.seconds} s. Reads: ${READS.map((r) => `\`${r.path}\` (${r.weight})`).join(', ')} (weights); writes: an editor's GET then PATCH of \`/api/observations/:id\` on a random value, so concurrent writers race and the loser gets 409.`,
      '',
      `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; the load generator runs on the same machine.`,
      '',
      report,
      '',
    ].join('\n');
    fs.writeFileSync(path.join('docs', 'load.md'), doc);
  }
  const failed = result.summary.errors.length > 0 || result.consistency.mismatched.length + result.consistency.latestDiffers.length + result.consistency.lost.length > 0 || !result.alive;
  log(failed ? 'stress: FAILED' : 'stress: passed');
  process.exit(failed ? 1 : 0);
}
