/**
 * `npm run bench:import`: an import of 10,000 and of 100,000 rows into a fresh seeded database, through the same
 * function the page and the CLI use: check and commit times, rows per second, and the process's peak RSS and
 * heap, sampled every 20 ms, to show memory stays bounded as the file grows. Writes docs/benchmarks-import.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { importObservations, IMPORT_HEADER } from '../lib/import/observations';
import { updateObservation } from '../lib/editing/observations';
import { transactionPolicy } from '../lib/db/transaction';
import { seed } from '../prisma/seed/seed';
import { benchDatabase } from './bench-target';
import { log } from './run';

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '10000,100000').split(',').map(Number);

/** Distinct keys: indicators × every assigned ISO code as partner × years 1900–2100. */
function writeFile(rows: number): string {
  const file = path.join(os.tmpdir(), `atlas-import-${rows}.csv`);
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${IMPORT_HEADER.join(',')}\n`);
  const partners = Object.keys(countries.getAlpha3Codes());
  let n = 0;
  for (let indicator = 0; n < rows; indicator++) {
    for (const partner of partners) {
      for (let year = 1900; year <= 2100 && n < rows; year++, n++) {
        fs.writeSync(out, `trade,Bench volume ${indicator},USD bn,TUR,${partner},${year},${(n % 997) / 10},Bench source ${indicator},https://example.org/bench/${indicator},"row ${n}"\n`);
      }
      if (n >= rows) break;
    }
  }
  fs.closeSync(out);
  return file;
}

function sampler() {
  let rss = 0;
  let heap = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  return { stop: () => (clearInterval(timer), { rss, heap }) };
}

const mb = (b: number) => (b / 2 ** 20).toFixed(0);
const lines: string[] = [];
const editLines: string[] = [];

type EditStats = { n: number; p50: number; p95: number; max: number; saved: number; busy: number; other: number; errors: number };
const EDITORS = 4;

/**
 * Interactive edits as the app makes them (its own client and pool, the one transaction policy): EDITORS loops,
 * each saving one seeded value again and again with its current version, until `until` resolves.
 */
