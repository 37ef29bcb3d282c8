import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../auth/users';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { formData } from '../../test/support/form';
import { seed } from '../../prisma/seed/seed';

// The actions run as in a request, with the signed-in user this test chooses.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('../auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/cache', () => ({ refresh: () => {} }));

const serverUrl = process.env.DATABASE_URL;
let database: TestDatabase;
let db: Db;
let users: Record<'VIEWER' | 'EDITOR' | 'ADMIN', SessionUser>;
const TABLES = ['actor', 'indicator', 'source', 'observation', 'event', 'audit_log'];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
  await seed(db);
  const make = async (role: SessionUser['role']) =>
    db.user.create({ data: { email: `${role.toLowerCase()}@example.org`, role, passwordHash: 'x' }, select: { id: true, email: true, name: true, role: true } });
  users = { VIEWER: await make('VIEWER'), EDITOR: await make('EDITOR'), ADMIN: await make('ADMIN') };
  await db.source.create({ data: { title: 'An uncited source', url: 'https://example.org/uncited' } }); // every seeded one is cited
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  // The worker may run other files next: they make their databases on the original server.
  if (serverUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = serverUrl;
});

async function target() {
  const o = await db.observation.findFirstOrThrow({ where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, year: 2023 }, select: { id: true, version: true, sourceId: true } });
  return o;
}

/** A source every case can cite, whatever earlier cases deleted. */
async function anySource() {
  return (await db.observation.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { sourceId: true } })).sourceId;
}

type Case = { name: string; run: () => Promise<{ ok: boolean; message: string }> };

async function cases(): Promise<Case[]> {
  const { updateObservationAction } = await import('./update-observation');
  const { deleteObservationAction } = await import('./delete-observation');
  const { revertObservationAction } = await import('./revert-observation');
  const { POST: importRoute } = await import('../../app/api/import/route');
  const { PATCH: patchObservation } = await import('../../app/api/observations/[id]/route');
  const { createObservationAction } = await import('./create-observation');
  const { makePrimaryAction } = await import('./make-primary');
  const { updateIndicatorAction, createIndicatorAction } = await import('./update-indicator');
  const sources = await import('./manage-sources');
  const events = await import('./manage-events');
  const initial = { ok: false, message: '' };
  return [
    {
      name: 'update an observation',
      run: async () => {
        const o = await target();
        return updateObservationAction(initial, formData({ id: String(o.id), version: String(o.version), value: '99', status: 'REPORTED', note: 'matrix', sourceId: String(o.sourceId) }));
      },
    },
    {
      name: 'update an observation through PATCH /api/observations/:id',
      run: async () => {
        const o = await target();
        const response = await patchObservation(
          new Request(`http://localhost/api/observations/${o.id}`, { method: 'PATCH', body: JSON.stringify({ version: o.version, value: 98.5, status: 'ESTIMATE', sourceId: o.sourceId }) }),
          { params: Promise.resolve({ id: String(o.id) }) },
        );
        const body = (await response.json()) as { ok?: boolean; message?: string; error?: string };
        return { ok: response.status === 200 && body.ok === true, message: body.error ?? body.message ?? '' };
      },
    },
    {
      name: 'delete an observation',
      run: async () => {
        const o = await target();
        return deleteObservationAction(initial, formData({ id: String(o.id), version: String(o.version), reason: 'access matrix' }));
      },
    },
    {
      name: 'revert an observation',
      run: async () => {
        const entry = await db.auditLog.findFirst({ where: { entity: 'observation', action: 'update' }, orderBy: { id: 'desc' }, select: { id: true } });
        return revertObservationAction(initial, formData({ auditId: String(entry?.id ?? 1) }));
      },
    },
    {
      name: 'add an observation',
      run: async () => {
        return createObservationAction(initial, formData({ indicator: 'imports', reporter: 'TUR', partner: 'ITA', year: '2020', value: '1', status: 'REPORTED', sourceId: String(await anySource()) }));
      },
    },
    {
      name: 'make an alternative primary',
      run: async () => {
        const alt = await db.observation.findFirstOrThrow({ where: { rank: 1 }, select: { id: true, version: true } });
        return makePrimaryAction(initial, formData({ id: String(alt.id), version: String(alt.version) }));
      },
    },
    {
      name: 'unpublish an indicator',
      run: async () =>
        updateIndicatorAction(initial, formData({ slug: 'gas_import_share', name: 'Hidden', unit: '%', definition: 'hidden now', direction: 'more', weight: '0' })),
    },
    {
      name: 'add an indicator',
      run: async () =>
        createIndicatorAction(initial, formData({ dimension: 'gas', name: 'Matrix indicator', unit: 'bcm', kind: 'NUMBER', definition: 'added by the matrix', direction: 'more', weight: '1' })),
    },
    {
      name: 'add a source',
      run: async () => sources.createSourceAction(initial, formData({ title: 'Matrix source', url: 'https://example.org/matrix' })),
    },
    {
      name: 'edit a source',
      run: async () => {
        const s = await db.source.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, version: true, title: true } });
        return sources.updateSourceAction(initial, formData({ id: String(s.id), version: String(s.version), title: `${s.title} (edited)` }));
      },
    },
    {
      name: 'delete a source',
      run: async () => {
        const s = await db.source.findFirstOrThrow({ where: { observations: { none: {} }, events: { none: {} }, memberships: { none: {} }, listings: { none: {} }, fxRates: { none: {} } }, select: { id: true, version: true } });
        return sources.deleteSourceAction(initial, formData({ id: String(s.id), version: String(s.version), reason: 'access matrix' }));
      },
    },
    {
      name: 'add an event',
      run: async () => {
        return events.createEventAction(initial, formData({ startsOn: '2024-05-01', precision: 'day', title: 'Matrix event', partner: 'RUS', dimension: 'gas', sourceId: String(await anySource()) }));
      },
    },
    {
      name: 'edit an event',
      run: async () => {
        const e = await db.event.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, version: true, startsOn: true, sourceId: true } });
        return events.updateEventAction(initial, formData({ id: String(e.id), version: String(e.version), startsOn: e.startsOn.toISOString().slice(0, 10), precision: 'day', title: 'Edited by the matrix', sourceId: String(e.sourceId) }));
      },
    },
    {
      name: 'delete an event',
      run: async () => {
        const e = await db.event.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, version: true } });
        return events.deleteEventAction(initial, formData({ id: String(e.id), version: String(e.version), reason: 'access matrix' }));
      },
    },
    {
      name: 'import a file (check, then commit, through /api/import)',
      run: async () => {
        const call = async (step: string, body: BodyInit): Promise<{ ok: boolean; message: string; upload?: string }> => {
          const response = await importRoute(new Request(`http://localhost/api/import?step=${step}&name=matrix.csv`, { method: 'POST', body }), {});
          if (response.status !== 200) return { ok: false, message: ((await response.json()) as { error: string }).error };
          const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; ok: boolean; message: string; upload?: string });
          return lines.at(-1)!;
        };
        const checked = await call('check', 'dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt\ntrade,exports,USD bn,TUR,ITA,2021,1.5,Matrix,https://example.org/m,\n');
        if (!checked.ok) return checked;
        return call('commit', JSON.stringify({ upload: checked.upload, fileName: 'matrix.csv' }));
      },
    },
  ];
}

