import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createPrismaClient } from '../../lib/db/client';
import { prepareDatabase } from '../../scripts/prepare-database';
import { IMPORT_HEADER } from '../../lib/import/observations';
import { editorSession } from '../../scripts/ops/load';
import { startAppServer, type AppServer } from '../../scripts/ops/process';

// What an outside probe does: raw HTTP against a production server, redirects not followed.
let database: TestDatabase;
let server: AppServer;
const cookies: Record<'VIEWER' | 'EDITOR' | 'ADMIN', string> = { VIEWER: '', EDITOR: '', ADMIN: '' };
const MARKERS = {
  viewer: 'probe-viewer@example.org',
  editor: 'probe-editor@example.org',
  admin: 'probe-admin@example.org',
  unpublished: 'Probe unpublished indicator',
  reason: 'probe audit reason 7f3a',
};

beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database.url, () => {});
  cookies.VIEWER = (await editorSession(database.url, MARKERS.viewer, 'VIEWER')).cookie;
  cookies.EDITOR = (await editorSession(database.url, MARKERS.editor, 'EDITOR')).cookie;
  cookies.ADMIN = (await editorSession(database.url, MARKERS.admin, 'ADMIN')).cookie;
  const db = createPrismaClient(database.url, { max: 1, embedded: database.kind === 'embedded' });
  try {
    const dimension = await db.dimension.findFirstOrThrow({ select: { id: true } });
    await db.indicator.create({ data: { slug: 'probe_unpublished', name: MARKERS.unpublished, unit: '%', valueKind: 'SHARE', definition: 'probe', weight: 0, published: false, dimensionId: dimension.id } });
    const o = await db.observation.findFirstOrThrow({ select: { id: true } });
    await db.observation.update({ where: { id: o.id }, data: { note: MARKERS.reason } });
    await db.auditLog.create({ data: { action: 'update', entity: 'observation', entityId: String(o.id), after: { note: MARKERS.reason }, reason: MARKERS.reason } });
  } finally {
    await db.$disconnect();
  }
  server = await startAppServer({ databaseUrl: database.url });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const ADMIN_PAGES = ['/admin', '/admin/observations', '/admin/audit', '/admin/audit?entity=user', '/admin/sources', '/admin/events', '/admin/indicators', '/admin/users', '/admin/import'];
const ADMIN_ROUTES = ['/api/export/backup.json', '/api/export/observations.csv', '/api/observations/1'];

async function get(path: string, cookie?: string) {
  const response = await fetch(`${server.base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, location: response.headers.get('location'), body: await response.text(), headers: response.headers };
}

function leaks(body: string): string[] {
  return [...Object.values(MARKERS), 'Signed in as'].filter((m) => body.includes(m));
}

describe('admin data over raw HTTP', () => {
  it('anonymous: every admin page is a redirect to sign in, made before anything renders', async () => {
    for (const path of ADMIN_PAGES) {
      const r = await get(path);
      expect([path, r.status, new URL(r.location ?? '/', server.base).pathname]).toEqual([path, 307, '/login']);
      expect([path, leaks(r.body), r.body.length < 200]).toEqual([path, [], true]);
    }
  });

  it('viewer: every admin page refuses, and no response body holds admin data', async () => {
    for (const path of ADMIN_PAGES) {
      const r = await get(path, cookies.VIEWER);
      expect([path, r.status >= 300 && r.status < 400 ? 'redirect' : r.status]).toEqual([path, 'redirect']);
      // (the site header names the signed-in viewer: their own email only)
      expect([path, leaks(r.body).filter((m) => m !== MARKERS.viewer), r.body.length < 20_000]).toEqual([path, [], true]);
    }
  });

  it('anonymous and viewer: a POST to an admin page (which the proxy lets through, for server actions) holds no admin data', async () => {
    for (const path of ADMIN_PAGES) {
      for (const cookie of [undefined, cookies.VIEWER]) {
        const response = await fetch(`${server.base}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }, body: 'a=1' });
        const body = await response.text();
        expect([path, Boolean(cookie), response.status < 500, leaks(body).filter((m) => m !== MARKERS.viewer)]).toEqual([path, Boolean(cookie), true, []]);
      }
    }
  });

  it('anonymous and viewer: admin routes answer 401/403 with no data', async () => {
    for (const path of ADMIN_ROUTES) {
      const anonymous = await get(path);
      const viewer = await get(path, cookies.VIEWER);
      expect([path, anonymous.status, viewer.status]).toEqual([path, 401, 403]);
      expect([path, leaks(anonymous.body + viewer.body)]).toEqual([path, []]);
    }
  });

  it('editor: the audit log shows no user administration, /admin/users is refused, unpublished indicators are visible', async () => {
    const audit = await get('/admin/audit?entity=user', cookies.EDITOR);
    expect(audit.status).toBe(200);
    expect(audit.body).not.toContain(MARKERS.viewer);
    expect(audit.body).not.toContain(MARKERS.admin);
    const users = await get('/admin/users', cookies.EDITOR);
    expect(users.status).toBeGreaterThanOrEqual(300);
    expect(users.status).toBeLessThan(400);
    expect(leaks(users.body).filter((m) => m !== MARKERS.editor && m !== 'Signed in as')).toEqual([]);
    expect((await get('/admin/indicators', cookies.EDITOR)).body).toContain(MARKERS.unpublished);
    // the admin still sees it all
    expect((await get('/admin/audit?entity=user', cookies.ADMIN)).body).toContain(MARKERS.viewer);
  });

  it('a bad audit-filter date gets a field message, not a 500', async () => {
    const r = await get('/admin/audit?from=2024-13-45', cookies.EDITOR);
    expect(r.status).toBe(200);
    expect(r.body).toContain('is not a date');
  });
});