async function editLoops(url: string, embedded: boolean, until: Promise<unknown>): Promise<EditStats> {
  const app = createPrismaClient(url, { max: embedded ? 4 : 10, embedded });
  const editor = (await app.user.findFirst({ where: { email: 'bench-editor@example.org' }, select: { id: true, email: true, name: true, role: true } }))
    ?? (await app.user.create({ data: { email: 'bench-editor@example.org', role: 'EDITOR', passwordHash: 'x' }, select: { id: true, email: true, name: true, role: true } }));
  const targets = await app.observation.findMany({ where: { rank: 0, value: { not: null } }, take: EDITORS, orderBy: { id: 'asc' }, select: { id: true } });
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  const counts = { saved: 0, busy: 0, other: 0, errors: 0 };
  await Promise.all(
    targets.map(async ({ id }, loop) => {
      let i = 0;
      while (!done) {
        const t = performance.now();
        try {
          const current = await app.observation.findUniqueOrThrow({ where: { id }, select: { version: true, value: true, status: true, sourceId: true } });
          const result = await updateObservation(app, editor, { id, version: current.version, value: String(1 + ((loop * 1000 + i++) % 997) / 10), status: current.status, note: 'bench', sourceId: current.sourceId, reason: '' });
          if (result.ok) counts.saved++;
          else if (result.busy) counts.busy++;
          else counts.other++;
        } catch {
          counts.errors++; // the read before the save could not get a connection in time
        }
        times.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    }),
  );
  await app.$disconnect();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { n: times.length, p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? 0, ...counts };
}

const editRow = (label: string, s: EditStats) =>
  `| ${label} | ${s.n} | ${s.p50.toFixed(0)} ms | ${s.p95.toFixed(0)} ms | ${s.max.toFixed(0)} ms | ${s.saved} | ${s.busy} | ${s.other} | ${s.errors} |`;
for (const rows of SIZES) {
  const file = writeFile(rows);
  const target = await benchDatabase(`atlas_bench_import`, { fresh: true });
  try {
    await migrate(target.url);
    const db = createPrismaClient(target.url, { max: 2, embedded: target.kind === 'embedded' });
    await seed(db);
    global.gc?.();
    const baseline = process.memoryUsage();
    const memory = sampler();
    const t0 = performance.now();
    const checked = await importObservations(db, file, { checkOnly: true });
    const t1 = performance.now();
    const embedded = target.kind === 'embedded';
    const largest = rows === Math.max(...SIZES);
    // Beside the largest import, editors keep saving; the same edits for as long again with no import are the baseline.
    const commit = importObservations(db, file, { userId: null, fileName: path.basename(file) });
    const during = largest ? editLoops(target.url, embedded, commit) : null;
    const committed = await commit;
    const t2 = performance.now();
    if (during) {
      const busy = await during;
      const idle = await editLoops(target.url, embedded, new Promise((r) => setTimeout(r, Math.min(15_000, t2 - t1))));
      editLines.push(editRow(`idle (${rows.toLocaleString('en-GB')}-row run)`, idle), editRow(`during the ${rows.toLocaleString('en-GB')}-row commit`, busy));
      log(`bench:import edits idle p95 ${idle.p95.toFixed(0)} ms, during the import p95 ${busy.p95.toFixed(0)} ms (${busy.busy} busy of ${busy.n})`);
    }
    const peak = memory.stop();
    const stored = await db.observation.count({ where: { indicator: { slug: { startsWith: 'bench_volume_' } } } });
    await db.$disconnect();
    if (!checked.ok || !committed.ok || stored !== rows) throw new Error(`import of ${rows} rows failed: ${JSON.stringify({ checked: checked.errors.slice(0, 3), stored })}`);
    const size = fs.statSync(file).size;
    const line = `| ${rows.toLocaleString('en-GB')} | ${mb(size)} MB | ${((t1 - t0) / 1000).toFixed(1)} s | ${((t2 - t1) / 1000).toFixed(1)} s | ${Math.round(rows / ((t2 - t1) / 1000)).toLocaleString('en-GB')} | ${mb(peak.rss)} MB (+${mb(peak.rss - baseline.rss)}) | ${mb(peak.heap)} MB (+${mb(peak.heap - baseline.heapUsed)}) |`;
    log(`bench:import ${line}`);
    lines.push(line);
  } finally {
    await target.release();
    fs.rmSync(file, { force: true });
  }
}

const database = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
const doc = [
  '# Import benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` (scripts/bench-import.ts): a fresh seeded database, then the check pass and the all-or-nothing commit (one transaction, one audit entry) of a generated file of new observations; memory is the peak of this process sampled every 20 ms (in brackets: above the level before the import).`,
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Database: ${database}.`,
  '',
  '| rows | file | check | commit | rows/s (commit) | peak RSS | peak heap |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...lines,
  '',
  `## Edits beside the import`,
  '',
  `While the largest file commits, ${EDITORS} editors save seeded values in loops (read the version, save, 20 ms pause) through the app's own client (pool ${process.env.DATABASE_URL ? 10 : 4}) and its one transaction policy (lib/db/transaction.ts: wait up to ${transactionPolicy({ poolMax: process.env.DATABASE_URL ? 10 : 4, embedded: !process.env.DATABASE_URL }).maxWait / 1000} s for a turn, then refused as busy). The same loops with no import are the baseline. Times are per save (read of the current version, then the save), from the call to its answer.`,
  '',
  '| edits | saves | p50 | p95 | max | saved | busy | other refusals | read timed out |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...editLines,
  '',
].join('\n');
fs.writeFileSync(path.join('docs', 'benchmarks-import.md'), doc);
console.log(doc);
