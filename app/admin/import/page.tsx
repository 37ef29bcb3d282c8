import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { IMPORT_HEADER, RESEARCH_HEADER } from '@/lib/import/observations';
import { requirePageRole } from '@/lib/auth/session';
import { importConcepts } from '@/lib/queries/admin';
import { EVENTS_HEADER } from '@/lib/import/events';

export const metadata: Metadata = { title: 'Import · Admin' };

export default async function ImportPage() {
  await requirePageRole('EDITOR', '/admin/import');
  const concepts = await importConcepts();
  return (
    <>
      <h1>Import observations or events</h1>
      <p className="lede">
        A CSV file, UTF-8, with the header <code>{IMPORT_HEADER.join(',')}</code> or the research format&apos;s{' '}
        <code>{RESEARCH_HEADER.join(',')}</code> (status one of reported, approximate, lower_bound, partial_year, forecast; tier one of
        official, intl_org, major_media, other; conflicting figures for one key are kept as alternatives). The whole file is checked first; if
        any row is wrong, nothing is written and every bad row is listed with its line. Rows whose indicator, reporter, partner and year exist
        update that value; a source known by its address and excerpt takes the file&apos;s title, publisher and tier.
      </p>
      <p>
        <strong>Another country&apos;s file.</strong> Indicators the atlas does not know by name are mapped onto its concepts first (an
        optional <code>concept</code> column does it row by row): the page suggests a concept by name, unit and dimension, and you keep the
        suggestion, pick another concept, keep the indicator as a new unscored one, or skip its rows. Values in another scale of the
        concept&apos;s unit (mcm and bcm, thousand and million persons, kt and Mt) are converted exactly; other currencies with the year&apos;s
        exchange rate (World Bank annual averages); the published value, unit and rate stay with the figure.
      </p>
      <p>
        <strong>Events</strong> are recognised by their header <code>{EVENTS_HEADER.join(',')}</code> (<code>end_date</code> may be empty;
        <code>date_precision</code> is day or month; reporter is the focal country) and are imported all or nothing in the same way.
      </p>
      <ImportForm concepts={concepts} />
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
