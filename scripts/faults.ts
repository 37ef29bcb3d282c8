/**
 * `npm run test:faults`: the two fault drills at full length, with a report (FAULTS_DOC=1 writes docs/faults.md).
 * 1. Postgres (a private server made with initdb) is stopped like a crash in the middle of a mixed load of
 *    FAULT_CONNECTIONS (50) clients, kept down FAULT_OUTAGE_SECONDS (10), and started again.
 * 2. The embedded default: `npm start` and its Next.js server are killed with SIGKILL in the middle of editor
 *    writes, then started again on the same data folder.
 * Exits 1 when any expectation fails (see scripts/ops/faults.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedKillDuringWrites, postgresStopDuringLoad } from './ops/faults';
import { buildIfNeeded } from './build';
import { log } from './run';

export function faultVerdicts(pg: Awaited<ReturnType<typeof postgresStopDuringLoad>>, kill: Awaited<ReturnType<typeof embeddedKillDuringWrites>>) {
  const c = pg.consistency;
  const k = kill.consistency;
  return [
    { what: 'server alive through the outage', ok: pg.alive },
    { what: `while away, every page sample was the 503 "Database unavailable" page (${pg.away.pages503}/${pg.away.samples}${pg.away.otherPages.length ? `; others: ${pg.away.otherPages.join(', ')}; the stop took ${pg.away.stopTook} ms` : ''})`, ok: pg.away.samples > 0 && pg.away.pages503 === pg.away.samples },
    { what: `while away, /api/health answered 503 (${pg.away.health503}/${pg.away.samples})`, ok: pg.away.samples > 0 && pg.away.health503 === pg.away.samples },
    { what: `recovered within 5 s of the restart, without restarting the app (${pg.recoveryMs ?? 'never'} ms)`, ok: pg.recoveryMs !== null && pg.recoveryMs <= 5000 },
    { what: `load: no answers other than 200/409, 503 while away and 500 for requests in flight at the stop (${pg.unexpected.length} others; ${pg.transitional} in flight)`, ok: pg.unexpected.length === 0 },
    { what: `no half writes after the outage (${c.mismatched.length} version/audit mismatches, ${c.latestDiffers.length} values ≠ last audit, ${c.lost.length} of ${pg.summary.committed} acknowledged writes missing)`, ok: c.mismatched.length + c.latestDiffers.length + c.lost.length === 0 },
    { what: `embedded kill -9: restart healthy (${kill.restartMs} ms), overview ${kill.afterRestart}`, ok: kill.afterRestart === 200 },
    { what: `embedded kill -9: consistent (${k.mismatched.length} mismatches, ${k.latestDiffers.length} values ≠ last audit), all ${kill.acknowledged} acknowledged writes present (${k.lost.length} missing)`, ok: k.mismatched.length + k.latestDiffers.length + k.lost.length === 0 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIfNeeded();
  const connections = Number(process.env.FAULT_CONNECTIONS ?? 50);
  const outageSeconds = Number(process.env.FAULT_OUTAGE_SECONDS ?? 10);
  log(`faults: Postgres stopped during ${connections}-client load for ${outageSeconds} s`);
  const beforeSeconds = 10;
  const pg = await postgresStopDuringLoad({ connections, beforeSeconds, outageSeconds, afterSeconds: 10 });
  log('faults: embedded database killed during writes');
  const kill = await embeddedKillDuringWrites({ connections: 10, secondsBeforeKill: 5 });
  const verdicts = faultVerdicts(pg, kill);
  const s = pg.summary;
  const report = [
    `Postgres stop: stopped at ${(pg.stoppedAt / 1000).toFixed(1)} s, started at ${(pg.restartedAt / 1000).toFixed(1)} s; load ${s.requests} requests (${s.throughput.toFixed(0)} req/s), statuses ${Object.entries(s.byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')}; ${s.committed} writes committed, ${s.conflicts} refused by version (409).`,
    `Embedded kill -9: ${kill.killed} processes killed after ${kill.acknowledged} acknowledged writes; restart to healthy ${kill.restartMs} ms.`,
    '',
    ...verdicts.map((v) => `- ${v.ok ? 'PASS' : 'FAIL'}: ${v.what}`),
  ].join('\n');
  console.log(`\n${report}\n`);
  if (process.env.FAULTS_DOC === '1') {
    fs.writeFileSync(
      path.join('docs', 'faults.md'),
      [
        '# Fault drills',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run test:faults\` (scripts/faults.ts, scripts/ops/faults.ts) on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}. The Postgres drill uses a private server made with initdb (PostgreSQL binaries of this machine), stopped with \`pg_ctl stop -m immediate\` ${beforeSeconds} s into a ${connections}-client mixed load (~5% writes), started again ${outageSeconds} s later; a monitor requests \`/\` and \`/api/health\` every 100 ms.`,
        '',
        report,
        '',
      ].join('\n'),
    );
  }
  process.exit(verdicts.every((v) => v.ok) ? 0 : 1);
}
