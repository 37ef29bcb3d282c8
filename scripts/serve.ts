/**
 * The production web server: Next.js's request handler behind Node's own HTTP server, so that
 * - the client's socket address reaches the app (CLIENT_ADDRESS_HEADER, overwritten on every request, so a
 *   client cannot choose it): `next start` passes on an X-Forwarded-For the client wrote itself;
 * - slow clients are cut off: headers must arrive within HEADERS_TIMEOUT_MS and a whole request (an upload
 *   included) within REQUEST_TIMEOUT_MS; idle keep-alive connections close after KEEP_ALIVE_MS.
 * Run by `npm start` and the tests as `node --import tsx scripts/serve.ts` with PORT set.
 */
import http from 'node:http';
import next from 'next';
import { CLIENT_ADDRESS_HEADER } from '../lib/security/client-address';

const HEADERS_TIMEOUT_MS = Number(process.env.HEADERS_TIMEOUT_MS || 20_000);
const REQUEST_TIMEOUT_MS = Number(process.env.REQUEST_TIMEOUT_MS || 10 * 60_000);
// Longer than the usual load balancer's idle timeout (60 s), so the balancer, not the app, closes idle connections.
const KEEP_ALIVE_MS = 65_000;

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

// Node looks for timed-out connections every connectionsCheckingInterval: a fraction of the shorter timeout.
const server = http.createServer({ connectionsCheckingInterval: Math.max(250, Math.min(HEADERS_TIMEOUT_MS, 30_000) / 4) }, (request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
  handle(request, response).catch((error: unknown) => {
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
