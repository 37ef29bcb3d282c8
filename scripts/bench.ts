/**
 * `npm run bench`: throughput and page weight, side by side in one run, on the embedded default (`npm start`'s
 * launcher on a fresh data folder, seeded). Writes docs/benchmarks.md.
 *
 * 1. autocannon, 10 connections: req/s and p50/p99 of /api/ping, /, /dimensions/gas, /partners/RUS, /compare and a
 *    chart PNG — once on a server with the page cache (the default) and once on the same build with
 *    PAGE_CACHE_MB=0; the PNG cached (one URL) and uncached (every request a new view).
 * 2. `/` (sequential, p50) idle and while 5 loops fetch uncached PNGs.
 * 3. Page weight: HTML, inline RSC payload and first-load JavaScript (gzip) of the four public views.
 * 4. Lighthouse 12 (mobile defaults, simulated throttling) on the four public views: median of 5 runs, taken in rounds
 *    (one run of each page per round) so a machine that slows down mid-run slows every page alike.
 * The framework floor: scripts/floor-app, an App Router page with no data, no client component and no CSS, built by the
 * same Next.js and React, is measured in the same run (first-load JavaScript, Lighthouse in the same rounds). What a
 * page costs above it is what the app can change; the floor is what this stack costs on this machine today.
 * 5. The overview briefing, PDF and PPTX: p50 build time, warm.
 *
 * `--short` (or BENCH_SHORT=1): 3 s per route, 1 Lighthouse run of `/` and the floor — the form the system tests run.
 * `--out <file>`: write the report elsewhere (the system test writes to a temporary file).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { findChromium, CHROMIUM_ARGS } from '../test/support/chromium';
import { buildIfNeeded } from './build';
import { freePort, spawnLogged, startAppServer, stopSpawned, waitFor, type AppServer } from './ops/process';
import { log } from './run';

const args = process.argv.slice(2);
const SHORT = args.includes('--short') || process.env.BENCH_SHORT === '1';
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1]! : path.join('docs', 'benchmarks.md');
const DURATION = SHORT ? 3 : 10;
const CONNECTIONS = 10;
const LIGHTHOUSE_RUNS = SHORT ? 1 : 5;
const PNG = '/api/charts/gas_import_share.png?partners=RUS,NATO';
const PAGES = ['/', '/dimensions/gas', '/partners/RUS', '/compare'];
/** How the framework floor's row is named in the report. */
const FLOOR = 'framework floor';
const ROUTES = ['/api/ping', ...PAGES, PNG];

