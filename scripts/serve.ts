/**
 * The production web server: Next.js's request handler behind Node's own HTTP server, so that
 * - the client's socket address reaches the app (CLIENT_ADDRESS_HEADER, overwritten on every request, so a
 *   client cannot choose it): `next start` passes on an X-Forwarded-For the client wrote itself;
 * - slow clients are cut off: headers must arrive within HEADERS_TIMEOUT_MS and a whole request (an upload
 *   included) within REQUEST_TIMEOUT_MS; idle keep-alive connections close after KEEP_ALIVE_MS.
 * Run by `npm start` and the tests as `node --import tsx scripts/serve.ts` with PORT set.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import next from 'next';
import postgres from 'postgres';
import { CLIENT_ADDRESS_HEADER } from '../lib/security/client-address';
import { SESSION_COOKIE } from '../lib/auth/cookie';
import { DATA_STATE_HEADER, nonceOf, PageCache, pageKey, storable, withNonce } from '../lib/cache/page-cache';

const HEADERS_TIMEOUT_MS = Number(process.env.HEADERS_TIMEOUT_MS || 20_000);
const REQUEST_TIMEOUT_MS = Number(process.env.REQUEST_TIMEOUT_MS || 10 * 60_000);
// Longer than the usual load balancer's idle timeout (60 s), so the balancer, not the app, closes idle connections.
const KEEP_ALIVE_MS = 65_000;

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

// The page cache (lib/cache/page-cache.ts): PAGE_CACHE_MB=0 turns it off.
const PAGE_CACHE_MB = Number(process.env.PAGE_CACHE_MB ?? 64);
const cache = PAGE_CACHE_MB > 0 && process.env.DATABASE_URL ? new PageCache(PAGE_CACHE_MB * 1024 * 1024) : null;
const versionDb = cache ? postgres(process.env.DATABASE_URL!, { max: 1, idle_timeout: 30, connect_timeout: 2, onnotice: () => {} }) : null;
let lastTag = '';

/**
 * The data version, read for every candidate request (one row): a write by any instance is seen at once. The app
 * renders with this very state (DATA_STATE_HEADER), so a page is stored under the version it shows.
 */
let versionDownUntil = 0;
const VERSION_WAIT_MS = 1000;

async function versionTag(request: http.IncomingMessage): Promise<string | null> {
  // The database did not answer a moment ago: no cache for a second, and no request waits on it meanwhile.
  if (Date.now() < versionDownUntil) return null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('data version: no answer')), VERSION_WAIT_MS);
    });
    const [row] = await Promise.race([timeout, versionDb!<{ dataset_id: string; version: string; changed_at: string }[]>`
      SELECT dataset_id, version::text AS version, to_char(changed_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS changed_at FROM data_state WHERE id = 1`]);
    if (!row) return null;
    request.headers[DATA_STATE_HEADER] = JSON.stringify({ datasetId: row.dataset_id, version: row.version, changedAt: row.changed_at });
    const tag = `|v${row.dataset_id}:${row.version}`;
    if (tag && tag !== lastTag) {
      cache!.dropOlderThan(tag);
      lastTag = tag;
    }
    return tag;
  } catch {
    versionDownUntil = Date.now() + VERSION_WAIT_MS;
    return null; // the database is away: no cache; the app answers for itself
  } finally {
    clearTimeout(timer);
  }
}

const gzipOk = (accept: string | string[] | undefined) => /\bgzip\b/.test(String(accept ?? ''));

/** Sends a page (a hit, or a miss once rendered) with a fresh nonce, gzip-compressed when the client takes it. */
function sendPage(request: http.IncomingMessage, response: http.ServerResponse, page: import('../lib/cache/page-cache').CachedPage, state: 'hit' | 'miss', accept: string | string[] | undefined) {
  const gzip = gzipOk(accept) && page.body.length > 1024;
  const { headers, body: out } = withNonce(page, page.nonce ? Buffer.from(crypto.randomUUID()).toString('base64') : '', gzip);
  for (const [k, v] of Object.entries(headers)) response.setHeader(k, v);
  response.setHeader('x-atlas-cache', state);
  response.setHeader('vary', 'RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding');
  if (gzip) response.setHeader('content-encoding', 'gzip');
  response.setHeader('content-length', out.length);
  response.writeHead(page.status);
  response.end(request.method === 'HEAD' ? undefined : out);
}

