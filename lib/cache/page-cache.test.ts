import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nonceOf, PageCache, pageKey, storable, withNonce, type CachedPage } from './page-cache';

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers });
const page = (body: string, nonce: string | null = null): CachedPage => ({ status: 200, headers: { 'content-security-policy': `script-src 'nonce-${nonce}'` }, body: Buffer.from(body), nonce });

describe('page cache keys', () => {
  it('keys anonymous GETs of pages by URL and the RSC headers', () => {
    expect(pageKey(req('/dimensions/gas?from=2016'), 'atlas_session')).not.toBeNull();
    expect(pageKey(req('/'), 'atlas_session')).not.toEqual(pageKey(req('/', { rsc: '1' }), 'atlas_session'));
    expect(pageKey(req('/', { cookie: 'theme=dark' }), 'atlas_session')).toEqual(pageKey(req('/'), 'atlas_session'));
    // HSTS and absolute links depend on how the client came in
    expect(pageKey(req('/', { 'x-forwarded-proto': 'https' }), 'atlas_session')).not.toEqual(pageKey(req('/'), 'atlas_session'));
    expect(pageKey(req('/', { host: 'a.example' }), 'atlas_session')).not.toEqual(pageKey(req('/', { host: 'b.example' }), 'atlas_session'));
  });
  it('never keys a signed-in request, a write, an admin, sign-in or API path', () => {
    expect(pageKey(req('/', { cookie: 'a=1; atlas_session=abc' }), 'atlas_session')).toBeNull();
    expect(pageKey(req('/', {}, 'POST'), 'atlas_session')).toBeNull();
    for (const path of ['/admin', '/admin/users', '/login?next=/admin', '/api/ping', '/_next/static/x.js']) expect(pageKey(req(path), 'atlas_session')).toBeNull();
  });
  it('stores only plain 200 pages without a cookie of their own', () => {
    expect(storable(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-store' })).toBe(true);
    expect(storable(200, { 'content-type': 'text/x-component' })).toBe(true);
    expect(storable(404, { 'content-type': 'text/html' })).toBe(false);
    expect(storable(200, { 'content-type': 'text/html', 'set-cookie': 'x=1' })).toBe(false);
    expect(storable(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })).toBe(false);
    expect(storable(200, { 'content-type': 'application/json' })).toBe(false);
  });
});

describe('serving a stored page', () => {
  it('swaps the nonce in the policy and the body', () => {
    expect(nonceOf("script-src 'self' 'nonce-QUJD+/=' 'strict-dynamic'")).toBe('QUJD+/=');
    const served = withNonce(page('<script nonce="OLD">x</script><script nonce="OLD">', 'OLD'), 'NEW');
    expect(served.body.toString()).toBe('<script nonce="NEW">x</script><script nonce="NEW">');
    expect(served.headers['content-security-policy']).toBe("script-src 'nonce-NEW'");
  });
  it('gzips with a fresh nonce from pieces deflated once: the stream decodes to the page with the new nonce', () => {
    // A page-like body: the nonce many times, text that compresses, bytes that do not, multi-byte characters.
    const old = 'T0xEbm9uY2U=';
    const parts = Array.from({ length: 40 }, (_, i) => `<script nonce="${old}">self.__next_f.push([1,"${'İstanbul ⛽ '.repeat(i)}${crypto.randomBytes(i * 7).toString('hex')}"])</script>`);
    const body = `<!DOCTYPE html><html>${parts.join('<p>text</p>')}<body nonce="${old}"></body></html>${old}`;
    const stored = page(body, old);
    for (const nonce of ['TkVXMQ==', 'a-much-longer-nonce-than-before-0123456789']) {
      const expected = body.split(old).join(nonce);
      const plain = withNonce(stored, nonce);
      expect(plain.body.toString('utf8')).toBe(expected);
      const gz = withNonce(stored, nonce, true);
      expect(gz.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(expected); // checks the CRC and length too
      expect(gz.body.length).toBeLessThan(Buffer.byteLength(expected) / 2);
      expect(gz.headers['content-security-policy']).toBe(`script-src 'nonce-${nonce}'`);
    }
    // a page without a nonce is served as stored
    expect(zlib.gunzipSync(withNonce(page('<p>no scripts</p>'.repeat(100)), '', true).body).toString()).toBe('<p>no scripts</p>'.repeat(100));
  });
  it('stays within its byte bound, least recently used first', () => {
    const cache = new PageCache(4000);
    cache.set('a', page('x'.repeat(900)));
    cache.set('b', page('x'.repeat(900)));
    cache.set('c', page('x'.repeat(900)));
    cache.get('a');
    cache.set('d', page('x'.repeat(900)));
    cache.set('e', page('x'.repeat(900)));
    expect(cache.usedBytes).toBeLessThanOrEqual(4000);
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    cache.set('huge', page('x'.repeat(2000)));
    expect(cache.get('huge')).toBeUndefined();
  });
  it('drops pages of older data versions', () => {
    const cache = new PageCache(10_000);
    cache.set('/|v1', page('old'));
    cache.set('/x|v2', page('new'));
    cache.dropOlderThan('|v2');
    expect(cache.get('/|v1')).toBeUndefined();
    expect(cache.get('/x|v2')).toBeDefined();
  });
});
