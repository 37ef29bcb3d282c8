import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from './client-address';
import { requestHost, requestIsHttps } from './forwarded';
import { crossSite } from './origin';

const saved = process.env.TRUST_PROXY;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = saved;
});

const spoofed = new Headers({ [CLIENT_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '203.0.113.1, 203.0.113.2', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', host: 'atlas.example' });

describe('forwarded headers', () => {
  it('without TRUST_PROXY: the socket address, plain http and the Host header, whatever X-Forwarded-* say', () => {
    delete process.env.TRUST_PROXY;
    expect(clientAddressOf(spoofed)).toBe('198.51.100.7');
    expect(requestIsHttps(spoofed)).toBe(false);
    expect(requestHost(spoofed)).toBe('atlas.example');
    // a forged X-Forwarded-Host does not make a cross-site POST look same-site
    expect(crossSite(new Request('http://atlas.example/x', { method: 'POST', headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', host: 'atlas.example' } }))).toBe(true);
  });

  it('with TRUST_PROXY=1: the right-most X-Forwarded-For entry (the one the proxy added), https and the forwarded host', () => {
    process.env.TRUST_PROXY = '1';
    expect(clientAddressOf(spoofed)).toBe('203.0.113.2');
    expect(clientAddressOf(new Headers({ [CLIENT_ADDRESS_HEADER]: '10.0.0.5' }))).toBe('10.0.0.5');
    expect(requestIsHttps(spoofed)).toBe(true);
    expect(requestHost(spoofed)).toBe('evil.example');
  });
});
