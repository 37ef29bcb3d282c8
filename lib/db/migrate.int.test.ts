import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { migrate, MigrationError, readMigrations } from './migrate';

let database: TestDatabase;
let dir: string;

function writeMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function query<T extends object>(text: string): Promise<T[]> {
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

beforeEach(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-migrations-'));
});

afterEach(async () => {
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration runner', () => {
  it('applies migrations in name order, each recorded with Prisma columns and checksum', async () => {
    // The second depends on the first: applied out of order it would fail.
    writeMigration('20240101000000_b_second', 'ALTER TABLE "thing" ADD COLUMN "label" TEXT;');
    writeMigration('20230101000000_a_first', 'CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);\nCREATE INDEX "thing_id_idx" ON "thing"("id");');
    const result = await migrate(database.url, { dir });
    expect(result.applied).toEqual(['20230101000000_a_first', '20240101000000_b_second']);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY started_at, migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20230101000000_a_first', '20240101000000_b_second']);
    const expected = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, '20230101000000_a_first', 'migration.sql'), 'utf8')).digest('hex');
    expect(rows[0]?.checksum).toBe(expected);
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    const columns = await query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'thing' ORDER BY column_name");
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'label']);
  });

  it('is idempotent: a second run applies nothing', async () => {
    writeMigration('20230101000000_a', 'CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);');
    await migrate(database.url, { dir });
    const again = await migrate(database.url, { dir });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(['20230101000000_a']);
    const rows = await query<{ n: string }>('SELECT count(*)::text AS n FROM _prisma_migrations');
    expect(rows[0]?.n).toBe('1');
  });

  it('refuses to run when an applied migration file has changed, and applies nothing newer', async () => {
    writeMigration('20230101000000_a', 'CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);');
    await migrate(database.url, { dir });
    writeMigration('20230101000000_a', 'CREATE TABLE "thing" ("id" BIGSERIAL PRIMARY KEY);');
    writeMigration('20240101000000_b', 'CREATE TABLE "other" ("id" SERIAL PRIMARY KEY);');
    await expect(migrate(database.url, { dir })).rejects.toThrow(/20230101000000_a was changed after it was applied/);
    const tables = await query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_name = 'other'");
    expect(tables).toEqual([]);
  });

  it('rolls back a failing migration entirely and records nothing for it', async () => {
    writeMigration('20230101000000_a', 'CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);\nTHIS IS NOT SQL;');
    await expect(migrate(database.url, { dir })).rejects.toBeInstanceOf(MigrationError);
    const tables = await query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_name = 'thing'");
    expect(tables).toEqual([]);
    const rows = await query<{ n: string }>('SELECT count(*)::text AS n FROM _prisma_migrations');
    expect(rows[0]?.n).toBe('0');
  });

  it('two instances starting at once: each migration is applied exactly once and both succeed', async () => {
    // Not idempotent on its own: a second application would fail with "relation already exists".
    writeMigration('20230101000000_a', 'CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);\nSELECT pg_sleep(0.3);');
    writeMigration('20230102000000_b', 'CREATE TABLE "other" ("id" SERIAL PRIMARY KEY);');
    const [first, second] = await Promise.all([migrate(database.url, { dir }), migrate(database.url, { dir })]);
    expect([...first.applied, ...second.applied].sort()).toEqual(['20230101000000_a', '20230102000000_b']);
    const rows = await query<{ n: string }>('SELECT count(*)::text AS n FROM _prisma_migrations');
    expect(rows[0]?.n).toBe('2');
  });

  it('reads the project migrations in order with stable checksums', () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    for (const file of files) expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
