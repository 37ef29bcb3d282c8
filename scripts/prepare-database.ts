import { env } from '../lib/env';
import { seed } from '../prisma/seed/seed';
import { ensureAdmin } from '../lib/auth/users';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';

/**
 * Migrates, seeds only a database that has no data yet (an existing deployment keeps its own), and makes sure
 * there is a first admin (ADMIN_EMAIL/ADMIN_PASSWORD, or a generated one on the embedded database).
 */
export async function prepareDatabase(url: string, log: (line: string) => void, options: { embedded?: boolean } = {}): Promise<{ seeded: boolean }> {
  const result = await migrate(url, { log });
  log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
  const db = createPrismaClient(url, { max: 2, embedded: options.embedded ?? false });
  try {
    const settings = env();
    const admin = await ensureAdmin(db, { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD, embedded: options.embedded ?? false });
    if (admin) log(admin);
    const dimensions = await db.dimension.count();
    if (dimensions > 0) return { seeded: false };
    const started = Date.now();
    const { created } = await seed(db);
    log(`seeded an empty database in ${Date.now() - started} ms: ${created.observations} observations, ${created.events} events, ${created.sources} sources`);
    return { seeded: true };
  } finally {
    await db.$disconnect();
  }
}
