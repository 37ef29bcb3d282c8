import { env } from '../env';

/** Set by the web server (scripts/serve.ts) from the socket on every request; a client's own value is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-atlas-client-address';

/**
 * The address a request came from, for throttling. Without TRUST_PROXY=1 it is the socket's address, whatever
 * X-Forwarded-For says (a client can write that header). Behind one trusted reverse proxy (TRUST_PROXY=1) the
 * socket is the proxy's; the proxy appends the address it saw to X-Forwarded-For, so the right-most entry is the
 * client (entries to its left were written by the client, and are not trusted).
 */
export function clientAddressOf(headers: Headers, trustProxy = env().TRUST_PROXY): string {
  const socket = headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
  if (!trustProxy) return socket;
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded.at(-1) ?? socket;
}
