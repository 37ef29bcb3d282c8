import { connection } from 'next/server';
import { getOverview } from '@/lib/queries/overview';
import { EventList } from '@/components/dashboard/event-list';

export default async function OverviewPage() {
  await connection();
  const overview = await getOverview();
  if (!overview) {
    return (
      <div className="notice" role="status">
        <h1>No data yet</h1>
        <p>The database has no focal country. Run <code>npm run db:seed</code> to load the curated research data.</p>
      </div>
    );
  }
  const { focal, dimensions, partners, events, totals } = overview;
  const shownPartners = partners.filter((p) => p.kind !== 'AGGREGATE');
  return (
    <>
      <h1>{focal.name}: dependence on its partners</h1>
      <p className="lede">
        {totals.observations} sourced values across {dimensions.length} dimensions, from {totals.sources} sources, with{' '}
        {totals.events} dated events.
      </p>

      <h2 id="dimensions">Dimensions</h2>
      <ul className="cards" aria-labelledby="dimensions">
        {dimensions.map((d) => (
          <li className="card" key={d.key}>
            <h3>
              <span className="swatch" style={{ background: d.colour }} aria-hidden="true" />
              {d.label}
            </h3>
            <p className="figure">{d.values}</p>
            <p>
              values in {d.indicators} indicators. {d.description}
            </p>
          </li>
        ))}
      </ul>

      <h2 id="partners">Partners</h2>
      <div className="table-wrap">
        <table aria-labelledby="partners">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              {dimensions.map((d) => (
                <th scope="col" className="num" key={d.key}>
                  {d.label}
                </th>
              ))}
              <th scope="col" className="num">
                All values
              </th>
            </tr>
          </thead>
          <tbody>
            {shownPartners.map((p) => (
              <tr key={p.code}>
                <th scope="row">
                  {p.name} <span className="meta">{p.code}</span>
                </th>
                {dimensions.map((d) => (
                  <td className="num" key={d.key}>
                    {p.byDimension[d.key] ?? '–'}
                  </td>
                ))}
                <td className="num">{p.values}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="events">Latest events</h2>
      <EventList events={events} />
    </>
  );
}