describe('access matrix: every mutation × anonymous, viewer, editor, admin', () => {
  it('anonymous visitors and viewers change nothing; the refusal says why', async () => {
    for (const who of [null, 'VIEWER'] as const) {
      session.user = who ? users[who] : null;
      for (const c of await cases()) {
        const before = await fingerprint(database.url, TABLES);
        const result = await c.run();
        expect(result.ok, `${who ?? 'anonymous'}: ${c.name}`).toBe(false);
        expect(result.message).toMatch(who ? /Only editors and above may do this/ : /sign in again|Sign in first/);
        expect(await fingerprint(database.url, TABLES), `${who ?? 'anonymous'}: ${c.name}`).toEqual(before);
      }
    }
  });

  it('editors and admins may update, and each allowed write leaves its audit row', async () => {
    for (const who of ['EDITOR', 'ADMIN'] as const) {
      session.user = users[who];
      const [update] = await cases();
      const audits = await db.auditLog.count();
      expect((await update!.run()).ok, who).toBe(true);
      expect(await db.auditLog.count()).toBe(audits + 1);
      const last = await db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { userId: true } });
      expect(last.userId).toBe(users[who].id);
    }
  });

  it('an editor may run every data mutation, each with exactly one audit row of their own', async () => {
    session.user = users.EDITOR;
    for (const c of await cases()) {
      if (c.name === 'revert an observation') continue; // covered in the editing tests
      const audits = await db.auditLog.count();
      const result = await c.run();
      expect(result, c.name).toMatchObject({ ok: true });
      expect(await db.auditLog.count(), c.name).toBe(audits + (c.name === 'make an alternative primary' ? 2 : 1));
      const last = await db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { userId: true } });
      expect(last.userId, c.name).toBe(users.EDITOR.id);
    }
  });

  it('user management is for admins only: editors too are refused, the database unchanged', async () => {
    const { createUserAction, updateUserAction } = await import('./manage-users');
    const initial = { ok: false, message: '' };
      const attempts = () => [
      createUserAction(initial, formData({ email: 'new@example.org', role: 'ADMIN' })),
      updateUserAction(initial, formData({ id: String(users.VIEWER.id), role: 'ADMIN' })),
    ];
    for (const who of [null, 'VIEWER', 'EDITOR'] as const) {
      session.user = who ? users[who] : null;
      const before = await fingerprint(database.url, [...TABLES, 'user']);
      for (const result of await Promise.all(attempts())) expect(result.ok, `${who ?? 'anonymous'}`).toBe(false);
      expect(await fingerprint(database.url, [...TABLES, 'user'])).toEqual(before);
    }
    session.user = users.ADMIN;
    const [created, promoted] = await Promise.all(attempts());
    expect(created).toMatchObject({ ok: true, message: expect.stringMatching(/^Created new@example\.org \(admin\)\. Password, shown once: \S{20}$/) });
    expect(promoted?.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: users.VIEWER.id } })).role).toBe('ADMIN');
    const selfDemotion = await updateUserAction(initial, formData({ id: String(users.ADMIN.id), role: 'VIEWER' }));
    expect(selfDemotion).toMatchObject({ ok: false, message: expect.stringContaining('cannot remove your own admin role') });
  });

  it('an expired session resolves to nobody', async () => {
    const { userForToken, sessionId } = await import('../auth/users');
    await db.session.create({ data: { id: sessionId('expired-token'), userId: users.ADMIN.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await userForToken(db, 'expired-token')).toBeNull();
    expect(await userForToken(db, 'tampered-token')).toBeNull();
  });
});
