import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { seed } from './seed';

let database: TestDatabase;
let db: Db;

const TABLES = ['actor', 'membership', 'dimension', 'indicator', 'source', 'observation', 'event', 'complete_listing'];

const fingerprintOf = (url: string) => fingerprint(url, TABLES);

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('seed', () => {
  it('loads every research row through the import and is idempotent: a second run changes no data', async () => {
    const first = await seed(db);
    // 1,043 research rows + the founding article's 2020 gas share
    expect(first.created.observations).toBe(1044);
    expect(first.created.events).toBe(93);
    expect(first.created.memberships).toBe(32);
    expect(first.created.listings).toBeGreaterThan(50);
    const before = await fingerprintOf(database.url);
    const second = await seed(db);
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
    expect(await fingerprintOf(database.url)).toEqual(before);
  });

  it("never overwrites an editor's change when run again", async () => {
    const row = await db.observation.findFirstOrThrow({ where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, year: 2017 }, select: { id: true, value: true } });
    await db.observation.update({ where: { id: row.id }, data: { value: '52.5' } });
    await seed(db);
    expect((await db.observation.findUniqueOrThrow({ where: { id: row.id } })).value?.toString()).toBe('52.5');
    await db.observation.update({ where: { id: row.id }, data: { value: row.value } });
  });

  it('gives every observation a named source with publisher, tier and the excerpt', async () => {
    const rows = await db.observation.findMany({ select: { value: true, source: { select: { title: true, publisher: true, tier: true, excerpt: true } } } });
    expect(rows.length).toBe(1044);
    for (const row of rows) {
      expect(row.source.title).not.toContain('no title returned');
      expect(row.source.excerpt.trim().length).toBeGreaterThan(0);
      expect(row.source.tier).not.toBeNull();
      expect(row.value).not.toBeNull();
    }
  });

  it("cites the founding article for Russia's ~34% of gas imports in 2020", async () => {
    const row = await db.observation.findFirst({
      where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, year: 2020, source: { url: null } },
      select: { value: true, status: true, source: { select: { title: true, excerpt: true } } },
    });
    expect(row?.value?.toString()).toBe('34');
    expect(row?.status).toBe('APPROXIMATE');
    expect(row?.source.title).toBe('Erdogan and Putin agree on closer cooperation');
    expect(row?.source.excerpt).toContain('nearly 34%');
  });

  it('takes status and period from their columns: partial-year figures are keyed apart and never annual', async () => {
    const partial = await db.observation.findMany({ where: { status: 'PARTIAL_YEAR' }, select: { periodType: true, periodLabel: true, periodNote: true } });
    expect(partial.length).toBe(91);
    for (const p of partial) {
      expect(p.periodType).toBe('PARTIAL_YEAR');
      expect(p.periodLabel.length).toBeGreaterThan(0);
    }
    expect(await db.observation.count({ where: { status: 'FORECAST' } })).toBe(9);
    expect(await db.observation.count({ where: { periodType: 'YEAR', status: { in: ['PARTIAL_YEAR'] } } })).toBe(0);
    const windows = await db.observation.findMany({ where: { indicator: { slug: 'sipri_supplier_share' } }, select: { periodType: true, periodNote: true } });
    for (const w of windows) {
      expect(w.periodType).toBe('MULTI_YEAR');
      expect(w.periodNote).toMatch(/SIPRI 5-year period/);
    }
  });

  it('keeps conflicting figures: a reported figure before an approximate one, each with its own source', async () => {
    const rows = await db.observation.findMany({
      where: { indicator: { slug: 'lng_imports_volume' }, partner: { code: 'WORLD' }, year: 2022, periodLabel: '' },
      orderBy: { rank: 'asc' },
      select: { rank: true, status: true, sourceId: true },
    });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]?.status).toBe('REPORTED');
    expect(new Set(rows.map((r) => r.sourceId)).size).toBe(rows.length);
  });

  it('converts a figure at another scale of its indicator\'s unit exactly, and says what was published', async () => {
    const rows = await db.observation.findMany({ where: { indicator: { slug: 'crude_imports_bpd' }, note: { startsWith: 'As published' } }, select: { value: true, note: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const [, printed] = /As published: ([\d.]+) thousand barrels per day/.exec(r.note) ?? [];
      expect(Number(r.value)).toBeCloseTo(Number(printed) * 1000, 6);
    }
  });

  it('seeds NATO with all 32 members by accession date, each sourced', async () => {
    const members = await db.membership.findMany({
      where: { group: { code: 'NATO' } },
      select: { joinedOn: true, sourceId: true, member: { select: { code: true, name: true } } },
    });
    expect(members).toHaveLength(32);
    const byCode = Object.fromEntries(members.map((m) => [m.member.code, m.joinedOn.toISOString().slice(0, 10)]));
    expect(byCode).toMatchObject({ TUR: '1952-02-18', FIN: '2023-04-04', SWE: '2024-03-07', MKD: '2020-03-27', USA: '1949-08-24' });
    for (const m of members) {
      expect(m.sourceId).not.toBeNull();
      expect(m.member.name).not.toBe(m.member.code);
    }
  });

  it('links every event to a source and keeps sourced ranges', async () => {
    const events = await db.event.findMany({ select: { title: true, endsOn: true, source: { select: { title: true, tier: true } } } });
    expect(events).toHaveLength(93);
    for (const event of events) expect(event.source.title.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.endsOn !== null)).toHaveLength(4);
  });
});