type Load = { route: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; statuses: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Every request a view not asked for before (distinct partner sets, first years, sizes, densities, backgrounds).
 * Each set holds Russia, which has a gas import share in every year, so no view is "nothing to draw" (404).
 */
function uncachedPng(i: number): string {
  const partners = ['RUS,NATO', 'RUS', 'RUS,UKR', 'RUS,UKR,NATO', 'RUS,USA', 'RUS,USA,NATO'][i % 6]!;
  const from = 2008 + (Math.floor(i / 6) % 15);
  const size = Math.floor(i / 90) % 2 ? 'square' : 'landscape';
  const density = 2 + (Math.floor(i / 180) % 2);
  const background = Math.floor(i / 360) % 2 ? 'transparent' : 'white';
  const to = 2024 - (Math.floor(i / 720) % 3);
  return `/api/charts/gas_import_share.png?partners=${partners}&from=${from}&to=${to}&size=${size}&density=${density}&background=${background}`;
}

async function cannon(base: string, route: string, label = route, paths?: (i: number) => string, duration = DURATION): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url: base + route,
    connections: CONNECTIONS,
    duration,
    ...(paths ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths(i++) }) }] } : {}),
  });
  const stats = (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const statuses = Object.entries(stats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${count}× ${code}`)
    .concat(result.timeouts ? [`${result.timeouts} timed out`] : [])
    .join(', ');
  return { route: label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts, statuses };
}

async function warm(base: string, route: string, n = 5) {
  for (let i = 0; i < n; i++) await (await fetch(base + route)).arrayBuffer();
}

async function loadTable(server: AppServer, label: string): Promise<Load[]> {
  const rows: Load[] = [];
  for (const route of ROUTES) {
    await warm(server.base, route);
    log(`bench (${label}): ${route}`);
    rows.push(await cannon(server.base, route));
  }
  log(`bench (${label}): uncached PNGs`);
  // Each of these is a render of 1.5–3 s on two cores: a 3 s window may close before the first answers, so 10 s at least.
  rows.push(await cannon(server.base, uncachedPng(0), 'chart PNG, every request a new view', uncachedPng, Math.max(DURATION, 10)));
  return rows;
}

type UnderPngs = { idle: number; busy: number; idleN: number; busyN: number; images: number; refused: number };

/** p50 of sequential requests to `/` for at least `seconds` (and at least 20 requests). */
async function homeP50(base: string, seconds: number): Promise<{ p50: number; n: number }> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until || times.length < 20) {
    const t = performance.now();
    const r = await fetch(`${base}/`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`/ answered ${r.status}`);
    times.push(performance.now() - t);
  }
  return { p50: median(times), n: times.length };
}

/** `/` idle, then while 5 loops fetch chart PNGs no one asked for before (each one a render). */
async function homeUnderPngs(server: AppServer, start: number): Promise<UnderPngs> {
  const seconds = SHORT ? 3 : 8;
  await warm(server.base, '/', 10);
  const idle = await homeP50(server.base, seconds);
  let stop = false;
  let images = 0;
  let refused = 0;
  let k = start; // views not used by the load table
  const loops = Array.from({ length: 5 }, async () => {
    while (!stop) {
      const r = await fetch(server.base + uncachedPng(k++)).catch(() => null);
      await r?.arrayBuffer();
      if (r?.status === 200) images++;
      else if (r?.status === 503) refused++;
    }
  });
  await new Promise((r) => setTimeout(r, 1000));
  const busy = await homeP50(server.base, seconds);
  stop = true;
  await Promise.all(loops);
  return { idle: idle.p50, busy: busy.p50, idleN: idle.n, busyN: busy.n, images, refused };
}

type Weight = { page: string; html: number; htmlGzip: number; rsc: number; js: number; jsGzip: number; jsFiles: number; frameworkGzip: number; noModuleGzip: number };

/** Next's own scripts, shared by every page (React DOM, the router, the Turbopack runtime): the build manifest's root files. */
function frameworkFiles(buildDir: string): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
}

/**
 * The HTML as served, the React Server Components payload inlined in it, and the scripts it loads first. A
 * `noModule` script (Next's legacy polyfills) is left out of the first load — browsers that run modules never fetch it —
 * and reported on its own.
 */
async function pageWeight(base: string, page: string, buildDir = '.next'): Promise<Weight> {
  const html = await (await fetch(base + page, { headers: { 'accept-encoding': 'identity' } })).text();
  const rsc = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0);
  const tags = [...new Map([...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].map((m) => [m[1]!, /\snoModule/i.test(m[0])])).entries()];
  const framework = frameworkFiles(buildDir);
  let js = 0;
  let jsGzip = 0;
  let frameworkGzip = 0;
  let noModuleGzip = 0;
  let jsFiles = 0;
  for (const [src, noModule] of tags) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    if (noModule) {
      noModuleGzip += gz;
      continue;
    }
    jsFiles++;
    js += body.length;
    jsGzip += gz;
    if (framework.has(new URL(src, base).pathname)) frameworkGzip += gz;
  }
  return { page, html: Buffer.byteLength(html), htmlGzip: zlib.gzipSync(html, { level: 9 }).length, rsc, js, jsGzip, jsFiles, frameworkGzip, noModuleGzip };
}

const FLOOR_DIR = path.join('scripts', 'floor-app');
const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

type FloorServer = { base: string; buildDir: string; stop: () => Promise<void> };

/** The framework floor (scripts/floor-app), built afresh by this Next.js (about 10 s) and served by `next start`. */
async function startFloor(): Promise<FloorServer> {
  log('bench: building the framework floor (scripts/floor-app)');
  const built = spawnSync(process.execPath, [NEXT_BIN, 'build', FLOOR_DIR], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (built.status !== 0) throw new Error(`building the framework floor failed:\n${built.stdout}${built.stderr}`);
  const port = await freePort();
  const spawned = spawnLogged(process.execPath, [NEXT_BIN, 'start', FLOOR_DIR, '-p', String(port)], {});
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(base)).ok, 60_000, 'the framework floor page');
  return {
    base,
    buildDir: path.join(FLOOR_DIR, '.next'),
    stop: () => stopSpawned(spawned),
  };
}

type BriefingTime = { format: 'pdf' | 'pptx'; p50: number; min: number; max: number; runs: number; bytes: number };

/**
 * Build time of the overview briefing, warm (the render processes started and their fonts loaded): each request a view
 * not built before (a different first year), so none is served from the cache; p50 of the wall time of the request.
 */
async function briefingTimes(base: string): Promise<BriefingTime[]> {
  const out: BriefingTime[] = [];
  const runs = SHORT ? 3 : 7;
  let year = 1990; // first years before most series begin: each view is new, the content much the same
  for (const format of ['pdf', 'pptx'] as const) {
    log(`bench: overview briefing ${format}`);
    const fetchOne = async () => {
      const t = performance.now();
      const r = await fetch(`${base}/api/briefings/overview.${format}?from=${year++}`);
      const body = await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`briefing ${format} answered ${r.status}`);
      return { ms: performance.now() - t, bytes: body.byteLength };
    };
    await fetchOne();
    await fetchOne();
    const times: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) times.push(await fetchOne());
    const ms = times.map((x) => x.ms);
    out.push({ format, p50: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs, bytes: median(times.map((x) => x.bytes)) });
  }
  return out;
}

type Lh = { page: string; score: number; tbt: number; lcp: number; fcp: number; cls: number; runs: number[]; tbts: number[] };
type LhTarget = { page: string; url: string };

/**
 * Lighthouse on each target, LIGHTHOUSE_RUNS times, in rounds (every target once per round), one Chromium throughout.
 * A run Lighthouse itself calls failed (e.g. NO_NAVSTART: no trace) has no score and is run again.
 */
async function lighthouseScores(targets: LhTarget[]): Promise<Lh[] | string> {
  const chromePath = findChromium();
  if (!chromePath) return 'not measured: no Chromium found';
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const runs = new Map<string, { score: number; tbt: number; lcp: number; fcp: number; cls: number }[]>(targets.map((t) => [t.page, []]));
    let failed = 0;
    for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
      for (const target of targets) {
        for (;;) {
          log(`bench: Lighthouse ${target.page} (${round + 1}/${LIGHTHOUSE_RUNS})`);
          const result = await lighthouse(target.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
          if (!result) throw new Error(`Lighthouse returned nothing for ${target.page}`);
          const { lhr } = result;
          if (lhr.runtimeError) {
            if (++failed > LIGHTHOUSE_RUNS * targets.length) throw new Error(`Lighthouse failed ${failed} times: ${lhr.runtimeError.code}`);
            log(`bench: Lighthouse ${target.page}: ${lhr.runtimeError.code}, again`);
            continue;
          }
          const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
          runs.get(target.page)!.push({ score: Math.round((lhr.categories.performance?.score ?? 0) * 100), tbt: audit('total-blocking-time'), lcp: audit('largest-contentful-paint'), fcp: audit('first-contentful-paint'), cls: audit('cumulative-layout-shift') });
          break;
        }
      }
    }
    return targets.map(({ page }) => {
      const mine = runs.get(page)!;
      // The run with the median score, so the figures in a row belong together.
      const chosen = [...mine].sort((a, b) => a.score - b.score)[Math.floor(mine.length / 2)]!;
      return { page, ...chosen, runs: mine.map((r) => r.score), tbts: mine.map((r) => r.tbt) };
    });
  } finally {
    chrome.kill();
  }
}

async function main() {
  buildIfNeeded();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  const started = Date.now();
  try {
    // The embedded default, as `npm start` runs it: one data folder, seeded on first start; the servers one after
    // the other (a PGlite folder is never opened by two processes).
    let server = await startAppServer({ embeddedDir: dataDir });
    let cached: Load[];
    let png: UnderPngs;
    let pngUncached: UnderPngs;
    let weights: Weight[];
    let floorWeight: Weight;
    let lh: Lh[] | string;
    let briefings: BriefingTime[];
    try {
      // Lighthouse and page weight first, on a quiet server (the pages warmed, no image renders still queued from the
      // load runs competing for the two cores).
      for (const page of PAGES) await warm(server.base, page);
      weights = [];
      for (const page of PAGES) weights.push(await pageWeight(server.base, page));
      const floor = await startFloor();
      try {
        floorWeight = { ...(await pageWeight(floor.base, '/', floor.buildDir)), page: FLOOR };
        const pages = SHORT ? ['/'] : PAGES;
        lh = await lighthouseScores([{ page: FLOOR, url: `${floor.base}/` }, ...pages.map((page) => ({ page, url: server.base + page }))]);
      } finally {
        await floor.stop();
      }
      briefings = await briefingTimes(server.base);
      cached = await loadTable(server, 'page cache on');
      png = await homeUnderPngs(server, 100_000);
    } finally {
      await server.stop();
    }
    server = await startAppServer({ embeddedDir: dataDir }, { PAGE_CACHE_MB: '0' });
    let uncached: Load[];
    try {
      uncached = await loadTable(server, 'page cache off');
      pngUncached = await homeUnderPngs(server, 200_000);
    } finally {
      await server.stop();
    }
    write({ cached, uncached, png, pngUncached, weights, floorWeight, lh, briefings, seconds: Math.round((Date.now() - started) / 1000) });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function write(r: { cached: Load[]; uncached: Load[]; png: UnderPngs; pngUncached: UnderPngs; weights: Weight[]; floorWeight: Weight; lh: Lh[] | string; briefings: BriefingTime[]; seconds: number }) {
  const ping = (rows: Load[]) => rows.find((x) => x.route === '/api/ping')!.rps;
  const row = (rows: Load[]) => (x: Load) =>
    `| ${x.route.startsWith('/') ? `\`${x.route}\`` : x.route} | ${x.rps.toFixed(0)} | ${(x.rps / ping(rows)).toFixed(2)} | ${x.p50} ms | ${x.p99} ms | ${x.non2xx + x.errors ? `${x.non2xx + x.errors} (${x.statuses})` : 0} |`;
  const head = ['| route | req/s | ÷ ping | p50 | p99 | non-2xx or errors |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  const byRoute = (rows: Load[], route: string) => rows.find((x) => x.route === route)!;
  const ratio = (route: string) => byRoute(r.cached, route).rps / ping(r.cached);
  const home = byRoute(r.cached, '/');
  const gas = byRoute(r.cached, '/dimensions/gas');
  const pngRatio = r.png.busy / r.png.idle;
  const rootJs = r.weights.find((w) => w.page === '/')!;
  const lhPages = typeof r.lh === 'string' ? [] : r.lh.filter((l) => l.page !== FLOOR);
  const lhFloor = typeof r.lh === 'string' ? undefined : r.lh.find((l) => l.page === FLOOR);
  const aboveFloor = (l: Lh) => (lhFloor ? median(l.tbts) - median(lhFloor.tbts) : NaN);
  const targets = [
    `- \`/\` req/s ÷ \`/api/ping\` ≥ 0.6 (page cache on): **${ratio('/').toFixed(2)}** ${ratio('/') >= 0.6 ? 'met' : 'NOT met'} (${home.rps.toFixed(0)} req/s).`,
    `- \`/dimensions/gas\` req/s ÷ \`/api/ping\` ≥ 0.6: **${ratio('/dimensions/gas').toFixed(2)}** ${ratio('/dimensions/gas') >= 0.6 ? 'met' : 'NOT met'} (${gas.rps.toFixed(0)} req/s).`,
    `- \`/\` p50 while PNGs render ≤ 1.5× idle: **${pngRatio.toFixed(2)}×** ${pngRatio <= 1.5 ? 'met' : 'NOT met'} (${r.png.idle.toFixed(1)} ms idle, ${r.png.busy.toFixed(1)} ms during; ${r.png.images} images served, ${r.png.refused} refused with 503).`,
    `- First-load JavaScript of \`/\` ≤ 120 KB gzip: **${kb(rootJs.jsGzip)}** ${rootJs.jsGzip <= 120 * 1024 ? 'met' : 'NOT met'} (${kb(rootJs.frameworkGzip)} of it Next's and React's own runtime, shared by every page; ${kb(rootJs.jsGzip - rootJs.frameworkGzip)} the app's; the ${kb(rootJs.noModuleGzip)} \`noModule\` polyfill script is not counted). The framework floor — an empty App Router page built by the same Next.js and React — loads **${kb(r.floorWeight.jsGzip)}** (${kb(r.floorWeight.frameworkGzip)} runtime): no page of this stack goes below it.`,
    typeof r.lh === 'string'
      ? `- Lighthouse: ${r.lh}.`
      : `- Lighthouse mobile performance ≥ 95 and TBT ≤ 200 ms: ${lhPages.map((l) => `\`${l.page}\` **${l.score}** / ${l.tbt.toFixed(0)} ms ${l.score >= 95 && l.tbt <= 200 ? 'met' : 'NOT met'}`).join('; ')}.` +
        (lhFloor
          ? ` The framework floor in the same rounds: **${lhFloor.score}** / ${lhFloor.tbt.toFixed(0)} ms (median TBT ${median(lhFloor.tbts).toFixed(0)} ms); median TBT above it: ${lhPages.map((l) => `\`${l.page}\` ${aboveFloor(l) >= 0 ? '+' : ''}${aboveFloor(l).toFixed(0)} ms`).join(', ')}.`
          : ''),
    ...r.briefings.map((x) => `- Overview briefing ${x.format.toUpperCase()}, p50 build time warm ≤ 2 s (issue 15): **${(x.p50 / 1000).toFixed(2)} s** ${x.p50 <= 2000 ? 'met' : 'NOT met'}.`),
  ];
  const doc = [
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench${SHORT ? ' -- --short' : ''}\` (scripts/bench.ts) in ${r.seconds} s: the production build on the embedded default (\`npm start\`'s launcher, a fresh data folder, seeded), autocannon with ${CONNECTIONS} connections for ${DURATION} s per route (the uncached PNG for ${Math.max(DURATION, 10)} s) after 5 warm-up requests. Ratios are to \`/api/ping\` of the same server in the same run; absolute numbers differ between machines and days, ratios hold.`,
    '',
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    '',
    '## Targets (issues 14 and 15)',
    '',
    ...targets,
    '',
    '## Throughput, page cache on (the default)',
    '',
    ...head,
    ...r.cached.map(row(r.cached)),
    '',
    '## Throughput, page cache off (`PAGE_CACHE_MB=0`, same build, same data)',
    '',
    'Every page is rendered for every request; the chart PNG keeps its own image cache (one URL), the last row never hits it.',
    '',
    ...head,
    ...r.uncached.map(row(r.uncached)),
    '',
    '## `/` while chart images render',
    '',
    '| server | `/` p50 idle | `/` p50 during | ratio | requests (idle / during) | images served | refused (503) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...([['page cache on (the default; the target)', r.png], ['page cache off (every `/` rendered)', r.pngUncached]] as const).map(
      ([label, x]) => `| ${label} | ${x.idle.toFixed(1)} ms | ${x.busy.toFixed(1)} ms | ${(x.busy / x.idle).toFixed(2)}× | ${x.idleN} / ${x.busyN} | ${x.images} | ${x.refused} |`,
    ),
    '',
    `Sequential requests to \`/\` for ${SHORT ? 3 : 8} s (at least 20) idle, then for as long while 5 loops fetch chart PNGs that are never cached (each a render in the pool; 503 is the render queue's bound).`,
    '',
    '## Page weight',
    '',
    'HTML as served (uncompressed and gzip), the React Server Components payload inlined in it (`self.__next_f.push`), and the JavaScript the page loads first (gzip -9 of each file).',
    '',
    '| page | HTML | HTML gzip | inline RSC payload | first-load JS | first-load JS gzip | of it Next + React runtime | `noModule` polyfill (not counted) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...r.weights, r.floorWeight].map((w) => `| ${w.page === FLOOR ? FLOOR : `\`${w.page}\``} | ${kb(w.html)} | ${kb(w.htmlGzip)} | ${kb(w.rsc)} | ${kb(w.js)} (${w.jsFiles} files) | ${kb(w.jsGzip)} | ${kb(w.frameworkGzip)} | ${kb(w.noModuleGzip)} |`),
    '',
    '## Briefing build time (issue 15)',
    '',
    `\`/api/briefings/overview.pdf|pptx\` on the page-cache server, warm (two builds first), each request a view not built before (another first year), so each is built in a render process and none comes from the cache: wall time of the request, ${SHORT ? 3 : 7} runs.`,
    '',
    '| file | p50 | fastest | slowest | size |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.briefings.map((x) => `| overview ${x.format.toUpperCase()} | ${(x.p50 / 1000).toFixed(2)} s | ${(x.min / 1000).toFixed(2)} s | ${(x.max / 1000).toFixed(2)} s | ${kb(x.bytes)} |`),
    '',
    '## Lighthouse 12.2.3, mobile defaults',
    '',
    typeof r.lh === 'string'
      ? r.lh
      : [
          `Simulated throttling (Lighthouse's default mobile profile); ${LIGHTHOUSE_RUNS} run(s) of each page in rounds (each page once per round, the framework floor first), one Chromium; a row shows the run with the median score. Lighthouse's CPU figures are this machine's, multiplied by 4: they move from day to day with the machine, so each page is also given as TBT above the framework floor measured in the same rounds (medians of the runs).`,
          '',
          '| page | performance | total blocking time | median TBT | median TBT above the floor | largest contentful paint | first contentful paint | CLS | scores of the runs |',
          '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
          ...r.lh.map(
            (l) =>
              `| ${l.page === FLOOR ? FLOOR : `\`${l.page}\``} | ${l.score} | ${l.tbt.toFixed(0)} ms | ${median(l.tbts).toFixed(0)} ms | ${l.page === FLOOR ? '—' : `${aboveFloor(l).toFixed(0)} ms`} | ${(l.lcp / 1000).toFixed(2)} s | ${(l.fcp / 1000).toFixed(2)} s | ${l.cls.toFixed(3)} | ${l.runs.join(', ')} |`,
          ),
        ].join('\n'),
    '',
    'Before issue 14 (from the issue, same kind of run): `/api/ping` 191 req/s, `/` 51 (0.27×), `/dimensions/gas` 27 (0.14×), chart PNG 5 req/s with p99 5,474 ms; Lighthouse `/` 91 (TBT 347 ms), `/dimensions/gas` 67 (TBT 3,265 ms); first-load JS of `/` 171 KB gzip. Latency of single requests: `npm run bench:latency` (docs/benchmarks-latency.md).',
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, doc);
  console.log(doc);
}

await main();
