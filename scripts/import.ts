/** `npm run import -- <file.csv>`: all-or-nothing import of observations in the research CSV format. */
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { importObservations } from '../lib/import/observations';
import { log, runWithDatabase } from './run';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run import -- <file.csv>   (header: dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt)');
  process.exit(2);
}

await runWithDatabase(async (target) => {
  await migrate(target.url, { log });
  const db = createPrismaClient(target.url, { max: 2, embedded: target.kind === 'embedded' });
  try {
    const report = await importObservations(db, path.resolve(file), {
      fileName: path.basename(file),
      progressEveryMs: 1000,
      onProgress: ({ phase, rows, fraction }) => log(`${phase}: ${rows.toLocaleString('en-GB')} rows (${Math.round(fraction * 100)}%)`),
    });
    if (!report.ok) {
      for (const e of report.errors) console.error(`line ${e.line}: ${e.message}`);
      if (report.errorCount > report.errors.length) console.error(`… and ${report.errorCount - report.errors.length} more`);
      console.error(`[atlas] import refused: ${report.errorCount} bad row${report.errorCount === 1 ? '' : 's'} of ${report.rows}; nothing was written`);
      process.exitCode = 1;
      return;
    }
    log(`imported ${report.rows} rows: ${JSON.stringify(report.written)}`);
  } finally {
    await db.$disconnect();
  }
});
