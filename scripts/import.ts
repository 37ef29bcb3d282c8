/**
 * `npm run import -- [--map auto | --map <mapping.csv>] <file.csv>`: all-or-nothing import of observations (either
 * observations header, optionally with a `concept` column) or of events (recognised by the events header).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { readMappingFile } from '../lib/import/concepts';
import { importFile } from '../lib/import/file';
import type { MappingOption } from '../lib/import/observations';
import { log, runWithDatabase } from './run';

const USAGE = `usage: npm run import -- [--map auto | --map <mapping.csv>] <file.csv>
  observations: dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt (or the research format; either may add "concept")
  events:       date,end_date,date_precision,title,reporter,partner,dimension,description,source_title,publisher,source_url
  --map auto        map the file's unknown indicators onto the suggested concepts (printed), a new unscored indicator where none fits
  --map file.csv    your own mapping, header indicator,concept (concept = a concept key, "new" or "skip")`;

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs({ options: { map: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const file = args.positionals[0];
if (!file || args.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

let mapping: MappingOption = 'ask';
const map = args.values.map as string | undefined;
if (map === 'auto') mapping = 'auto';
else if (map) {
  const read = readMappingFile(path.resolve(map));
  if (!read.ok) {
    for (const e of read.errors) console.error(`${path.basename(map)} line ${e.line}: ${e.message}`);
    console.error('[atlas] import refused: the mapping file is not valid; nothing was written');
    process.exit(1);
  }
  mapping = read.choices;
}

await runWithDatabase(async (target) => {
  await migrate(target.url, { log });
  const db = createPrismaClient(target.url, { max: 2, embedded: target.kind === 'embedded' });
  try {
    const report = await importFile(db, path.resolve(file), {
      fileName: path.basename(file),
      progressEveryMs: 1000,
      mapping,
      onProgress: ({ phase, rows, fraction }) => log(`${phase}: ${rows.toLocaleString('en-GB')} rows (${Math.round(fraction * 100)}%)`),
    });
    for (const p of report.mapping ?? []) {
      const target = p.choice === 'new' ? 'new unscored indicator' : p.choice === 'skip' ? 'skipped' : `concept ${p.choice}`;
      log(`mapping: ${p.name} (${p.units.join(', ')}, ${p.rows} rows) → ${target} [${p.by}${p.suggestion && p.choice !== p.suggestion ? `; suggested ${p.suggestion}` : ''}]`);
    }
    if (!report.ok) {
      for (const e of report.errors) console.error(`line ${e.line}: ${e.message}`);
      if (report.errorCount > report.errors.length) console.error(`… and ${report.errorCount - report.errors.length} more`);
      console.error(`[atlas] import refused: ${report.errorCount} bad row${report.errorCount === 1 ? '' : 's'} of ${report.rows}; nothing was written`);
      process.exitCode = 1;
      return;
    }
    log(`imported ${report.rows} ${report.kind === 'events' ? 'events' : 'rows'}: ${JSON.stringify(report.eventsWritten ?? { ...report.written, ...(report.skipped ? { skipped: report.skipped } : {}) })}`);
  } finally {
    await db.$disconnect();
  }
});
