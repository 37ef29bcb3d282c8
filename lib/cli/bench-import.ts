/**
 * `npm run bench:import`: an import of 10,000 and of 100,000 rows into a fresh seeded database, through the same
 * function the page and the CLI use: check and commit times, rows per second, and the process's peak RSS and
 * heap, sampled every 20 ms, to show memory stays bounded as the file grows. Writes docs/benchmarks-import.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { createPrismaClient } from '../db/client';
import { migrate } from '../db/migrate';
import { importObservations, IMPORT_HEADER } from '../import/observations';
import { seed } from '../../prisma/seed/seed';
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
for (const rows of SIZES) {
  const file = writeFile(rows);
  const target = await benchDatabase(`atlas_bench_import`, { fresh: true });
  try {
    await migrate(target.url);
    const db = createPrismaClient(target.url, { max: 2 });
    await seed(db);
    global.gc?.();
    const baseline = process.memoryUsage();
    const memory = sampler();
    const t0 = performance.now();
    const checked = await importObservations(db, file, { checkOnly: true });
    const t1 = performance.now();
    const committed = await importObservations(db, file, { userId: null, fileName: path.basename(file) });
    const t2 = performance.now();
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
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` (lib/cli/bench-import.ts): a fresh seeded database, then the check pass and the all-or-nothing commit (one transaction, one audit entry) of a generated file of new observations; memory is the peak of this process sampled every 20 ms (in brackets: above the level before the import).`,
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Database: ${database}.`,
  '',
  '| rows | file | check | commit | rows/s (commit) | peak RSS | peak heap |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...lines,
  '',
].join('\n');
fs.writeFileSync(path.join('docs', 'benchmarks-import.md'), doc);
console.log(doc);
