import { afterAll, beforeAll } from 'vitest';
import { createPrismaClient, type Db } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { seed } from '../../prisma/seed/seed';
import { createTestDatabase, type TestDatabase } from './database';

/**
 * For a test file that reads through the app's own queries: a fresh database (createTestDatabase), migrated and
 * seeded with the research set, made the app's database (DATABASE_URL and the shared client) for the file's tests,
 * and dropped afterwards with DATABASE_URL restored. `seeded.db` and `seeded.url` are set once beforeAll has run.
 */
export function withSeededDatabase(): { readonly db: Db; readonly url: string; readonly database: TestDatabase } {
  const serverUrl = process.env.DATABASE_URL;
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.url);
    process.env.DATABASE_URL = database.url;
    db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
    (globalThis as { atlasDb?: Db }).atlasDb = db;
    await seed(db);
  }, 180_000);
  afterAll(async () => {
    delete (globalThis as { atlasDb?: Db }).atlasDb;
    await db?.$disconnect();
    await database?.drop();
    if (serverUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = serverUrl;
  });
  const ready = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the seeded database is set up in beforeAll');
    return value;
  };
  return {
    get db() {
      return ready(db);
    },
    get url() {
      return ready(database).url;
    },
    get database() {
      return ready(database);
    },
  };
}
