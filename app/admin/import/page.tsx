import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { IMPORT_HEADER, RESEARCH_HEADER } from '@/lib/import/observations';
import { requirePageRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Import · Admin' };

export default async function ImportPage() {
  await requirePageRole('EDITOR', '/admin/import');
  return (
    <>
      <h1>Import observations</h1>
      <p className="lede">
        A CSV file, UTF-8, with the header <code>{IMPORT_HEADER.join(',')}</code> or the research format&apos;s{' '}
        <code>{RESEARCH_HEADER.join(',')}</code> (status one of reported, approximate, lower_bound, partial_year, forecast; tier one of
        official, intl_org, major_media, other; conflicting figures for one key are kept as alternatives). The whole file is checked first; if
        any row is wrong, nothing is written and every bad row is listed with its line. Rows whose indicator, reporter, partner and year exist
        update that value; a source known by its address and excerpt takes the file&apos;s title, publisher and tier.
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