describe('uploads', () => {
  it('/api/import without a session is refused before the body is read', async () => {
    // Headers announcing 50 MB, then nothing: an answer can only come from a check made before reading the body.
    const { port } = new URL(server.base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST /api/import?step=check&name=x.csv HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/csv\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (d) => {
        data += d.toString();
        if (data.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(data);
        }
      });
      socket.on('error', reject);
      setTimeout(() => {
        socket.destroy();
        reject(new Error('no answer within 10 s: the body was awaited'));
      }, 10_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
  });

  it('a file above 10 MB arrives whole: its bad last row is reported', async () => {
    const good = (n: number) => `trade,exports,USD billion,TUR,DEU,${1900 + (n % 200)},${n % 97},Probe bulletin ${Math.floor(n / 200)},https://example.org/probe/${Math.floor(n / 200)},"exports reached ${n % 97} billion in a long excerpt that makes each line about one hundred and fifty bytes"\n`;
    const lines = [`${IMPORT_HEADER.join(',')}\n`];
    let size = lines[0]!.length;
    // distinct keys: indicator names vary with n
    for (let n = 0; size < 11 * 1024 * 1024; n++) {
      const line = good(n).replace('exports,', `probe_${Math.floor(n / 200)},`);
      lines.push(line);
      size += line.length;
    }
    lines.push('trade,exports,USD billion,TUR,DEU,2023,not-a-number,Probe,https://example.org/probe,"bad"\n');
    const body = lines.join('');
    expect(Buffer.byteLength(body)).toBeGreaterThan(10 * 1024 * 1024);
    const response = await fetch(`${server.base}/api/import?step=check&name=big.csv`, { method: 'POST', body, headers: { cookie: cookies.EDITOR, 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    const messages = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; ok?: boolean; report?: { rows: number; errors: { line: number }[] } });
    const done = messages.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.ok).toBe(false);
    expect(done.report?.rows).toBe(lines.length - 1);
    expect(done.report?.errors.map((e) => e.line)).toContain(lines.length);
  });
});

describe('chart images', () => {
  it('a parameter the route does not know is not part of the image key', async () => {
    const a = await fetch(`${server.base}/api/charts/gas_import_share.png?partners=RUS,NATO&cb=1`);
    const b = await fetch(`${server.base}/api/charts/gas_import_share.png?partners=RUS,NATO&cb=2`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
  });
});

describe('transport', () => {
  it('without TRUST_PROXY a client saying X-Forwarded-Proto: https gets no HSTS', async () => {
    const r = await fetch(`${server.base}/`, { headers: { 'x-forwarded-proto': 'https' } });
    await r.arrayBuffer();
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  describe('behind a trusted proxy, with short timeouts', () => {
    let proxied: AppServer;
    beforeAll(async () => {
      proxied = await startAppServer({ databaseUrl: database.url }, { TRUST_PROXY: '1', HEADERS_TIMEOUT_MS: '1500', REQUEST_TIMEOUT_MS: '3000' });
    });
    afterAll(async () => proxied?.stop());

    it('sends HSTS on requests that came over https, and not on others', async () => {
      const https = await fetch(`${proxied.base}/`, { headers: { 'x-forwarded-proto': 'https' } });
      const http = await fetch(`${proxied.base}/`);
      await Promise.all([https.arrayBuffer(), http.arrayBuffer()]);
      expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(http.headers.get('strict-transport-security')).toBeNull();
    });

    it('closes a connection whose headers never finish, and one whose body never finishes', async () => {
      const { port } = new URL(proxied.base);
      const closedAfter = (payload: string) =>
        new Promise<number>((resolve, reject) => {
          const t = Date.now();
          const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(payload));
          socket.on('data', () => {});
          socket.on('close', () => resolve(Date.now() - t));
          socket.on('error', () => {});
          setTimeout(() => {
            socket.destroy();
            reject(new Error('still open after 15 s'));
          }, 15_000);
        });
      expect(await closedAfter(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `)).toBeLessThan(15_000);
      expect(await closedAfter(`POST /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nabc`)).toBeLessThan(15_000);
    });
  });
});
