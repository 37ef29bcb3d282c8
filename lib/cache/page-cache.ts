import zlib from 'node:zlib';

/**
 * The page cache (issue #14): a rendered public page is kept per (URL, the request headers Next.js varies on, data
 * version) and served again until the data changes. Any write, from any instance, bumps the version (triggers), so
 * a key never outlives its data. Only anonymous GETs of pages are candidates: a request that carries a session
 * cookie, an admin or sign-in page, an API route, or an answer that is not a plain 200 (or that sets a cookie) is
 * never stored, so one user's view never reaches another. Each page carries a per-request CSP nonce: a hit gets a
 * fresh one, in the header and in the body alike. Bounded in bytes, least recently used goes first.
 */

/** Request header by which the server hands the app the data state it read (and keys its page cache with). */
export const DATA_STATE_HEADER = 'x-atlas-data-state';

export type CachedPage = {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  nonce: string | null;
  /** the body cut at each occurrence of the nonce, and each piece deflated once (made by `prepare`) */
  prepared?: Prepared;
};

type Prepared = { pieces: Buffer[]; deflated: Buffer[] | null };

/**
 * Request headers that change the answer for one URL: the RSC payload and its router state, and the address the
 * client used (absolute links, and HSTS only for requests that came over https through a trusted proxy).
 */
const VARY = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'host', 'x-forwarded-host', 'x-forwarded-proto'];
const NEVER = /^\/(admin|login|logout|api|_next)(\/|$)/;

export type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/** The cache key of a request, or null when it must not be cached (with the session cookie, a write, a private path). */
export function pageKey(request: RequestLike, sessionCookie: string): string | null {
  if (request.method !== 'GET' || !request.url) return null;
  const path = request.url.split('?')[0] ?? '';
  if (NEVER.test(path)) return null;
  const cookie = String(request.headers.cookie ?? '');
  if (cookie.split(';').some((c) => c.trim().startsWith(`${sessionCookie}=`))) return null;
  if (request.headers.authorization) return null;
  return JSON.stringify([request.url, ...VARY.map((h) => String(request.headers[h] ?? ''))]);
}

/** The nonce of a page's Content-Security-Policy ('nonce-…'), if it has one. */
export function nonceOf(policy: string | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? '')?.[1] ?? null;
}

/**
 * Whether an answer may be stored: a complete 200 page or RSC payload, uncompressed, with no cookie of its own.
 * (Next marks every dynamic page `private, no-store` for browsers and proxies; this cache is the server's own.)
 */
export function storable(status: number, headers: Record<string, unknown>): boolean {
  if (status !== 200 || headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return false;
  const type = String(headers['content-type'] ?? '');
  return type.startsWith('text/html') || type.startsWith('text/x-component');
}

/**
 * Cuts the body at each occurrence of its nonce and deflates each piece once, so that serving it again with a fresh
 * nonce costs a copy (and, for gzip, a checksum) instead of decoding, replacing and compressing the whole page.
 */
export function prepare(page: CachedPage, deflate = false): Prepared {
  if (!page.prepared) {
    const pieces: Buffer[] = [];
    if (page.nonce) {
      const needle = Buffer.from(page.nonce, 'utf8');
      let from = 0;
      for (let at = page.body.indexOf(needle); at !== -1; at = page.body.indexOf(needle, from)) {
        pieces.push(page.body.subarray(from, at));
        from = at + needle.length;
      }
      pieces.push(page.body.subarray(from));
    } else {
      pieces.push(page.body);
    }
    page.prepared = { pieces, deflated: null };
  }
  // Each piece a run of complete, non-final deflate blocks ending on a byte boundary (a sync flush): pieces and the
  // nonce's own blocks can then follow one another in one stream, closed by an empty final block. Made once, when
  // a page is stored or first sent compressed.
  if (deflate && !page.prepared.deflated) {
    page.prepared.deflated = page.prepared.pieces.map((piece) => zlib.deflateRawSync(piece, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }
  return page.prepared;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/** A stored page served with `nonce` in place of the one it was rendered with, as it is or gzip-compressed. */
export function withNonce(page: CachedPage, nonce: string, gzip = false): { headers: Record<string, string | string[]>; body: Buffer } {
  const swap = (s: string) => (page.nonce ? s.split(page.nonce).join(nonce) : s);
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(page.headers)) headers[k] = Array.isArray(v) ? v.map(swap) : swap(v);
  const { pieces, deflated } = prepare(page, gzip);
  const fresh = Buffer.from(nonce, 'utf8');
  if (!gzip || !deflated) return { headers, body: Buffer.concat(pieces.flatMap((piece, i) => (i === 0 ? [piece] : [fresh, piece]))) };
  const freshDeflated = zlib.deflateRawSync(fresh, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [GZIP_HEADER];
  pieces.forEach((piece, i) => {
    if (i > 0) {
      out.push(freshDeflated);
      crc = zlib.crc32(fresh, crc);
      size += fresh.length;
    }
    out.push(deflated[i]!);
    crc = zlib.crc32(piece, crc);
    size += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  out.push(FINAL_EMPTY_BLOCK, trailer);
  return { headers, body: Buffer.concat(out) };
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  /** What an entry holds in memory: the body, its deflated pieces and the key. */
  private static cost(key: string, page: CachedPage): number {
    return page.body.length + (prepare(page, true).deflated ?? []).reduce((n, d) => n + d.length, 0) + key.length;
  }

  get size(): number {
    return this.pages.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage): void {
    const cost = PageCache.cost(key, page);
    if (cost > this.maxBytes / 4) return; // one huge page never empties the cache
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= PageCache.cost(key, old);
      this.pages.delete(key);
    }
    while (this.bytes + cost > this.maxBytes && this.pages.size > 0) {
      const [oldest, value] = this.pages.entries().next().value as [string, CachedPage];
      this.pages.delete(oldest);
      this.bytes -= PageCache.cost(oldest, value);
    }
    this.pages.set(key, page);
    this.bytes += cost;
  }

  /** Drops pages of older data versions (their keys end with the version they were rendered at). */
  dropOlderThan(versionTag: string): void {
    for (const [key, page] of this.pages) {
      if (!key.endsWith(versionTag)) {
        this.pages.delete(key);
        this.bytes -= PageCache.cost(key, page);
      }
    }
  }
}
