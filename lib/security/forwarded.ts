import { env } from '../env';

/**
 * X-Forwarded-* headers are anyone's to write: they are believed only behind a reverse proxy the operator vouches
 * for (TRUST_PROXY=1), which sets them itself. Otherwise the request is taken as it arrived: plain http, its Host.
 */
const trusted = () => env().TRUST_PROXY;

export function requestIsHttps(headers: Headers): boolean {
  return trusted() && headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function requestHost(headers: Headers): string | null {
  return (trusted() ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : null) || headers.get('host');
}

/** One year, subdomains included: sent only on a request that came over https. */
export const HSTS = 'max-age=31536000; includeSubDomains';
