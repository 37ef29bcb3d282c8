import { requestHost } from './forwarded';

/**
 * A browser names the site a POST comes from in `Origin`; one from another site is refused before anything
 * else runs (server actions and route handlers alike). No `Origin` means no browser (curl, scripts): the session
 * cookie still has to be valid, and SameSite=Lax keeps browsers from sending it cross-site.
 */
export function crossSite(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = requestHost(request.headers);
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
