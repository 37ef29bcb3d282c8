import 'server-only';
import { noteDatabaseError } from './availability';
import { createPrismaClient, type Db } from './client';
import { env, poolMax } from '../env';

const globalForDb = globalThis as unknown as { atlasDb?: Db };

/** The app's one database client, created on first use from DATABASE_URL (set by `npm start`). */
export function getDb(): Db {
  if (globalForDb.atlasDb) return globalForDb.atlasDb;
  const settings = env();
  const url = settings.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides it.');
  const max = poolMax(settings);
  // Every failed query is shown to the availability probe: a lost database turns pages into 503s at once.
  const client = createPrismaClient(url, { max, embedded: settings.DATABASE_KIND === 'embedded' }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          noteDatabaseError(error);
          throw error;
        }
      },
    },
  });
  globalForDb.atlasDb = client as unknown as Db;
  return globalForDb.atlasDb;
}
