/** `npm run db:restore -- <backup.json>`: loads a JSON backup (from /api/export/backup.json) into an empty database. */
import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup } from '../lib/backup/backup';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { log, runWithDatabase } from './run';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run db:restore -- <backup.json>   (into an empty database: a fresh DATABASE_URL, or a new EMBEDDED_DATA_DIR)');
  process.exit(2);
}

await runWithDatabase(async (target) => {
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  } catch (error) {
    console.error(`[atlas] cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  await migrate(target.url, { log });
  const db = createPrismaClient(target.url, { max: 2, embedded: target.kind === 'embedded' });
  try {
    const result = await restoreBackup(db, input);
    if (!result.ok) {
      console.error(`[atlas] restore refused: ${result.message}`);
      process.exitCode = 1;
      return;
    }
    log(`restored ${JSON.stringify(result.counts)}`);
  } finally {
    await db.$disconnect();
  }
});
