import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { seed } from '../../prisma/seed/seed';
import { IMPORT_HEADER, RESEARCH_HEADER, importObservations } from './observations';

let database: TestDatabase;
let db: Db;
let dir: string;
const HEADER = IMPORT_HEADER.join(',');
const GOOD = 'trade,exports,USD billion,TUR,MNG,2023,2.1,Example trade bulletin,https://example.org/bulletin,"exports to Mongolia reached $2.1 billion"';

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const snapshot = async () => JSON.stringify(await fingerprint(database.url, ['actor', 'indicator', 'source', 'observation', 'audit_log']));

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
  await seed(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-import-'));
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CSV import', () => {
  const malformed: [string, string | Buffer, RegExp][] = [
    ['wrong header', `dimension,indicator,unit\n${GOOD}\n`, /wrong header: expected "dimension,indicator,unit,reporter/],
    ['bad number', `${HEADER}\n${GOOD.replace(',2.1,', ',2,1,')}\n`, /wrong number of columns|value is not a number/],
    ['non-numeric value', `${HEADER}\n${GOOD.replace(',2.1,', ',abc,')}\n`, /value is not a number/],
    ['malformed code', `${HEADER}\n${GOOD.replace(',MNG,', ',Kz,')}\n`, /partner "Kz" is not an ISO 3166-1 alpha-3 code/],
    ['unassigned code', `${HEADER}\n${GOOD.replace(',MNG,', ',XKZ,')}\n`, /partner "XKZ" is not an assigned ISO 3166-1 alpha-3 code/],
    ['unknown dimension', `${HEADER}\n${GOOD.replace(/^trade,/, 'uranium,')}\n`, /dimension "uranium" is not one of gas, oil, grain, tourism, trade, arms, sanctions/],
    ['year out of range', `${HEADER}\n${GOOD.replace(',2023,', ',1850,')}\n`, /year is before 1900/],
    ['not http', `${HEADER}\n${GOOD.replace('https://example.org/bulletin', 'javascript:alert(1)')}\n`, /source_url is not an http\(s\) address/],
    ['duplicate keys', `${HEADER}\n${GOOD}\n${GOOD}\n`, /duplicate of an earlier row/],
    ['empty file', '', /no rows/],
    ['header only', `${HEADER}\n`, /no rows/],
    ['huge line', `${HEADER}\n${GOOD.replace('Example trade bulletin', 'x'.repeat(120_000))}\n`, /longer than 100,000 characters/],
    ['wrong encoding', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(GOOD.replace('Example', 'Ex\u00e9mple'), 'latin1'), Buffer.from('\n')]), /not UTF-8/],
  ];

  for (const [name, content, expected] of malformed) {
    it(`refuses ${name} with a clear error and writes nothing`, async () => {
      const before = await snapshot();
      const report = await importObservations(db, write(`${name.replace(/\s/g, '-')}.csv`, content));
      expect(report.ok).toBe(false);
      expect(report.errors.map((e) => e.message).join(' ')).toMatch(expected);
      expect(report.errors[0]?.line).toBeGreaterThanOrEqual(1);
      expect(await snapshot()).toBe(before);
    });
  }

  it('reports every bad row with its line number, and writes nothing when only some rows are bad', async () => {
    const before = await snapshot();
    const rows = [GOOD, GOOD.replace(',2023,', ',2022,').replace(',2.1,', ',x,'), GOOD.replace(',2023,', ',2021,'), GOOD.replace(',2023,', ',2020,').replace(',MNG,', ',QQQ,')];
    const report = await importObservations(db, write('mixed.csv', `${HEADER}\n${rows.join('\n')}\n`));
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(await snapshot()).toBe(before);
  });

  it('imports a valid file: a new country named from the ISO list, a new indicator, one audit entry with the counts', async () => {
    const rows = [GOOD, 'tourism,cruise_passengers,persons,TUR,MNG,2023,15000,Port statistics,https://example.org/ports,"15,000 cruise passengers"'];
    const report = await importObservations(db, write('good.csv', `${HEADER}\n${rows.join('\n')}\n`), { fileName: 'good.csv' });
    expect(report).toMatchObject({ ok: true, rows: 2, written: { observationsCreated: 2, actorsCreated: 1, indicatorsCreated: 1, sourcesCreated: 2 } });
    expect(await db.actor.findUnique({ where: { code: 'MNG' }, select: { name: true, kind: true } })).toEqual({ name: 'Mongolia', kind: 'COUNTRY' });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'import' }, orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ rows: 2, observationsCreated: 2 });
    // Importing the same file again duplicates nothing and leaves unchanged rows as they are; a changed value updates in place.
    const again = await importObservations(db, write('good.csv', `${HEADER}\n${rows.join('\n')}\n`));
    expect(again.written).toMatchObject({ observationsCreated: 0, observationsUpdated: 0, observationsUnchanged: 2, sourcesCreated: 0 });
    const changed = await importObservations(db, write('good2.csv', `${HEADER}\n${GOOD.replace(',2.1,', ',2.2,')}\n`));
    expect(changed.written).toMatchObject({ observationsCreated: 0, observationsUpdated: 1 });
  });

  it('takes the whole research file again on a seeded database: upsert by key, every row unchanged', async () => {
    const before = JSON.stringify(await fingerprint(database.url, ['observation', 'source']));
    const whole = await importObservations(db, path.join('prisma', 'seed', 'research', 'observations.csv'));
    expect(whole.errors).toEqual([]);
    expect(whole.written).toMatchObject({ observationsCreated: 0, observationsUpdated: 0, observationsUnchanged: 1043 });
    expect(JSON.stringify(await fingerprint(database.url, ['observation', 'source']))).toEqual(before);
  });
});

