import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { seed } from '../../prisma/seed/seed';
import { createUser, signIn, userForToken, type SessionUser } from '../auth/users';
import { createObservation, deleteObservation, makePrimary, revertObservation, updateObservation } from './observations';

let database: TestDatabase;
let db: Db;
let editor: SessionUser;
let other: SessionUser;

async function russiaGas2024() {
  return db.observation.findFirstOrThrow({
    where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, year: 2024 },
    select: { id: true, version: true, value: true, status: true, note: true, sourceId: true },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: database.kind === 'embedded' ? 4 : 20, embedded: database.kind === 'embedded' });
  await seed(db);
  editor = (await createUser(db, { email: 'editor@example.org', role: 'EDITOR', password: 'editor-password-1' })).user;
  other = (await createUser(db, { email: 'other@example.org', role: 'EDITOR', password: 'other-password-1' })).user;
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('editing observations', () => {
  it('saves an edit with its audit row (who, before, after, reason) in one transaction', async () => {
    const o = await russiaGas2024();
    const result = await updateObservation(db, editor, { id: o.id, version: o.version, value: '41.5', status: 'ESTIMATE', note: 'checked', sourceId: o.sourceId, reason: 'typo' });
    expect(result).toMatchObject({ ok: true, version: o.version + 1 });
    const after = await russiaGas2024();
    expect(after.value?.toString()).toBe('41.5');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'observation', entityId: String(o.id) }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ userId: editor.id, action: 'update', reason: 'typo' });
    expect(audit.before).toMatchObject({ value: '41', status: 'REPORTED' });
    expect(audit.after).toMatchObject({ value: '41.5', status: 'ESTIMATE', version: o.version + 1 });
  });

  it('refuses a stale edit and says who changed the value, when, and what it is now', async () => {
    const o = await russiaGas2024();
    await updateObservation(db, other, { ...o, value: '40', status: 'REPORTED', reason: '' });
    const stale = await updateObservation(db, editor, { ...o, value: '39', status: 'REPORTED', reason: '' });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.message).toMatch(/changed by other@example\.org at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\. It is now 40/);
    expect(stale.conflict?.current.value).toBe('40');
    expect((await russiaGas2024()).value?.toString()).toBe('40');
  });

  it('200 parallel conflicting edits of one value: exactly one wins, no lost update, every refusal says why', async () => {
    const o = await russiaGas2024();
    const auditsBefore = await db.auditLog.count({ where: { entity: 'observation', entityId: String(o.id) } });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        updateObservation(db, i % 2 ? editor : other, { id: o.id, version: o.version, value: String(100 + i), status: 'REPORTED', note: `edit ${i}`, sourceId: o.sourceId, reason: '' }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.message).toMatch(/^Not saved: this value was changed by .+ at .+ UTC/);
    const after = await russiaGas2024();
    expect(after.version).toBe(o.version + 1);
    const winnerIndex = results.findIndex((r) => r.ok);
    expect(after.value?.toString()).toBe(String(100 + winnerIndex));
    expect(after.note).toBe(`edit ${winnerIndex}`);
    expect(await db.auditLog.count({ where: { entity: 'observation', entityId: String(o.id) } })).toBe(auditsBefore + 1);
  });

  it('reverts to an earlier version through the audit log, itself audited', async () => {
    const o = await russiaGas2024();
    await updateObservation(db, editor, { ...o, value: '12.25', status: 'DISPUTED', reason: 'wrong' });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: 'observation', entityId: String(o.id), action: 'update' }, orderBy: { id: 'desc' } });
    const reverted = await revertObservation(db, editor, { auditId: entry.id, reason: '' });
    expect(reverted.ok).toBe(true);
    const now = await russiaGas2024();
    expect(now.value?.toString()).toBe(o.value?.toString());
    expect(now.status).toBe(o.status);
    const last = await db.auditLog.findFirstOrThrow({ where: { entity: 'observation', entityId: String(o.id) }, orderBy: { id: 'desc' } });
    expect(last.action).toBe('revert');
    expect(last.reason).toContain(`audit entry ${entry.id}`);
  });

  it('stores hostile text verbatim (HTML and SQL-looking notes)', async () => {
    const o = await russiaGas2024();
    const note = `<script>alert(1)</script>'; DROP TABLE observation; --`;
    expect((await updateObservation(db, editor, { ...o, value: '41', status: 'REPORTED', note, reason: '' })).ok).toBe(true);
    expect((await russiaGas2024()).note).toBe(note);
    expect(await db.observation.count()).toBeGreaterThan(100);
  });

  it('deletes only with the current version, keeping the deleted row in the audit log', async () => {
    const target = await db.observation.findFirstOrThrow({ where: { indicator: { slug: 'lng_imports_volume' } }, select: { id: true, version: true } });
    expect((await deleteObservation(db, editor, { id: target.id, version: target.version + 5, reason: 'stale' })).ok).toBe(false);
    expect((await deleteObservation(db, editor, { id: target.id, version: target.version, reason: 'duplicate of EPDK figure' })).ok).toBe(true);
    expect(await db.observation.findUnique({ where: { id: target.id } })).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'observation', entityId: String(target.id), action: 'delete' } });
    expect(audit.reason).toBe('duplicate of EPDK figure');
    expect(audit.before).toMatchObject({ id: target.id });
  });
});

