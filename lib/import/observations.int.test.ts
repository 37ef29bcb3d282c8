import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { seed } from '../../prisma/seed/seed';
import { IMPORT_HEADER, importObservations } from './observations';

let database: TestDatabase;
let db: Db;
let dir: string;
const HEADER = IMPORT_HEADER.join(',');
const GOOD = 'trade,exports,USD billion,TUR,KAZ,2023,2.1,Example trade bulletin,https://example.org/bulletin,"exports to Kazakhstan reached $2.1 billion"';

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
    ['malformed code', `${HEADER}\n${GOOD.replace(',KAZ,', ',Kz,')}\n`, /partner "Kz" is not an ISO 3166-1 alpha-3 code/],
    ['unassigned code', `${HEADER}\n${GOOD.replace(',KAZ,', ',XKZ,')}\n`, /partner "XKZ" is not an assigned ISO 3166-1 alpha-3 code/],
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
    const rows = [GOOD, GOOD.replace(',2023,', ',2022,').replace(',2.1,', ',x,'), GOOD.replace(',2023,', ',2021,'), GOOD.replace(',2023,', ',2020,').replace(',KAZ,', ',QQQ,')];
    const report = await importObservations(db, write('mixed.csv', `${HEADER}\n${rows.join('\n')}\n`));
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(await snapshot()).toBe(before);
  });

  it('imports a valid file: a new country named from the ISO list, a new indicator, one audit entry with the counts', async () => {
    const rows = [GOOD, 'tourism,cruise_passengers,persons,TUR,KAZ,2023,15000,Port statistics,https://example.org/ports,"15,000 cruise passengers"'];
    const report = await importObservations(db, write('good.csv', `${HEADER}\n${rows.join('\n')}\n`), { fileName: 'good.csv' });
    expect(report).toMatchObject({ ok: true, rows: 2, written: { observationsCreated: 2, actorsCreated: 1, indicatorsCreated: 1, sourcesCreated: 2 } });
    expect(await db.actor.findUnique({ where: { code: 'KAZ' }, select: { name: true, kind: true } })).toEqual({ name: 'Kazakhstan', kind: 'COUNTRY' });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'import' }, orderBy: { id: 'desc' } });
    expect(audit.after).toMatchObject({ rows: 2, observationsCreated: 2 });
    // Importing the same file again updates in place instead of duplicating.
    const again = await importObservations(db, write('good.csv', `${HEADER}\n${rows.join('\n')}\n`));
    expect(again.written).toMatchObject({ observationsCreated: 0, observationsUpdated: 2, sourcesCreated: 0 });
  });

  it("reads the research file's format: its labels map onto the curated indicators and periods", async () => {
    const lines = fs.readFileSync(path.join('prisma', 'seed', 'research', 'observations.csv'), 'utf8').split('\n');
    const tourism = lines.filter((l) => l.startsWith('tourism,foreign_arrivals (Jan-Nov only)'));
    const report = await importObservations(db, write('research-part.csv', `${lines[0]}\n${tourism.join('\n')}\n`));
    expect(report).toMatchObject({ ok: true, rows: 3, written: { observationsCreated: 0, observationsUpdated: 3, indicatorsCreated: 0 } });
    const russia2019 = await db.observation.findFirstOrThrow({
      where: { indicator: { slug: 'foreign_arrivals' }, partner: { code: 'RUS' }, year: 2019 },
      select: { periodType: true, periodLabel: true, value: true },
    });
    expect(russia2019).toMatchObject({ periodType: 'PARTIAL_YEAR', periodLabel: 'Jan–Nov' });
    // Its conflicting figures share a key, so the whole file is refused as duplicates: alternatives are entered one by one.
    const whole = await importObservations(db, path.join('prisma', 'seed', 'research', 'observations.csv'));
    expect(whole.ok).toBe(false);
    expect(whole.errors.every((e) => e.message.startsWith('duplicate of an earlier row'))).toBe(true);
  });
});