describe('research-format import (14 columns)', () => {
  const R_HEADER = RESEARCH_HEADER.join(',');
  const row = (year: number, value: string, status: string, periodNote: string, url: string, excerpt: string, tier: string) =>
    `trade,exports,USD billion,TUR,KGZ,${year},${value},${status},"${periodNote}",Kyrgyz trade bulletin,National Statistical Committee,${url},"${excerpt}",${tier}`;

  it('keeps status, period note, publisher and tier, and ranks conflicting figures as alternatives (best status, then tier)', async () => {
    const file = write(
      'research.csv',
      [
        R_HEADER,
        row(2022, '0.9', 'approximate', 'about', 'https://example.org/kg/a', 'about 0.9 billion', 'major_media'),
        row(2022, '0.92', 'reported', 'Calendar year', 'https://example.org/kg/b', '0.92 billion', 'official'),
        row(2022, '0.4', 'partial_year', 'January–June 2022', 'https://example.org/kg/c', '0.4 billion in H1', 'official'),
        row(2023, '1.1', 'forecast', 'target', 'https://example.org/kg/d', 'a target of 1.1 billion', 'other'),
        // a figure at another scale of the indicator's unit is converted exactly
        'trade,exports,USD million,TUR,KGZ,2021,850,reported,,Kyrgyz trade bulletin,National Statistical Committee,https://example.org/kg/e,"850 million",official',
      ].join('\n') + '\n',
    );
    const report = await importObservations(db, file);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    const rows = await db.observation.findMany({
      where: { partner: { code: 'KGZ' }, indicator: { slug: 'exports' } },
      orderBy: [{ year: 'asc' }, { periodLabel: 'asc' }, { rank: 'asc' }],
      select: { year: true, rank: true, value: true, status: true, periodType: true, periodLabel: true, periodNote: true, note: true, source: { select: { publisher: true, tier: true } } },
    });
    const flat = rows.map((r) => [r.year, r.rank, r.value?.toString(), r.status, r.periodType, r.periodLabel, r.source.tier]);
    expect(flat).toEqual([
      [2021, 0, '0.85', 'REPORTED', 'YEAR', '', 'OFFICIAL'],
      [2022, 0, '0.92', 'REPORTED', 'YEAR', '', 'OFFICIAL'],
      [2022, 1, '0.9', 'APPROXIMATE', 'YEAR', '', 'MAJOR_MEDIA'],
      [2022, 0, '0.4', 'PARTIAL_YEAR', 'PARTIAL_YEAR', 'January–June 2022', 'OFFICIAL'],
      [2023, 0, '1.1', 'FORECAST', 'YEAR', 'target', 'OTHER'],
    ]);
    expect(rows[0]?.note).toBe('As published: 850 USD million.');
    expect(rows[1]?.periodNote).toBe('Calendar year');
    expect(rows[1]?.source.publisher).toBe('National Statistical Committee');
    // the same file again changes no data (only the audit log records the import)
    const before = JSON.stringify(await fingerprint(database.url, ['observation', 'source']));
    const again = await importObservations(db, file);
    expect(again.written).toMatchObject({ observationsCreated: 0, observationsUpdated: 0, observationsUnchanged: 5 });
    expect(JSON.stringify(await fingerprint(database.url, ['observation', 'source']))).toEqual(before);
  });

  it('brings an older database up to date: a source known by address and excerpt takes the title, publisher and tier', async () => {
    const old = await db.source.create({ data: { title: '[no title returned] example.org', url: 'https://example.org/kg/old', excerpt: '1.3 billion' } });
    await db.observation.create({
      data: {
        indicatorId: (await db.indicator.findUniqueOrThrow({ where: { slug: 'exports' } })).id,
        reporterId: (await db.actor.findUniqueOrThrow({ where: { code: 'TUR' } })).id,
        partnerId: (await db.actor.findUniqueOrThrow({ where: { code: 'KGZ' } })).id,
        year: 2020, value: '1.2', sourceId: old.id,
      },
    });
    const file = write('update.csv', `${R_HEADER}\n${row(2020, '1.3', 'reported', '', 'https://example.org/kg/old', '1.3 billion', 'official')}\n`);
    const report = await importObservations(db, file);
    expect(report.ok).toBe(true);
    expect(report.written).toMatchObject({ observationsUpdated: 1, observationsCreated: 0 });
    const source = await db.source.findUniqueOrThrow({ where: { id: old.id } });
    expect(source).toMatchObject({ title: 'Kyrgyz trade bulletin', publisher: 'National Statistical Committee', tier: 'OFFICIAL' });
    const updated = await db.observation.findFirstOrThrow({ where: { partner: { code: 'KGZ' }, year: 2020 }, select: { value: true } });
    expect(updated.value?.toString()).toBe('1.3');
  });

  it('refuses a bad status, a bad tier and a unit that is not a scale of the indicator\'s, naming the lines, and writes nothing', async () => {
    const before = await snapshot();
    const file = write(
      'bad-research.csv',
      [
        R_HEADER,
        row(2019, '1', 'rumoured', '', 'https://example.org/kg/x', '1 billion', 'official'),
        row(2019, '1', 'reported', '', 'https://example.org/kg/y', '1 billion', 'blog'),
        'trade,exports,%,TUR,KGZ,2018,1,reported,,T,P,https://example.org/kg/z,"1 %",official',
      ].join('\n') + '\n',
    );
    const report = await importObservations(db, file);
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(report.errors[0]?.message).toMatch(/status is not one of reported, approximate/);
    expect(report.errors[1]?.message).toMatch(/tier is not one of official, intl_org/);
    expect(report.errors[2]?.message).toMatch(/is in "USD billion", the row in "%": "%" cannot be converted to "USD billion"/);
    expect(await snapshot()).toEqual(before);
  });
});
