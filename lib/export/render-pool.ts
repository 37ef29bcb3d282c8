import 'server-only';
import os from 'node:os';
import { renderAsync } from '@resvg/resvg-js';
import { env } from '../env';

/**
 * PNG rasterising off the request thread, bounded, with a cache.
 *
 * resvg's renderAsync runs on libuv's worker threads, so the event loop keeps answering pages while an image
 * renders. At most RENDER_SLOTS images render at once (one core is left to the pages), at most QUEUE_LIMIT wait;
 * past that a request is refused with 503 and Retry-After rather than queued without end. Finished images are
 * kept per (normalised parameters, data version) up to CACHE_BYTES, least recently used out first.
 */
const RENDER_SLOTS = Math.max(1, Math.min(4, os.availableParallelism() - 1));
const QUEUE_LIMIT = env().RENDER_QUEUE_LIMIT;
const CACHE_BYTES = env().RENDER_CACHE_MB * 1024 * 1024;

export class RenderQueueFull extends Error {
  constructor() {
    super('Too many images are being rendered right now; try again in a few seconds.');
  }
}

type Store = { active: number; waiting: (() => void)[]; cache: Map<string, Buffer>; bytes: number; inflight: Map<string, Promise<Buffer>> };
const g = globalThis as unknown as { atlasRender?: Store };
const store: Store = (g.atlasRender ??= { active: 0, waiting: [], cache: new Map(), bytes: 0, inflight: new Map() });

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (store.active >= RENDER_SLOTS) {
    if (store.waiting.length >= QUEUE_LIMIT) throw new RenderQueueFull();
    await new Promise<void>((resolve) => store.waiting.push(resolve));
  } else store.active++;
  try {
    return await work();
  } finally {
    const next = store.waiting.shift();
    if (next) next();
    else store.active--;
  }
}

function remember(key: string, png: Buffer): void {
  if (png.length > CACHE_BYTES / 4) return;
  store.cache.set(key, png);
  store.bytes += png.length;
  for (const [k, v] of store.cache) {
    if (store.bytes <= CACHE_BYTES) break;
    store.cache.delete(k);
    store.bytes -= v.length;
  }
}

/** The PNG for `key` from the cache, or rendered (once, however many ask for it at the same time) from `svg()`. */
export async function cachedPng(key: string, svg: () => string, density: number): Promise<Buffer> {
  const hit = store.cache.get(key);
  if (hit) {
    store.cache.delete(key); // re-inserted: a Map iterates oldest first, so this keeps it least recently used last
    store.cache.set(key, hit);
    return hit;
  }
  const running = store.inflight.get(key);
  if (running) return running;
  const job = slot(async () => {
    const image = await renderAsync(svg(), { fitTo: { mode: 'zoom', value: density }, font: { loadSystemFonts: false } });
    return Buffer.from(image.asPng());
  });
  store.inflight.set(key, job);
  try {
    const png = await job;
    remember(key, png);
    return png;
  } finally {
    store.inflight.delete(key);
  }
}

export function renderStats() {
  return { slots: RENDER_SLOTS, active: store.active, waiting: store.waiting.length, cached: store.cache.size, cacheBytes: store.bytes };
}
