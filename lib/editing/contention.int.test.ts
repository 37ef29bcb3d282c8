import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../auth/users';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { BUSY_MESSAGE, transactionPolicy, writeTransaction } from '../db/transaction';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { formData } from '../../test/support/form';
import { seed } from '../../prisma/seed/seed';
import { updateObservation, type EditResult } from './observations';

// The action and route below run as in a request, signed in as the editor; getDb() answers with `app.db`.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('../auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/cache', () => ({ refresh: () => {} }));
const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('../db/prisma', () => ({ getDb: () => app.db }));

const TABLES = ['observation', 'audit_log'];
let database: TestDatabase;
let db: Db;
let editor: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  // A pool of 2 under the policy the app would derive for it.
  db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
  await seed(db);
  const make = (email: string) => db.user.create({ data: { email, role: 'EDITOR', passwordHash: 'x' }, select: { id: true, email: true, name: true, role: true } });
  editor = await make('editor@example.org');
  other = await make('other@example.org');
  session.user = editor;
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const target = (year: number) =>
  db.observation.findFirstOrThrow({
    where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, year },
    select: { id: true, version: true, value: true, note: true, sourceId: true },
  });

/** The n-th figure other than the gas shares above, for tests that need values of their own. */
const figure = (n: number) =>
  db.observation.findFirstOrThrow({
    where: { value: { not: null }, NOT: { indicator: { slug: 'gas_import_share' } } },
    orderBy: { id: 'asc' },
    skip: n,
    select: { id: true, version: true, value: true, note: true, sourceId: true },
  });

/** A process that keeps one core fully busy while it lives: the edits below compete with it for the CPU. */
function cpuHog(): ChildProcess {
  return spawn(process.execPath, ['-e', 'const end = Date.now() + 120000; while (Date.now() < end) {}'], { stdio: 'ignore' });
}

