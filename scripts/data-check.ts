import path from 'node:path';
import { checkFile } from '../lib/import/data-check';

/** `npm run data:check <file> [more files]`: exits 1 and prints each problem with its line when a file has any. */
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run data:check <file.csv> [more.csv]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const report = await checkFile(path.resolve(file));
  for (const note of report.notes) console.log(`${file}:${note.line}: note: ${note.message}`);
  for (const problem of report.problems) console.log(`${file}:${problem.line}: ${problem.message}`);
  console.log(`${file}: ${report.rows} rows, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`);
  if (report.problems.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
