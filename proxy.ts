import { NextResponse, type NextRequest } from 'next/server';
import { databaseUp } from './lib/db/availability';
import { contentSecurityPolicy, UNAVAILABLE_HTML } from './lib/security/headers';
import { crossSite } from './lib/security/origin';
import { HSTS, requestIsHttps } from './lib/security/forwarded';
import { SESSION_COOKIE } from './lib/auth/cookie';

/**
 * Runs before every page and API route (not static files):
 * - a POST (or other write) whose Origin is another site gets 403, before a server action or route handler runs;
 * - while the database does not answer, pages get a plain "Database unavailable" page and API routes a JSON
 *   error, both 503 with Retry-After (the health and ping routes answer for themselves);
 * - every page gets a Content-Security-Policy with a fresh nonce, which Next.js also puts on its scripts.
 */
export function proxy(request: NextRequest) {
  const response = route(request);
  if (requestIsHttps(request.headers)) response.headers.set('strict-transport-security', HSTS);
  return response;
}

function route(request: NextRequest): NextResponse {
  const path = request.nextUrl.pathname;
  if (crossSite(request)) return NextResponse.json({ error: 'Cross-site request refused.' }, { status: 403 });
  // Reading an admin page with no session at all: refused here, before any layout or page renders (a redirect with
  // an empty body). With a cookie, the page and every admin query check the role themselves. A POST (a server action
  // from a tab whose cookie has expired) goes on to the action, which refuses it with "sign in again".
  if ((request.method === 'GET' || request.method === 'HEAD') && (path === '/admin' || path.startsWith('/admin/')) && !request.cookies.has(SESSION_COOKIE)) {
    const login = request.nextUrl.clone();
    login.pathname = '/login';
    login.search = '';
    login.searchParams.set('next', `${path}${request.nextUrl.search}`);
    const response = NextResponse.redirect(login, 307);
    response.headers.set('cache-control', 'no-store');
    return response;
  }
  if (path !== '/api/health' && path !== '/api/ping' && !databaseUp()) {
    const headers = { 'retry-after': '5', 'cache-control': 'no-store' };
    if (path.startsWith('/api/')) return NextResponse.json({ error: 'The database is unavailable; try again shortly.' }, { status: 503, headers });
    return new NextResponse(UNAVAILABLE_HTML, {
      status: 503,
      headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
    });
  }
  // API routes answer JSON, CSV and images: their policy is a static one (next.config.js), and skipping the
  // request-header rewrite below saves about a millisecond on each.
  if (path.startsWith('/api/')) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

// /api/import is left out: with a proxy, Next buffers a request body for it (10 MB at most, silently cut), while
// the import streams uploads of up to 200 MB. Its handler makes the same cross-site and session checks itself,
// before it reads a byte of the body.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|api/import).*)'],
};
