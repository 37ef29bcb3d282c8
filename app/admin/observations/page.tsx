import type { Metadata } from 'next';
import { param } from '@/lib/schemas/text';
import { AddObservationForm } from '@/components/admin/add-observation-form';
import { ObservationRow } from '@/components/admin/observation-row';
import { ADMIN_PAGE_SIZE, adminChoices, adminObservations } from '@/lib/queries/admin';
import { requirePageRole } from '@/lib/auth/session';
import { focalCountries } from '@/lib/queries/data';

export const metadata: Metadata = { title: 'Observations · Admin' };

const first = (v: string | string[] | undefined) => param(v);
const year = (v: string | undefined) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

export default async function AdminObservationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole('EDITOR', '/admin/observations');
  const params = await searchParams;
  const filter = { reporter: first(params.reporter)?.toUpperCase(), indicator: first(params.indicator), partner: first(params.partner)?.toUpperCase(), from: year(first(params.from)), to: year(first(params.to)) };
  const [{ rows, total }, choices, focals] = await Promise.all([adminObservations(filter), adminChoices(), focalCountries()]);
  return (
    <>
      <h1>Observations</h1>
      <form className="filters" method="get" action="/admin/observations" aria-label="Filter observations" autoComplete="off">
        <label htmlFor="f-reporter">Focal country</label>
        <select id="f-reporter" name="reporter" defaultValue={filter.reporter ?? ''}>
          <option value="">all</option>
          {focals.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        <label htmlFor="f-indicator">Indicator</label>
        <select id="f-indicator" name="indicator" defaultValue={filter.indicator ?? ''}>
            <option value="">all</option>
            {choices.indicators.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.name}
              </option>
            ))}
        </select>
        <label htmlFor="f-partner">Partner</label>
        <select id="f-partner" name="partner" defaultValue={filter.partner ?? ''}>
            <option value="">all</option>
            {choices.actors.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
        </select>
        <label>
          From <input name="from" type="number" min={1990} max={2100} defaultValue={filter.from} />
        </label>
        <label>
          to <input name="to" type="number" min={1990} max={2100} defaultValue={filter.to} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <AddObservationForm choices={choices} focal={filter.reporter && focals.some((a) => a.code === filter.reporter) ? filter.reporter : choices.focal} />
      <p role="status">
        {total > rows.length ? `Showing the first ${ADMIN_PAGE_SIZE} of ${total} values: narrow the filter.` : `${total} values.`}
      </p>
      <datalist id="source-list">
        {choices.sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </datalist>
      <div className="table-wrap">
        <table className="grid">
          <caption>Values: edit inline; a save carries the version it started from, so nobody overwrites another edit unseen.</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Partner</th>
              <th scope="col">Period</th>
              <th scope="col">Value</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
              <th scope="col">Source</th>
              <th scope="col">Save</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ObservationRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
