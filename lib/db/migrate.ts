import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { env } from '../env';

/** Same key as Prisma Migrate's own lock, so this runner and `prisma migrate deploy` exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {}

export function migrationsDir(): string {
  return path.resolve(env().MIGRATIONS_DIR ?? 'prisma/migrations');
}

export function readMigrations(dir = migrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      // Prisma records the SHA-256 of the file's text; matching it lets a machine with Prisma's engine see these as applied.
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * Applies the migrations in name order, each in its own transaction. Each transaction first takes an
 * advisory transaction lock and re-reads what is applied, so two instances starting at once never apply
 * one migration twice (on the embedded database, where every connection shares one session, the open
 * transaction itself excludes the other connections). Refuses to run when an applied migration's file changed.
 */
export async function migrate(
  url: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = readMigrations(options.dir);
  // Unnamed statements only: the embedded database is one session shared by every connection.
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10, prepare: false });
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    const locked = async <T>(work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> =>
      (await sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`;
        await tx.unsafe(CREATE_TABLE);
        return work(tx);
      })) as T;

    const appliedRows = (tx: postgres.TransactionSql) =>
      tx<AppliedRow[]>`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;

    const rows = await locked(appliedRows);
    for (const row of rows) {
      if (row.finished_at === null) {
        throw new MigrationError(
          `Migration ${row.migration_name} started but never finished. Inspect the database, then mark it rolled back in _prisma_migrations.`,
        );
      }
      const file = files.find((f) => f.name === row.migration_name);
      if (!file) log(`warning: migration ${row.migration_name} is applied but has no file here`);
      else if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${file.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). Restore the file and add a new migration instead.`,
        );
      }
    }

    for (const file of files) {
      const started = Date.now();
      const applied = await locked(async (tx) => {
        const now = await appliedRows(tx);
        if (now.some((row) => row.migration_name === file.name)) return false;
        try {
          await tx.unsafe(file.sql).simple();
        } catch (error) {
          throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
        }
        await tx`
          INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
          VALUES (${crypto.randomUUID()}, ${file.checksum}, now(), ${file.name}, now(), 1)`;
        return true;
      });
      if (applied) {
        result.applied.push(file.name);
        log(`applied migration ${file.name} (${Date.now() - started} ms)`);
      } else {
        result.alreadyApplied.push(file.name);
      }
    }
    return result;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
