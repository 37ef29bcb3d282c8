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

// 20: with inline rendering one request to / takes ~10 s during the loops.
const SAMPLES = Number(process.env.BENCH_PNG_SAMPLES ?? 20);
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
    let dropped = 0;
    let n = 0;
    const loops = Array.from({ length: LOOPS }, async () => {
      while (!stop) {
        // Every request a view not asked for before in this run (4 partner sets × 10 first years × 2 sizes × 2
        // densities × 2 backgrounds = 320 distinct images), so none comes from the cache.
        const i = n++;
        const partners = ['RUS,NATO', 'RUS', 'NATO', 'RUS,UKR,NATO'][i % 4]!;
        const from = 2014 + (Math.floor(i / 4) % 10);
        const size = Math.floor(i / 40) % 2 ? 'square' : 'landscape';
        const density = 2 + (Math.floor(i / 80) % 2);
        const background = Math.floor(i / 160) % 2 ? 'transparent' : 'white';
        const q = `partners=${partners}&from=${from}&to=2024&size=${size}&density=${density}&background=${background}`;
        let r: Response;
        try {
          r = await fetch(`${server.base}/api/charts/gas_import_share.png?${q}&cb=${i}`);
          await r.arrayBuffer();
        } catch {
          dropped++; // a connection the blocked server let go of
          continue;
        }
        if (r.status === 200) images++;
        else if (r.status === 503) refused++;
        else throw new Error(`a PNG request answered ${r.status}: ${q}`);
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    const busy = await timeHome(server.base, SAMPLES);
    stop = true;
    await Promise.all(loops);
    clearInterval(sampler);
    return { label, idle: median(idle), idle95: p95(idle), busy: median(busy), busy95: p95(busy), images, refused, dropped, rss: peak };
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
    log(`bench:png ${label}: / p50 idle ${r.idle.toFixed(1)} ms, during PNG loops ${r.busy.toFixed(1)} ms (×${(r.busy / r.idle).toFixed(2)}), ${r.images} images, ${r.refused} refused, ${r.dropped} connections dropped, peak RSS ${(r.rss / 2 ** 20).toFixed(0)} MB`);
    rows.push(`| ${r.label} | ${r.idle.toFixed(1)} ms | ${r.busy.toFixed(1)} ms | **${(r.busy / r.idle).toFixed(2)}×** | ${r.idle95.toFixed(1)} / ${r.busy95.toFixed(1)} ms | ${r.images} | ${r.refused} | ${r.dropped} | ${(r.rss / 2 ** 20).toFixed(0)} MB |`);
  }
  const doc = [
    '# Chart images under load',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:png\` (scripts/bench-png.ts) on ${target.label}: \`/\` timed alone (${SAMPLES} sequential requests after 10 to warm up), then again while ${LOOPS} loops fetch chart PNGs that are never cached (each a new view, size or density, plus a cache-buster). Both rows are the same build in the same run; the second composes and renders on the request thread without a cache, as before the render processes.`,
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
    '"PNGs served" counts the images finished while `/` was being timed, so the two windows differ in length (inline, each `/` took seconds). The render processes run at the lowest CPU priority: while pages keep the CPU busy, images wait rather than slow the pages.',
    '',
    '| server | `/` p50 idle | `/` p50 during PNG loops | ratio | p95 idle / during | PNGs served | refused (503) | connections dropped | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
  fs.writeFileSync(path.join('docs', 'benchmarks-png.md'), doc);
  console.log(doc);
} finally {
  await target.release();
}
