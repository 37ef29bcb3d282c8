/**
 * The Content-Security-Policy of every page: scripts only from this origin and carrying this response's nonce
 * (Next.js puts the nonce on its own scripts when it finds it in the request's policy); styles from this origin
 * plus inline style attributes (the charts position their parts with them); images from this origin, data: and
 * blob: (exported charts); no plugins, no framing, forms post only here.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The page a visitor gets while the database is away: plain HTML, no scripts, refreshes itself. */
export const UNAVAILABLE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10"><title>Database unavailable · Dependency Atlas</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.6rem}</style></head>
<body><main><h1>Database unavailable</h1>
<p>Dependency Atlas cannot reach its database just now, so no figures can be shown. Nothing was changed.</p>
<p>This page tries again every 10 seconds; the service status is at <a href="/api/health">/api/health</a>.</p></main></body></html>`;
