import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { seed } from '../prisma/seed/seed';
import { log, runWithDatabase } from './run';

await runWithDatabase(async (target) => {
  await migrate(target.url, { log });
  const db = createPrismaClient(target.url, { max: 2, embedded: target.kind === 'embedded' });
  try {
    const { created } = await seed(db);
    const total = Object.values(created).reduce((sum, n) => sum + n, 0);
    log(total === 0 ? 'seed: nothing to add, the database already holds every seed row' : `seed: created ${JSON.stringify(created)}`);
  } finally {
    await db.$disconnect();
  }
});
