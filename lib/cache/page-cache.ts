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

export type CachedPage = { status: number; headers: Record<string, string | string[]>; body: Buffer; nonce: string | null };

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

/** A stored page served with `nonce` in place of the one it was rendered with. */
export function withNonce(page: CachedPage, nonce: string): { headers: Record<string, string | string[]>; body: Buffer } {
  if (!page.nonce) return { headers: page.headers, body: page.body };
  const swap = (s: string) => s.split(page.nonce!).join(nonce);
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(page.headers)) headers[k] = Array.isArray(v) ? v.map(swap) : swap(v);
  return { headers, body: Buffer.from(swap(page.body.toString('utf8')), 'utf8') };
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

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
    const cost = page.body.length + key.length;
    if (cost > this.maxBytes / 4) return; // one huge page never empties the cache
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.body.length + key.length;
      this.pages.delete(key);
    }
    while (this.bytes + cost > this.maxBytes && this.pages.size > 0) {
      const [oldest, value] = this.pages.entries().next().value as [string, CachedPage];
      this.pages.delete(oldest);
      this.bytes -= value.body.length + oldest.length;
    }
    this.pages.set(key, page);
    this.bytes += cost;
  }

  /** Drops pages of older data versions (their keys end with the version they were rendered at). */
  dropOlderThan(versionTag: string): void {
    for (const [key, page] of this.pages) {
      if (!key.endsWith(versionTag)) {
        this.pages.delete(key);
        this.bytes -= page.body.length + key.length;
      }
    }
  }
}
