import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { seed } from '../../prisma/seed/seed';
import { createUser, type SessionUser } from '../auth/users';
import { createSource, deleteSource, updateSource } from './sources';
import { createEvent, deleteEvent, updateEvent } from './events';
import { createIndicator } from './indicators';
import { sourceCreateSchema, sourceUpdateSchema } from '../schemas/source';
import { eventCreateSchema, eventUpdateSchema } from '../schemas/event';
import { indicatorCreateSchema } from '../schemas/indicator';

let database: TestDatabase;
let db: Db;
let editor: SessionUser;
let other: SessionUser;
const TABLES = ['indicator', 'source', 'event', 'audit_log'];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: database.kind === 'embedded' ? 4 : 10, embedded: database.kind === 'embedded' });
  await seed(db);
  editor = (await createUser(db, { email: 'editor@example.org', role: 'EDITOR', password: 'editor-password-1' })).user;
  other = (await createUser(db, { email: 'other@example.org', role: 'EDITOR', password: 'other-password-1' })).user;
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('sources', () => {
  it('accepts only full http(s) addresses', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'www.example.org', 'https://localhost', 'http://exa mple.org', 'data:text/html,hi', 'https://']) {
      const parsed = sourceCreateSchema.safeParse({ title: 'A source', url });
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain('http:// or https://');
    }
    for (const url of ['https://www.tuik.gov.tr/', 'http://example.org/a?b=c#d', '']) expect(sourceCreateSchema.safeParse({ title: 'A source', url }).success, url).toBe(true);
    expect(sourceCreateSchema.safeParse({ title: 'A source', publishedOn: '2024-02-30' }).success).toBe(false);
  });

  it('creates, edits with a version check naming who changed it, and audits both', async () => {
    const created = await createSource(db, editor, sourceCreateSchema.parse({ title: 'Gas report 2025', publisher: 'EPDK', url: 'https://www.epdk.gov.tr/report', excerpt: 'imports fell', publishedOn: '2025-03-01' }));
    expect(created).toMatchObject({ ok: true });
    const source = await db.source.findFirstOrThrow({ where: { title: 'Gas report 2025' } });
    expect(source.url).toBe('https://www.epdk.gov.tr/report');
    const first = await updateSource(db, other, sourceUpdateSchema.parse({ id: source.id, version: source.version, title: 'Gas report 2025 (final)', url: source.url, excerpt: 'imports fell' }));
    expect(first).toMatchObject({ ok: true, version: 2 });
    const stale = await updateSource(db, editor, sourceUpdateSchema.parse({ id: source.id, version: source.version, title: 'Lost edit', url: source.url }));
    expect(stale.ok).toBe(false);
    expect(stale.message).toMatch(/changed by other@example\.org at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).title).toBe('Gas report 2025 (final)');
    const audit = await db.auditLog.findMany({ where: { entity: 'source', entityId: String(source.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ userId: other.id, before: expect.objectContaining({ title: 'Gas report 2025' }), after: expect.objectContaining({ title: 'Gas report 2025 (final)' }) });
  });

  it('refuses a duplicate address + excerpt and a cited source, writing nothing', async () => {
    const cited = await db.observation.findFirstOrThrow({ select: { source: { select: { id: true, version: true, url: true, excerpt: true } } } });
    const before = await fingerprint(database.url, TABLES);
    const duplicate = await createSource(db, editor, sourceCreateSchema.parse({ title: 'Copy', url: cited.source.url!, excerpt: cited.source.excerpt }));
    expect(duplicate.message).toContain(`Source #${cited.source.id} already has this address and excerpt`);
    const removal = await deleteSource(db, editor, { id: cited.source.id, version: cited.source.version, reason: 'try' });
    expect(removal.message).toMatch(/is cited by [1-9]\d* value\(s\)/);
    expect(await fingerprint(database.url, TABLES)).toEqual(before);
  });

  it('deletes an uncited source with its reason', async () => {
    const source = await db.source.findFirstOrThrow({ where: { title: 'Gas report 2025 (final)' } });
    expect(await deleteSource(db, editor, { id: source.id, version: source.version, reason: 'superseded' })).toMatchObject({ ok: true });
    expect(await db.source.count({ where: { id: source.id } })).toBe(0);
    expect(await db.auditLog.findFirst({ where: { entity: 'source', entityId: String(source.id), action: 'delete' } })).toMatchObject({ reason: 'superseded', after: null });
  });
});

