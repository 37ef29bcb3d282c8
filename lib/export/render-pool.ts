import 'server-only';
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { env } from '../env';
import type { RenderDone, RenderJob, RenderWork } from './render-process';
import type { ExportOptions, ExportSpec } from './spec';

/**
 * Chart PNGs and briefing files off the request thread, bounded, with a cache.
 *
 * Composing (text outlined glyph by glyph) and rasterising take ~50 ms and ~150 ms of CPU per image. Both run in
 * RENDER_PROCESSES child processes (render-process.ts) started at the lowest CPU priority: on a busy machine the
 * pages' own work comes first, and an image waits instead. Each process renders one image at a time; at most
 * QUEUE_LIMIT wait, past that a request is refused with 503 and Retry-After rather than queued without end.
 * Finished images are kept per (normalised parameters, data version) up to CACHE_BYTES, least recently used out
 * first; identical requests arriving together share one render.
 */
const RENDER_PROCESSES = Math.max(1, Math.min(4, os.availableParallelism() - 1));
const LOWEST_PRIORITY = 19;
const JOB_TIMEOUT_MS = 30_000;

/** The image could not be rendered in time (queue full, or its turn did not come): 503 with Retry-After. */
export class RenderQueueFull extends Error {
  constructor(message = 'Too many images are being rendered right now; try again in a few seconds.') {
    super(message);
  }
}

type Pending = { resolve: (png: Buffer) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
type Worker = { child: ChildProcess; busy: number; pending: Map<number, Pending> };
type Store = { workers: Worker[]; waiting: number; cache: Map<string, Buffer>; bytes: number; inflight: Map<string, Promise<Buffer>>; nextId: number };
const g = globalThis as unknown as { atlasRender?: Store };
const store: Store = (g.atlasRender ??= { workers: [], waiting: 0, cache: new Map(), bytes: 0, inflight: new Map(), nextId: 1 });

function startWorker(): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'lib', 'export', 'render-process.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    if (child.pid) os.setPriority(child.pid, LOWEST_PRIORITY);
  } catch {
    // not permitted here: it still renders, only without the lower priority
  }
  const worker: Worker = { child, busy: 0, pending: new Map() };
  child.on('message', (done: RenderDone) => {
    const job = worker.pending.get(done.id);
    if (!job) return;
    worker.pending.delete(done.id);
    worker.busy--;
    clearTimeout(job.timer);
    if (done.file) job.resolve(Buffer.from(done.file));
    else job.reject(new Error(`render failed: ${done.error ?? 'unknown error'}`));
  });
  child.on('exit', () => {
    store.workers = store.workers.filter((w) => w !== worker);
    for (const job of worker.pending.values()) {
      clearTimeout(job.timer);
      job.reject(new Error('the render process stopped'));
    }
    worker.pending.clear();
  });
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  return worker;
}

function leastBusyWorker(): Worker {
  while (store.workers.length < RENDER_PROCESSES) store.workers.push(startWorker());
  return store.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
}

function render(work: RenderWork): Promise<Buffer> {
  const queued = store.workers.reduce((n, w) => n + Math.max(0, w.busy - 1), 0);
  if (queued >= env().RENDER_QUEUE_LIMIT) return Promise.reject(new RenderQueueFull());
  const worker = leastBusyWorker();
  const id = store.nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.pending.delete(id);
      worker.busy--;
      reject(new RenderQueueFull(`The ${work.kind === 'png' ? 'image' : 'briefing'} was not built within ${JOB_TIMEOUT_MS / 1000} s: the server is busy; try again shortly.`));
    }, JOB_TIMEOUT_MS);
    worker.pending.set(id, { resolve, reject, timer });
    worker.busy++;
    const job: RenderJob = { ...work, id };
    worker.child.send(job);
  });
}

function remember(key: string, png: Buffer): void {
  const limit = env().RENDER_CACHE_MB * 1024 * 1024;
  if (png.length > limit / 4) return;
  store.cache.set(key, png);
  store.bytes += png.length;
  for (const [k, v] of store.cache) {
    if (store.bytes <= limit) break;
    store.cache.delete(k);
    store.bytes -= v.length;
  }
}

/**
 * The file for `key` from the cache, or built in a render process (once, however many ask for it at the same time).
 * `work` may be a function: it is called only when the file has to be built (a briefing reads the database for it).
 */
export async function cachedRender(key: string, work: RenderWork | (() => Promise<RenderWork>)): Promise<Buffer> {
  const hit = store.cache.get(key);
  if (hit) {
    store.cache.delete(key); // re-inserted last: a Map iterates oldest first, so this keeps the order least recently used
    store.cache.set(key, hit);
    return hit;
  }
  const running = store.inflight.get(key);
  if (running) return running;
  const job = (async () => render(typeof work === 'function' ? await work() : work))();
  store.inflight.set(key, job);
  try {
    const file = await job;
    remember(key, file);
    return file;
  } finally {
    store.inflight.delete(key);
  }
}

/** The PNG of a chart for `key` from the cache, or rendered. */
export function cachedPng(key: string, spec: ExportSpec, options: ExportOptions, density: number): Promise<Buffer> {
  return cachedRender(key, { kind: 'png', spec, options, density });
}
