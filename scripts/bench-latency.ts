/**
 * `npm run bench:latency`: production server, same run, same machine. For each dataset (the seed, and the synthetic
 * 1M-observation database from `npm run bench:data`), p50/p95 of the overview, a dimension view, compare, the
 * chart exports (CSV, SVG, PNG) and an editor's write against a trivial route of the same server (the floor).
 * Also the first-load JavaScript of `/` (gzip) and the PNG from the page's button. Writes docs/benchmarks-latency.md (`npm run bench` is the throughput benchmark).
 * Sequential requests: latency, not throughput (see `npm run test:stress` for that).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { createPrismaClient } from '../lib/db/client';
import { prepareDatabase } from './prepare-database';
import { BENCH_1M, makeBenchData } from './bench-data';
import { benchDatabase, type BenchTarget } from './bench-target';
import { buildIfNeeded } from './build';
import { log } from './run';
import { editorSession } from './ops/load';
import { startAppServer } from './ops/process';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const ROUTES = [
  { name: 'floor (/api/ping)', path: '/api/ping' },
  { name: 'overview (/)', path: '/' },
  { name: 'dimension (/dimensions/gas)', path: '/dimensions/gas' },
  { name: 'compare (/compare?partners=RUS,UKR,NATO)', path: '/compare?partners=RUS,UKR,NATO' },
  { name: 'chart CSV (/api/charts/…csv)', path: '/api/charts/gas_import_share.csv?partners=RUS,NATO' },
  { name: 'chart SVG (/api/charts/…svg)', path: '/api/charts/gas_import_share.svg?partners=RUS,NATO' },
  { name: 'chart PNG (/api/charts/…png)', path: '/api/charts/gas_import_share.png?partners=RUS,NATO' },
];
const WRITES = Number(process.env.BENCH_WRITES ?? 100);

type Row = { dataset: string; route: string; p50: number; p95: number; ratio: number };

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function withServer<T>(databaseUrl: string, work: (base: string) => Promise<T>): Promise<T> {
  const server = await startAppServer({ databaseUrl });
  try {
    return await work(server.base);
  } finally {
    await server.stop();
  }
}

async function measure(dataset: string, target: BenchTarget): Promise<Row[]> {
  return withServer(target.url, async (base) => {
    for (let i = 0; i < WARMUP; i++) for (const route of ROUTES) await timed(base + route.path);
    const samples = new Map<string, number[]>(ROUTES.map((r) => [r.path, []]));
    // Interleaved, so a slow moment of the machine hits every route alike.
    for (let i = 0; i < ITERATIONS; i++) for (const route of ROUTES) samples.get(route.path)!.push(await timed(base + route.path));
    const floor = [...samples.get('/api/ping')!].sort((a, b) => a - b);
    const floorP50 = percentile(floor, 50);
    const rows = ROUTES.map((route) => {
      const sorted = [...samples.get(route.path)!].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      return { dataset, route: route.name, p50, p95: percentile(sorted, 95), ratio: p50 / floorP50 };
    });
    // Writes last: each one changes the data version, so reads measured after it would all be cache misses.
    return [...rows, await measureWrites(dataset, target, base)];
  });
}

/**
 * An editor's save through PATCH /api/observations/:id (zod, transaction with its audit row, version check),
 * interleaved with the floor; the value is put back afterwards and the benchmark's editor removed.
 */
async function measureWrites(dataset: string, target: BenchTarget, base: string): Promise<Row> {
  const db = createPrismaClient(target.url, { max: 1, embedded: target.kind === 'embedded' });
  const { cookie, userId } = await editorSession(target.url);
  const o = await db.observation.findFirstOrThrow({
    where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, reporter: { isFocal: true }, year: 2023, rank: 0 },
    select: { id: true, version: true, value: true, status: true, sourceId: true },
  });
  let version = o.version;
  const writes: number[] = [];
  const floor: number[] = [];
  try {
    for (let i = 0; i < WRITES + 5; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/api/observations/${o.id}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ version, value: (40 + (i % 10) / 10).toFixed(1), status: o.status, sourceId: o.sourceId, reason: 'benchmark' }),
      });
      const body = (await response.json()) as { version?: number; error?: string };
      if (response.status !== 200) throw new Error(`benchmark write answered ${response.status}: ${body.error}`);
      version = body.version!;
      if (i >= 5) writes.push(performance.now() - started);
      floor.push(await timed(`${base}/api/ping`));
    }
  } finally {
    await db.observation.update({ where: { id: o.id }, data: { value: o.value } });
    await db.user.delete({ where: { id: userId } });
    await db.$disconnect();
  }
  writes.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  const p50 = percentile(writes, 50);
  return { dataset, route: 'editor write (PATCH /api/observations/:id)', p50, p95: percentile(writes, 95), ratio: p50 / percentile(floor, 50) };
}

async function firstLoadJs(target: BenchTarget): Promise<{ files: number; raw: number; gzip: number }> {
  return withServer(target.url, async (base) => {
    const html = await (await fetch(`${base}/`)).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="preload"[^>]+as="script"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+as="script"/g)].map((m) => m[1] ?? m[2]).filter((s): s is string => Boolean(s)))];
    let raw = 0;
    let gzip = 0;
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      raw += body.length;
      gzip += zlib.gzipSync(body, { level: 9 }).length;
    }
    return { files: srcs.length, raw, gzip };
  });
}

