import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { seed } from '../../prisma/seed/seed';
import { exportBackup, restoreBackup } from './backup';

let a: TestDatabase;
let b: TestDatabase;
let dbA: Db;
let dbB: Db;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([migrate(a.url), migrate(b.url)]);
  dbA = createPrismaClient(a.url, { max: 2, embedded: a.kind === 'embedded' });
  dbB = createPrismaClient(b.url, { max: 2, embedded: b.kind === 'embedded' });
  await seed(dbA);
  // An edit with hostile text, so the round trip carries more than the seed.
  await dbA.observation.updateMany({ where: { indicator: { slug: 'exports' }, year: 2015, partner: { code: 'RUS' } }, data: { note: `<b>"quoted"</b>, comma; 'sql' --` } });
});

afterAll(async () => {
  await Promise.all([dbA.$disconnect(), dbB.$disconnect()]);
  await Promise.all([a.drop(), b.drop()]);
});

describe('JSON backup', () => {
  it('export → restore into an empty database → export gives identical data', async () => {
    const first = await exportBackup(dbA);
    expect(first.observations).toHaveLength(1044);
    expect(first.listings.length).toBeGreaterThan(50);
    expect(first.sources.some((s) => s.tier === 'OFFICIAL')).toBe(true);
    const restored = await restoreBackup(dbB, JSON.parse(JSON.stringify(first)));
    expect(restored).toMatchObject({ ok: true, counts: { observations: 1044, events: 93 } });
    const second = await exportBackup(dbB);
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
  });

  it('refuses a database that is not empty, and anything that is not a backup, changing nothing', async () => {
    const before = await dbB.observation.count();
    expect(await restoreBackup(dbB, await exportBackup(dbA))).toMatchObject({ ok: false, message: expect.stringContaining('not empty') });
    expect(await restoreBackup(dbB, { format: 'something else' })).toMatchObject({ ok: false, message: expect.stringContaining('Not a Dependency Atlas backup') });
    expect(await dbB.observation.count()).toBe(before);
  });
});
