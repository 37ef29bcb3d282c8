import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { IMPORT_HEADER } from '@/lib/import/observations';
import { requirePageRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Import · Admin' };

export default async function ImportPage() {
  await requirePageRole('EDITOR', '/admin/import');
  return (
    <>
      <h1>Import observations</h1>
      <p className="lede">
        A CSV file with the header <code>{IMPORT_HEADER.join(',')}</code>, UTF-8. The whole file is checked first; if any row is wrong,
        nothing is written and every bad row is listed with its line. Rows whose indicator, reporter, partner and year exist update that value.
      </p>
      <ImportForm />
      <h2>Export</h2>
      <ul>
        <li>
          <a href="/api/export/observations.csv">Observations as CSV</a> (primary yearly figures, in the import format)
        </li>
        <li>
          <a href="/api/export/backup.json">Full JSON backup</a> (all data including alternatives and events; restores into an empty database
          identically)
        </li>
      </ul>
    </>
  );
}