const ms = (n: number) => n.toFixed(1);

type ExportTimes = { serverPng: { p50: number; p95: number; floorP50: number }; clientPng: number[] | null };

/** Server PNG (warm) over HTTP, and client PNG in Chromium: click to file, as the export menu measures it. */
async function exportTimes(target: BenchTarget): Promise<ExportTimes> {
  return withServer(target.url, async (base) => {
    const png = `${base}/api/charts/gas_import_share.png?partners=RUS,NATO`;
    for (let i = 0; i < 5; i++) await timed(png);
    const server: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 50; i++) {
      server.push(await timed(png));
      floor.push(await timed(`${base}/api/ping`));
    }
    server.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    const executablePath = findChromium();
    let clientPng: number[] | null = null;
    if (executablePath) {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ acceptDownloads: true });
        // Each click must compose a new image, not revalidate the last one (the URL answers 304 when unchanged).
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.goto(`${base}/dimensions/gas?partners=RUS,NATO`);
        const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
        await figure.locator('details.export-menu summary').click();
        clientPng = [];
        for (let i = 0; i < 11; i++) {
          const started = performance.now();
          const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download PNG' }).click()]);
          await download.path();
          // Wall clock from the click to the saved file, as a person waits for it.
          if (i > 0) clientPng.push(performance.now() - started); // the first click also loads the fonts and the composer
        }
        clientPng.sort((a, b) => a - b);
      } finally {
        await browser.close();
      }
    }
    return { serverPng: { p50: percentile(server, 50), p95: percentile(server, 95), floorP50: percentile(floor, 50) }, clientPng };
  });
}

async function main(): Promise<void> {
  buildIfNeeded();
  const results: Row[] = [];
  const seedTarget = await benchDatabase('atlas_bench_seed', { fresh: true });
  let js: Awaited<ReturnType<typeof firstLoadJs>>;
  let exports: ExportTimes;
  try {
    await prepareDatabase(seedTarget.url, () => {}); // migrate and seed, as npm start does
    log(`bench: seed on ${seedTarget.label}`);
    results.push(...(await measure('seed (170 observations)', seedTarget)));
    js = await firstLoadJs(seedTarget);
    exports = await exportTimes(seedTarget);
  } finally {
    await seedTarget.release();
  }
  let big = await benchDatabase(BENCH_1M, { fresh: false });
  if (!big.existed) {
    await big.release();
    log('bench: no 1M dataset yet, making it (npm run bench:data)');
    await makeBenchData();
    big = await benchDatabase(BENCH_1M, { fresh: false });
  }
  try {
    log(`bench: 1M observations on ${big.label}`);
    results.push(...(await measure('1M observations', big)));
  } finally {
    await big.release();
  }

  const database = process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite';
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:latency\` (see scripts/bench-latency.ts): \`next start\` production server, ` +
      `${ITERATIONS} sequential requests per route after ${WARMUP} warm-up rounds, routes interleaved; ratio = p50 ÷ p50 of the floor route in the same run.`,
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}. Database: ${database}.`,
    '',
    '| dataset | route | p50 ms | p95 ms | p50 ÷ floor |',
    '| --- | --- | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.dataset} | ${r.route} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.ratio.toFixed(2)} |`),
    '',
    `First-load JavaScript of \`/\`: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw, **${(js.gzip / 1024).toFixed(1)} KB gzip** (target ≤ 180 KB).`,
    '',
    `Chart export (seed, \`gas_import_share\` for Russia and NATO, 1200×675 at 2×): server PNG warm p50 **${ms(exports.serverPng.p50)} ms**, p95 ${ms(exports.serverPng.p95)} ms (floor p50 ${ms(exports.serverPng.floorP50)} ms, 50 requests); ` +
      (exports.clientPng
        ? `PNG from the page's button in Chromium (click to saved file, wall clock, 10 exports after the first) p50 **${ms(percentile(exports.clientPng, 50))} ms**, max ${ms(exports.clientPng.at(-1) ?? NaN)} ms.`
        : 'client PNG not measured: no Chromium found.'),
    '',
    `Editor write: ${WRITES} sequential saves of one value (each carrying the version the last one returned), each followed by one floor request for the ratio; measured after the reads, since every write changes the data version and empties the read caches.`,
    '',
    'Targets (issue 3): overview p50 ≤ 3× the floor on the seed; ≤ 150 ms p50 at 1M observations; first-load JS of `/` ≤ 180 KB gzip. (Issue 4): client PNG export ≤ 300 ms; server PNG warm p50 ≤ 200 ms.',
    '',
  ];
  const table = lines.join('\n');
  const file = path.join('docs', 'benchmarks-latency.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  // Earlier runs stay below the latest, so the effect of a change remains visible.
  const [previousLatest = '', previousEarlier = ''] = previous.split('\n## Earlier runs\n');
  const demoted = previousLatest.trim() ? `${previousLatest.replace(/^# Benchmarks/, '### Earlier run').trim()}\n\n` : '';
  fs.writeFileSync(file, `${table}\n## Earlier runs\n\n${demoted}${previousEarlier.trim()}\n`);
  console.log(table);
}

await main();