describe('writes under contention', () => {
  it('the policy waits long enough for a burst of 200 saves to drain, and is bounded', () => {
    const embedded = transactionPolicy({ poolMax: 4, embedded: true });
    const postgres = transactionPolicy({ poolMax: 10, embedded: false });
    // ~12 ms a write measured on the embedded database (one at a time): 200 of them need ~2.4 s at the back of the queue.
    expect(embedded.maxWait).toBeGreaterThanOrEqual(200 * 12 * 3);
    expect(postgres.maxWait).toBeGreaterThanOrEqual(5_000);
    for (const p of [embedded, postgres, transactionPolicy({ poolMax: 1, embedded: false })]) {
      expect(p.maxWait).toBeLessThanOrEqual(30_000);
      expect(p.timeout).toBeGreaterThan(0);
    }
  });

  it('500 parallel edits of one value on a pool of 2, beside a busy CPU: one wins, every other is refused with a reason, no error, no missing audit row', async () => {
    const o = await target(2024);
    const auditsBefore = await db.auditLog.count({ where: { entity: 'observation', entityId: String(o.id) } });
    const hog = cpuHog();
    let settled: PromiseSettledResult<EditResult>[];
    try {
      settled = await Promise.allSettled(
        Array.from({ length: 500 }, (_, i) =>
          updateObservation(db, i % 2 ? editor : other, { id: o.id, version: o.version, value: String(200 + i), status: 'REPORTED', note: `burst ${i}`, sourceId: o.sourceId, reason: '' }),
        ),
      );
    } finally {
      hog.kill('SIGKILL');
    }
    const errors = settled.filter((s) => s.status === 'rejected');
    expect(errors.map((e) => String((e as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<EditResult>).value);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.message).toMatch(/^Not saved: this value was changed by .+ at .+ UTC|^The database is busy; nothing was saved; try again\.$/);
    }
    const after = await target(2024);
    const winner = results.findIndex((r) => r.ok);
    expect(after.version).toBe(o.version + 1);
    expect(after.value?.toString()).toBe(String(200 + winner));
    expect(after.note).toBe(`burst ${winner}`);
    expect(await db.auditLog.count({ where: { entity: 'observation', entityId: String(o.id) } })).toBe(auditsBefore + 1);
  });

  it('a transaction bumps the data version once, at its commit, however many statements it ran', async () => {
    const version = async () => (await db.dataState.findUniqueOrThrow({ where: { id: 1 }, select: { version: true } })).version;
    const start = await version();
    const o = await figure(0);
    const inside = await writeTransaction(db, async (tx) => {
      for (const value of ['1', '2', '3']) await tx.observation.update({ where: { id: o.id }, data: { value } });
      return (await tx.dataState.findUniqueOrThrow({ where: { id: 1 }, select: { version: true } })).version;
    });
    expect(inside).toBe(start);
    expect(await version()).toBe(start + 1n);
    expect(await db.dataChangePending.count()).toBe(0);
  });

  // The embedded database runs one transaction at a time by design; on Postgres a long write (an import) must not
  // hold the others up: before, its first statement locked the one data-version row until it committed.
  it.skipIf(!process.env.DATABASE_URL)('an edit saves while another transaction has written and is still open', async () => {
    const [a, b] = [await figure(1), await figure(2)];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const hasWritten = new Promise<void>((resolve) => (wrote = resolve));
    const long = writeTransaction(db, async (tx) => {
      await tx.observation.update({ where: { id: a.id }, data: { note: 'long transaction' } });
      wrote();
      await held;
    });
    await hasWritten;
    const t = performance.now();
    const result = await updateObservation(db, editor, { id: b.id, version: b.version, value: '5', status: 'REPORTED', note: '', sourceId: b.sourceId, reason: '' });
    const waited = performance.now() - t;
    release();
    await long;
    expect(result).toMatchObject({ ok: true });
    expect(waited).toBeLessThan(transactionPolicy({ poolMax: 2, embedded: false }).maxWait);
  });

  describe('when the wait budget runs out', () => {
    let busy: Db;
    let release: () => void = () => {};
    let holder: Promise<unknown> = Promise.resolve();
    let o: Awaited<ReturnType<typeof target>>;
    let before: Record<string, string>;

    beforeAll(async () => {
      // Read first: on the embedded database an open transaction holds the whole database, readers included.
      o = await target(2023);
      before = await fingerprint(database.url, TABLES);
      // One connection and a short budget; a transaction holds that connection until released.
      busy = createPrismaClient(database.url, { max: 1, embedded: database.kind === 'embedded', policy: { maxWait: 300, timeout: 30_000 } });
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const isStarted = new Promise<void>((resolve) => (started = resolve));
      holder = writeTransaction(busy, async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        started();
        await held;
      });
      await isStarted;
      app.db = busy;
    });

    afterAll(async () => {
      release();
      await holder;
      await busy.$disconnect();
    });

    it('an edit is refused as busy', async () => {
      const result = await updateObservation(busy, editor, { id: o.id, version: o.version, value: '1', status: 'REPORTED', note: '', sourceId: o.sourceId, reason: '' });
      expect(result).toMatchObject({ ok: false, busy: true, message: BUSY_MESSAGE });
    });

    it('the form action answers with the busy message', async () => {
      const { updateObservationAction } = await import('../actions/update-observation');
      const state = await updateObservationAction(
        { ok: false, message: '' },
        formData({ id: String(o.id), version: String(o.version), value: '2', status: 'REPORTED', note: '', sourceId: String(o.sourceId) }),
      );
      expect(state).toMatchObject({ ok: false, message: BUSY_MESSAGE });
    });

    it('PATCH /api/observations/:id answers 503 with Retry-After', async () => {
      const { PATCH } = await import('../../app/api/observations/[id]/route');
      const response = await PATCH(
        new Request(`http://localhost/api/observations/${o.id}`, { method: 'PATCH', body: JSON.stringify({ version: o.version, value: 3, status: 'REPORTED', sourceId: o.sourceId }) }),
        { params: Promise.resolve({ id: String(o.id) }) },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ error: BUSY_MESSAGE });
    });

    it('none of the refused writes left a trace once the connection is free again', async () => {
      release();
      await holder;
      expect(await fingerprint(database.url, TABLES)).toEqual(before);
      // ...and the same client writes again as soon as it has its connection back.
      expect(await updateObservation(busy, editor, { id: o.id, version: o.version, value: '4', status: 'REPORTED', note: '', sourceId: o.sourceId, reason: '' })).toMatchObject({ ok: true });
    });
  });
});