/** A page's answer rendered into memory (never compressed: the client's encoding is applied when it is sent). */
function capture(response: http.ServerResponse, done: (page: import('../lib/cache/page-cache').CachedPage | null) => void): http.ServerResponse {
  const chunks: Buffer[] = [];
  const fake = Object.create(response) as http.ServerResponse;
  // Its own listeners: an event on the stand-in (Next's 'finish', 'close') must never reach the server's own
  // handlers of the real response (which detach its socket).
  Object.assign(fake, { _events: Object.create(null), _eventsCount: 0 });
  let status = 200;
  const headers: Record<string, string | string[]> = {};
  const add = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array));
  };
  fake.setHeader = (name: string, value: number | string | readonly string[]) => {
    headers[name.toLowerCase()] = Array.isArray(value) ? [...value] : String(value);
    return fake;
  };
  fake.getHeader = (name: string) => headers[name.toLowerCase()];
  fake.getHeaders = () => ({ ...headers });
  fake.hasHeader = (name: string) => name.toLowerCase() in headers;
  fake.removeHeader = (name: string) => {
    delete headers[name.toLowerCase()];
  };
  fake.writeHead = ((code: number, ...rest: unknown[]) => {
    status = code;
    const extra = rest.find((r) => r && typeof r === 'object') as Record<string, string | string[]> | undefined;
    if (extra) for (const [k, v] of Object.entries(extra)) headers[k.toLowerCase()] = v;
    return fake;
  }) as typeof response.writeHead;
  fake.flushHeaders = () => {};
  fake.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    add(chunk, encoding);
    const cb = [encoding, callback].find((f) => typeof f === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof response.write;
  let ended = false;
  fake.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (ended) return fake;
    ended = true;
    add(chunk, encoding);
    const s = fake as unknown as { statusCode: number };
    const code = status !== 200 ? status : (s.statusCode ?? 200);
    done({ status: code, headers, body: Buffer.concat(chunks), nonce: nonceOf(String(headers['content-security-policy'] ?? '')) });
    const cb = [chunk, encoding, callback].find((f) => typeof f === 'function') as (() => void) | undefined;
    cb?.();
    fake.emit('finish');
    fake.emit('close');
    return fake;
  }) as typeof response.end;
  Object.defineProperty(fake, 'headersSent', { get: () => ended });
  Object.defineProperty(fake, 'writableEnded', { get: () => ended });
  Object.defineProperty(fake, 'finished', { get: () => ended });
  return fake;
}

/** Renders a cacheable page, or serves it from the cache; every other request goes straight to Next.js. */
async function cached(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
  if (!cache) return false;
  const key = pageKey(request, SESSION_COOKIE);
  if (!key) return false;
  const tag = await versionTag(request);
  if (!tag) return false;
  const full = key + tag;
  const hit = cache.get(full);
  if (hit) {
    cache.hits++;
    sendPage(request, response, hit, 'hit', request.headers['accept-encoding']);
    return true;
  }
  cache.misses++;
  // Rendered uncompressed into memory, stored when it is a plain page, then sent like a hit.
  const accept = request.headers['accept-encoding'];
  delete request.headers['accept-encoding'];
  const page = await new Promise<import('../lib/cache/page-cache').CachedPage | null>((resolve, reject) => {
    handle(request, capture(response, resolve)).catch(reject);
  });
  if (!page) return true;
  if (storable(page.status, page.headers)) {
    // Stored under the version it was rendered at: a write meanwhile makes a new tag, so the entry is never served stale.
    cache.set(full, page);
  }
  sendPage(request, response, page, 'miss', accept);
  return true;
}

// Node looks for timed-out connections every connectionsCheckingInterval: a fraction of the shorter timeout.
const server = http.createServer({ connectionsCheckingInterval: Math.max(250, Math.min(HEADERS_TIMEOUT_MS, 30_000) / 4) }, (request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
  delete request.headers[DATA_STATE_HEADER]; // only this server says which data state a request renders
  const accept = request.headers['accept-encoding'];
  cached(request, response)
    .then((served) => (served ? undefined : handle(request, response)))
    .catch((error: unknown) => {
      request.headers['accept-encoding'] = accept;
      console.error('[atlas] request failed:', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    });
});
server.headersTimeout = HEADERS_TIMEOUT_MS;
server.requestTimeout = REQUEST_TIMEOUT_MS;
server.keepAliveTimeout = KEEP_ALIVE_MS;
server.listen(port, () => console.log(`[atlas] listening on http://localhost:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
