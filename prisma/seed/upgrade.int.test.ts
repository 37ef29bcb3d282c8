import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { importObservations } from '../../lib/import/observations';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { RESEARCH_DIR, seed } from './seed';

/**
 * A database seeded from the first research file (its units, its categorical stance, its untitled sources) takes
 * the December 2026 research set: migration 20261203100000 converts what changed unit, `npm run db:seed` adds what
 * is missing, and the normal import updates the rest by key.
 */

let database: TestDatabase;
let db: Db;
const MIGRATION = path.join('prisma', 'migrations', '20261203100000_research_v2_units', 'migration.sql');

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
  // The first seed's shape, as far as the new set touches it.
  const arms = await db.dimension.create({ data: { key: 'arms', label: 'Arms', colour: '#CC79A7', sortOrder: 6, description: '' } });
  const sanctions = await db.dimension.create({ data: { key: 'sanctions', label: 'Sanctions stance', colour: '#000000', sortOrder: 7, description: '' } });
  const tur = await db.actor.create({ data: { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true } });
  const rus = await db.actor.create({ data: { code: 'RUS', name: 'Russia', kind: 'COUNTRY' } });
  const world = await db.actor.create({ data: { code: 'WORLD', name: 'World (all partners)', kind: 'AGGREGATE' } });
  const change = await db.indicator.create({ data: { slug: 'sipri_arms_imports_change', dimensionId: arms.id, name: 'Fall in arms imports', unit: '% decrease', valueKind: 'NUMBER', definition: '', weight: 0 } });
  const stance = await db.indicator.create({ data: { slug: 'sanctions_stance', dimensionId: sanctions.id, name: 'Stance', unit: 'stance', valueKind: 'STANCE', definition: '', weight: 0 } });
  // the first research row's page and passage, as the first seed named it when the page had no title
  const [first] = parse(fs.readFileSync(path.join(RESEARCH_DIR, 'observations.csv'), 'utf8'), { columns: true, to: 1 }) as { source_url: string; excerpt: string }[];
  const untitled = await db.source.create({ data: { title: '[no title returned] tpao.gov.tr', url: first!.source_url, excerpt: first!.excerpt } });
  // another passage of the same page, which no research row quotes: it takes the page's title, publisher and tier too
  const otherPassage = await db.source.create({ data: { title: '[no title returned] tpao.gov.tr', url: first!.source_url, excerpt: 'another passage' } });
  await db.observation.create({ data: { indicatorId: change.id, reporterId: tur.id, partnerId: world.id, year: 2019, value: '48', sourceId: otherPassage.id } });
  await db.observation.create({ data: { indicatorId: stance.id, reporterId: tur.id, partnerId: rus.id, year: 2022, stance: 'not_joining', sourceId: untitled.id } });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe('an older database takes the new research set', () => {
  it('converts the changed units, then seeds what is missing and imports the rest without an error', async () => {
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(fs.readFileSync(MIGRATION, 'utf8'));
    } finally {
      await sql.end();
    }
    const change = await db.observation.findFirstOrThrow({ where: { indicator: { slug: 'sipri_arms_imports_change' } }, select: { value: true, indicator: { select: { unit: true } } } });
    expect([change.value?.toString(), change.indicator.unit]).toEqual(['-48', '% change']);
    const stance = await db.indicator.findUniqueOrThrow({ where: { slug: 'sanctions_stance' }, select: { valueKind: true, weight: true, observations: { select: { value: true } } } });
    expect(stance).toMatchObject({ valueKind: 'NUMBER', weight: 1, observations: [{ value: expect.anything() }] });
    expect(stance.observations[0]?.value?.toString()).toBe('0');

    await seed(db);
    const report = await importObservations(db, path.join(RESEARCH_DIR, 'observations.csv'));
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(await db.source.count({ where: { title: { contains: 'no title returned' } } })).toBe(0);
    expect(await db.source.findFirstOrThrow({ where: { excerpt: 'another passage' }, select: { publisher: true, tier: true } })).toEqual({ publisher: 'TPAO (Turkish Petroleum Corporation)', tier: 'OFFICIAL' });
    expect(await db.membership.count({ where: { group: { code: 'NATO' } } })).toBe(32);
    expect(await db.completeListing.count()).toBeGreaterThan(50);
  });
});
