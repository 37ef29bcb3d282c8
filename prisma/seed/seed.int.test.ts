import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { seed } from './seed';

let database: TestDatabase;
let db: Db;

const TABLES = ['actor', 'membership', 'dimension', 'indicator', 'source', 'observation', 'event'];

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
  it('loads every research row and is idempotent: a second run changes nothing', async () => {
    const versionBefore = (await db.dataState.findUniqueOrThrow({ where: { id: 1 } })).version;
    const first = await seed(db);
    const versionAfter = (await db.dataState.findUniqueOrThrow({ where: { id: 1 } })).version;
    expect(versionAfter).toBeGreaterThan(versionBefore);
    // 168 research rows + the founding article's gas share and sanctions stance
    expect(first.created.observations).toBe(170);
    expect(first.created.events).toBe(32);
    const before = await fingerprintOf(database.url);
    const second = await seed(db);
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
    expect(await fingerprintOf(database.url)).toEqual(before);
    expect((await db.dataState.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(versionAfter);
  });

  it('gives every observation a source with the excerpt that contains the figure', async () => {
    const rows = await db.observation.findMany({ select: { value: true, stance: true, source: { select: { title: true, excerpt: true } } } });
    expect(rows.length).toBe(170);
    for (const row of rows) {
      expect(row.source.title.length).toBeGreaterThan(0);
      expect(row.source.excerpt.trim().length).toBeGreaterThan(0);
      expect(row.value !== null || row.stance !== null).toBe(true);
    }
  });

  it("cites the founding article for Russia's ~34% of gas imports in 2020", async () => {
    const row = await db.observation.findFirst({
      where: { indicator: { slug: 'gas_import_share' }, partner: { code: 'RUS' }, year: 2020 },
      select: { value: true, status: true, source: { select: { title: true, url: true, excerpt: true } } },
    });
    expect(row?.value?.toString()).toBe('34');
    expect(row?.status).toBe('APPROXIMATE');
    expect(row?.source.title).toBe('Erdogan and Putin agree on closer cooperation');
    expect(row?.source.excerpt).toContain('nearly 34%');
  });

  it('keeps partial-year figures out of the annual series and flags them', async () => {
    const partial = await db.observation.findMany({
      where: { indicator: { slug: 'foreign_arrivals' }, partner: { code: 'RUS' }, year: 2019 },
      select: { periodType: true, periodLabel: true, value: true },
    });
    expect(partial).toEqual([{ periodType: 'PARTIAL_YEAR', periodLabel: 'Jan–Nov', value: expect.anything() }]);
    const annualPartials = await db.observation.count({ where: { periodType: 'YEAR', periodLabel: { not: '' } } });
    expect(annualPartials).toBe(0);
    const labelled = await db.observation.count({ where: { periodType: 'PARTIAL_YEAR' } });
    expect(labelled).toBeGreaterThanOrEqual(14);
  });

  it('keeps conflicting figures: one primary, the others as alternatives with their own sources', async () => {
    const rows = await db.observation.findMany({
      where: { indicator: { slug: 'foreign_arrivals' }, partner: { code: 'RUS' }, year: 2017 },
      orderBy: { rank: 'asc' },
      select: { rank: true, value: true, sourceId: true },
    });
    expect(rows.map((r) => [r.rank, r.value?.toString()])).toEqual([
      [0, '4720000'],
      [1, '4702482'],
    ]);
    expect(rows[0]?.sourceId).not.toBe(rows[1]?.sourceId);
    const wheat = await db.observation.findMany({
      where: { indicator: { slug: 'wheat_import_share' }, partner: { code: 'RUS' }, year: 2021 },
      orderBy: { rank: 'asc' },
      select: { value: true, status: true, periodType: true },
    });
    expect(wheat.map((w) => [w.value?.toString(), w.status, w.periodType])).toEqual([
      ['86', 'REPORTED', 'MARKETING_YEAR'],
      ['66', 'DISPUTED', 'MARKETING_YEAR'],
    ]);
  });

  it('keeps partner-side figures in their own indicators', async () => {
    const gazprom = await db.indicator.findUnique({ where: { slug: 'gas_supplies_gazprom' }, select: { partnerSide: true, _count: { select: { observations: true } } } });
    expect(gazprom).toEqual({ partnerSide: true, _count: { observations: 4 } });
    const mixed = await db.observation.count({ where: { indicator: { slug: 'gas_imports_volume' }, source: { title: { contains: 'Gazprom' } } } });
    expect(mixed).toBe(0);
  });

  it('seeds NATO with dated memberships including the 2023 and 2024 accessions', async () => {
    const members = await db.membership.findMany({
      where: { group: { code: 'NATO' } },
      select: { joinedOn: true, member: { select: { code: true } } },
    });
    const byCode = Object.fromEntries(members.map((m) => [m.member.code, m.joinedOn.toISOString().slice(0, 10)]));
    expect(byCode).toMatchObject({ TUR: '1952-02-18', FIN: '2023-04-04', SWE: '2024-03-07' });
    expect(Object.keys(byCode)).toEqual(expect.arrayContaining(['USA', 'DEU', 'GBR']));
  });

  it('links every event to a source and keeps the grain deal as a range', async () => {
    const events = await db.event.findMany({ select: { title: true, endsOn: true, source: { select: { title: true } } } });
    expect(events).toHaveLength(32);
    for (const event of events) expect(event.source.title.length).toBeGreaterThan(0);
    const grain = events.find((e) => e.title.startsWith('Black Sea Grain Initiative'));
    expect(grain?.endsOn?.toISOString().slice(0, 10)).toBe('2023-07-17');
  });
});
