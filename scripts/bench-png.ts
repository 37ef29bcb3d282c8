/**
 * `npm run bench:png`: what uncached chart images cost the rest of the site. A production server on a fresh seeded
 * database; `/` is timed alone (idle), then while 5 loops fetch PNGs that are never in the cache (every request a
 * new view: other years, sizes, densities). Run twice in one go: the render pool with its cache, and the same
 * build with RENDER_INLINE=1 (rendering on the request thread, no cache: how it was). Medians of sequential
 * requests; the server's peak RSS sampled every 100 ms. Writes docs/benchmarks-png.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from './prepare-database';
import { startAppServer } from './ops/process';
import { buildIfNeeded } from './build';
import { benchDatabase } from './bench-target';
import { log } from './run';

const SAMPLES = Number(process.env.BENCH_PNG_SAMPLES ?? 60);
const LOOPS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

async function timeHome(base: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(`${base}/`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`/ answered ${r.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function run(label: string, databaseUrl: string, env: Record<string, string>) {
  const server = await startAppServer({ databaseUrl }, env);
  try {
    await timeHome(server.base, 10); // warm-up
    const idle = await timeHome(server.base, SAMPLES);
    const pid = server.child.pid!;
    let peak = rssOf(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
    let stop = false;
    let images = 0;
    let refused = 0;
    let n = 0;
    const loops = Array.from({ length: LOOPS }, async (_, loop) => {
      while (!stop) {
        const i = n++;
        const from = 2000 + (i % 20);
        const q = `partners=RUS,NATO&from=${from}&to=${from + 4 + (loop % 3)}&size=${i % 2 ? 'square' : 'landscape'}&density=${2 + (i % 2)}`;
        const r = await fetch(`${server.base}/api/charts/gas_import_share.png?${q}&cb=${i}`);
        await r.arrayBuffer();
        if (r.status === 200) images++;
        else refused++;
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    const busy = await timeHome(server.base, SAMPLES);
    stop = true;
    await Promise.all(loops);
    clearInterval(sampler);
    return { label, idle: median(idle), idle95: p95(idle), busy: median(busy), busy95: p95(busy), images, refused, rss: peak };
  } finally {
    await server.stop();
  }
}

buildIfNeeded();
const target = await benchDatabase('atlas_bench_png', { fresh: true });
try {
  await prepareDatabase(target.url, () => {});
  const rows = [];
  for (const [label, env] of [['render pool + cache', {}], ['inline render, no cache (before)', { RENDER_INLINE: '1' }]] as const) {
    const r = await run(label, target.url, env);
    log(`bench:png ${label}: / p50 idle ${r.idle.toFixed(1)} ms, during PNG loops ${r.busy.toFixed(1)} ms (×${(r.busy / r.idle).toFixed(2)}), ${r.images} images, ${r.refused} refused, peak RSS ${(r.rss / 2 ** 20).toFixed(0)} MB`);
    rows.push(`| ${r.label} | ${r.idle.toFixed(1)} ms | ${r.busy.toFixed(1)} ms | **${(r.busy / r.idle).toFixed(2)}×** | ${r.idle95.toFixed(1)} / ${r.busy95.toFixed(1)} ms | ${r.images} | ${r.refused} | ${(r.rss / 2 ** 20).toFixed(0)} MB |`);
  }
  const doc = [
    '# Chart images under load',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:png\` (scripts/bench-png.ts) on ${target.label}: \`/\` timed alone (${SAMPLES} sequential requests after 10 to warm up), then again while ${LOOPS} loops fetch chart PNGs that are never cached (each a new view, size or density, plus a cache-buster). Both rows are the same build in the same run; the second renders on the request thread without a cache, as before the render pool.`,
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
    '| server | `/` p50 idle | `/` p50 during PNG loops | ratio | p95 idle / during | PNGs served | refused (503) | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
  fs.writeFileSync(path.join('docs', 'benchmarks-png.md'), doc);
  console.log(doc);
} finally {
  await target.release();
}
