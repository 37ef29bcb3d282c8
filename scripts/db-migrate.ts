import { migrate } from '../lib/db/migrate';
import { log, runWithDatabase } from './run';

await runWithDatabase(async (target) => {
  const result = await migrate(target.url, { log });
  log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
});
