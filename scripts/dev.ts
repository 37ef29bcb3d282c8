/**
 * `npm run dev`: the contributor's loop. Prepares the database as `npm start` does (the embedded one in `.data/`
 * unless DATABASE_URL names another: migrated, seeded when empty, a first admin) and runs `next dev` on it, with
 * hot reload. Ctrl-C stops both.
 */
import path from 'node:path';
import { prepareDatabase } from './prepare-database';
import { log, runServerGroup, runWithDatabase } from './run';

await runWithDatabase(async (target) => {
  const { seeded } = await prepareDatabase(target.url, log, { embedded: target.kind === 'embedded' });
  if (!seeded) log('database already has data: seed skipped');
  const port = process.env.PORT ?? '3000';
  log(`development server on http://localhost:${port} (hot reload; not for production: npm start)`);
  process.exitCode = await runServerGroup(
    [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '-p', port],
    { ...process.env, DATABASE_URL: target.url, DATABASE_KIND: target.kind, NEXT_TELEMETRY_DISABLED: '1' },
    5_000,
  );
});