describe('events', () => {
  it('validates dates, ranges and references at the boundary', () => {
    const base = { startsOn: '2024-01-10', precision: 'day', title: 'Pipeline outage', sourceId: '1' };
    expect(eventCreateSchema.safeParse(base).success).toBe(true);
    expect(eventCreateSchema.safeParse({ ...base, endsOn: '2024-01-09' }).error?.issues[0]?.message).toBe('The end is before the start');
    expect(eventCreateSchema.safeParse({ ...base, startsOn: '2024-13-01' }).success).toBe(false);
    expect(eventCreateSchema.safeParse({ ...base, precision: 'year' }).success).toBe(false);
    expect(eventCreateSchema.safeParse({ ...base, sourceId: 'x' }).success).toBe(false);
    expect(eventCreateSchema.safeParse({ ...base, partner: 'rus' }).success).toBe(false);
  });

  it('creates a range event tied to a partner and dimension; unknown references write nothing', async () => {
    const sourceId = (await db.source.findFirstOrThrow({ select: { id: true } })).id;
    const input = eventCreateSchema.parse({ startsOn: '2024-01-10', endsOn: '2024-02-15', precision: 'day', title: 'Pipeline maintenance', partner: 'RUS', dimension: 'gas', sourceId: String(sourceId) });
    expect(await createEvent(db, editor, input)).toMatchObject({ ok: true });
    const event = await db.event.findFirstOrThrow({ where: { title: 'Pipeline maintenance' }, include: { partner: true, dimension: true } });
    expect([event.endsOn?.toISOString().slice(0, 10), event.partner?.code, event.dimension?.key]).toEqual(['2024-02-15', 'RUS', 'gas']);

    const before = await fingerprint(database.url, TABLES);
    const bad = await createEvent(db, editor, { ...input, title: 'Another', partner: 'ZZZ', dimension: 'nuclear', sourceId: 999999 });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.fieldErrors).toEqual({ partner: ['No partner ZZZ'], dimension: ['No dimension nuclear'], sourceId: ['No source with id 999999'] });
    expect((await createEvent(db, editor, input)).message).toContain('exists already');
    expect(await fingerprint(database.url, TABLES)).toEqual(before);
  });

  it('edits with a version check and deletes with a reason, all audited', async () => {
    const event = await db.event.findFirstOrThrow({ where: { title: 'Pipeline maintenance' } });
    const fields = { startsOn: '2024-01-11', endsOn: '', precision: 'month' as const, title: 'Pipeline maintenance', description: 'moved', partner: '', dimension: 'gas', sourceId: event.sourceId };
    expect(await updateEvent(db, other, eventUpdateSchema.parse({ ...fields, id: event.id, version: event.version }))).toMatchObject({ ok: true, version: 2 });
    const stale = await updateEvent(db, editor, eventUpdateSchema.parse({ ...fields, description: 'lost', id: event.id, version: event.version }));
    expect(stale.message).toContain('changed by other@example.org');
    const now = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect([now.description, now.partnerId, now.precision, now.endsOn]).toEqual(['moved', null, 'month', null]);
    expect((await deleteEvent(db, editor, { id: event.id, version: 1, reason: 'stale delete' })).ok).toBe(false);
    expect(await deleteEvent(db, editor, { id: event.id, version: 2, reason: 'duplicate of the seed event' })).toMatchObject({ ok: true });
    const audit = await db.auditLog.findMany({ where: { entity: 'event', entityId: String(event.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});

describe('indicators', () => {
  it('creates an unpublished indicator with a key from its name; a taken name writes nothing', async () => {
    const input = indicatorCreateSchema.parse({ dimension: 'gas', name: 'LNG re-exports', unit: 'bcm', kind: 'NUMBER', definition: 'LNG shipped on', direction: 'less', weight: '0.5' });
    expect(await createIndicator(db, editor, input)).toMatchObject({ ok: true, message: 'Added LNG re-exports (lng_re_exports).' });
    const created = await db.indicator.findUniqueOrThrow({ where: { slug: 'lng_re_exports' } });
    expect([created.published, created.higherIsMoreDependent, created.weight]).toEqual([false, false, 0.5]);
    const before = await fingerprint(database.url, TABLES);
    expect((await createIndicator(db, editor, input)).message).toContain('exists already');
    expect((await createIndicator(db, editor, { ...input, name: 'Other', dimension: 'nuclear' })).ok).toBe(false);
    expect(indicatorCreateSchema.safeParse({ ...input, weight: '-1' }).success).toBe(false);
    expect(await fingerprint(database.url, TABLES)).toEqual(before);
  });
});
