import path from 'node:path';
import { prepareDatabase } from './prepare-database';
import { buildIfNeeded } from './build';
import { log, runServerGroup, runWithDatabase } from './run';

const STOP_GRACE_MS = 10_000;

await runWithDatabase(async (target) => {
  const started = Date.now();
  const { seeded } = await prepareDatabase(target.url, log, { embedded: target.kind === 'embedded' });
  if (!seeded) log('database already has data: seed skipped');
  log(`database ready in ${Date.now() - started} ms`);
  buildIfNeeded();
  const port = process.env.PORT ?? '3000';
  log(`starting http://localhost:${port}`);
  process.exitCode = await runServerGroup(['--import', 'tsx', path.join('scripts', 'serve.ts')], {
    ...process.env,
    DATABASE_URL: target.url,
    DATABASE_KIND: target.kind,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PORT: port,
  }, STOP_GRACE_MS);
});