describe('adding figures and choosing the primary one', () => {
  it('adds a new figure as primary, a second for the same key as an alternative, and swaps them on request', async () => {
    const source = await db.source.findFirstOrThrow({ select: { id: true } });
    const base = { indicator: 'imports', reporter: 'TUR', partner: 'GBR', year: 2021, periodLabel: '', status: 'REPORTED' as const, note: '', sourceId: source.id };
    expect(await createObservation(db, editor, { ...base, value: '10.5' })).toMatchObject({ ok: true, message: 'Added.' });
    expect(await createObservation(db, editor, { ...base, value: '11' })).toMatchObject({ ok: true, message: expect.stringContaining('alternative 1') });
    const rows = () =>
      db.observation.findMany({ where: { indicator: { slug: 'imports' }, partner: { code: 'GBR' }, year: 2021 }, orderBy: { rank: 'asc' }, select: { id: true, rank: true, value: true, version: true } });
    const [primary, alternative] = await rows();
    expect([primary?.value?.toString(), alternative?.value?.toString()]).toEqual(['10.5', '11']);
    expect((await makePrimary(db, editor, { id: alternative!.id, version: alternative!.version + 3 })).ok).toBe(false);
    expect(await makePrimary(db, editor, { id: alternative!.id, version: alternative!.version })).toMatchObject({ ok: true });
    const after = await rows();
    expect(after.map((r) => [r.value?.toString(), r.rank])).toEqual([
      ['11', 0],
      ['10.5', 1],
    ]);
    const audits = await db.auditLog.findMany({ where: { entity: 'observation', entityId: { in: [String(primary!.id), String(alternative!.id)] } }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'create', 'make-alternative', 'make-primary']);
  });

  it('refuses unknown indicators, actors and sources by field', async () => {
    const result = await createObservation(db, editor, { indicator: 'nope', reporter: 'TUR', partner: 'XXX', year: 2021, periodLabel: '', value: '1', status: 'REPORTED', note: '', sourceId: 999999 });
    expect(result).toMatchObject({ ok: false, fieldErrors: { indicator: ['No indicator nope'], partner: ['No actor XXX'], sourceId: ['No source with id 999999'] } });
  });
});

describe('indicators', () => {
  it('updates metadata, weight and publication with an audit row; bad input changes nothing', async () => {
    const { updateIndicator } = await import('./indicators');
    const { indicatorUpdateSchema } = await import('../schemas/indicator');
    expect(indicatorUpdateSchema.safeParse({ slug: 'exports', name: 'E', unit: '', definition: 'x', direction: 'up', weight: '-1' }).success).toBe(false);
    const result = await updateIndicator(db, editor, indicatorUpdateSchema.parse({ slug: 'lng_share_of_gas_imports', name: 'LNG share', unit: '%', definition: 'Share of LNG in gas imports.', direction: 'more', weight: '2' }));
    expect(result.ok).toBe(true);
    const row = await db.indicator.findUniqueOrThrow({ where: { slug: 'lng_share_of_gas_imports' }, select: { name: true, weight: true, published: true } });
    expect(row).toEqual({ name: 'LNG share', weight: 2, published: false });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: 'indicator' }, orderBy: { id: 'desc' } });
    expect(audit.before).toMatchObject({ weight: 0, published: true });
    expect(audit.after).toMatchObject({ weight: 2, published: false });
  });
});

describe('sign-in', () => {
  it('signs in with the right password only, throttles an account after 5 failures, and sessions resolve to the user', async () => {
    await createUser(db, { email: 'viewer@example.org', role: 'VIEWER', password: 'viewer-password-1' });
    const good = await signIn(db, { email: 'Viewer@Example.org', password: 'viewer-password-1', ip: '10.0.0.1' });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(await userForToken(db, good.token)).toMatchObject({ email: 'viewer@example.org', role: 'VIEWER' });
    expect(await userForToken(db, `${good.token}x`)).toBeNull();
    const session = await db.session.findFirstOrThrow({ where: { user: { email: 'viewer@example.org' } } });
    expect(session.id).not.toBe(good.token);
    for (let i = 0; i < 5; i++) expect(await signIn(db, { email: 'viewer@example.org', password: 'nope-nope-nope', ip: '10.0.0.2' })).toMatchObject({ ok: false, message: 'Email or password is wrong.' });
    // From that address the account now waits (the right password too)…
    const blocked = await signIn(db, { email: 'viewer@example.org', password: 'viewer-password-1', ip: '10.0.0.2' });
    expect(blocked).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many failed sign-ins for this account from this address\. Try again in (\d+ seconds|1 minute)\.$/) });
    // …but the owner elsewhere is not locked out by someone else's failures.
    expect(await signIn(db, { email: 'viewer@example.org', password: 'viewer-password-1', ip: '10.0.0.3' })).toMatchObject({ ok: true });
    // A disabled account answers like a wrong password, right password or not.
    const viewer = await db.user.update({ where: { email: 'viewer@example.org' }, data: { disabled: true }, select: { id: true } });
    expect(await signIn(db, { email: 'viewer@example.org', password: 'viewer-password-1', ip: '10.0.0.4' })).toEqual({ ok: false, message: 'Email or password is wrong.' });
    await db.user.update({ where: { id: viewer.id }, data: { disabled: false } });
  });

  it('never returns password hashes from ordinary queries', async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: 'editor@example.org' } });
    expect('passwordHash' in user).toBe(false);
  });
});
