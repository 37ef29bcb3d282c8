/** `npm run user:create -- --email someone@example.org --role editor [--password …] [--name …]` */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUser, ROLES } from '../lib/auth/users';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { log, runWithDatabase } from './run';

const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string', default: 'viewer' }, password: { type: 'string' }, name: { type: 'string' } },
});

const role = z.enum(ROLES).safeParse(values.role?.toUpperCase());
if (!values.email || !role.success) {
  console.error('usage: npm run user:create -- --email someone@example.org --role viewer|editor|admin [--password …] [--name …]');
  process.exit(2);
}

await runWithDatabase(async (target) => {
  await migrate(target.url, { log });
  const db = createPrismaClient(target.url, { max: 2, embedded: target.kind === 'embedded' });
  try {
    const { user, password } = await createUser(db, { email: values.email!, role: role.data, password: values.password, name: values.name });
    log(`created ${user.email} (${user.role.toLowerCase()})${values.password ? '' : ` with password ${password} (shown once)`}`);
  } catch (error) {
    if (error instanceof z.ZodError) {
      console.error(`[atlas] ${error.issues.map((i) => i.message).join('; ')}`);
      process.exitCode = 1;
    } else if ((error as { code?: string }).code === 'P2002') {
      console.error(`[atlas] a user with email ${values.email} exists already`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.$disconnect();
  }
});
