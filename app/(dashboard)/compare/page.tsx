import { BriefingButton } from '@/components/charts/briefing-button';
import type { Metadata } from 'next';
import { LazyChart } from '@/components/charts/lazy-chart';
import { StaticCompareChart } from '@/components/charts/static-chart';
import { ExportMenu } from '@/components/charts/export-menu';
import { chartUrl } from '@/lib/export/links';
import { Notices } from '@/components/dashboard/notices';
import { QualityNote } from '@/components/dashboard/quality-note';
import { ViewFilters } from '@/components/dashboard/view-filters';
import { compareCells, compareChartData } from '@/lib/dashboard/compare';
import { formatNumber, formatValue } from '@/lib/dashboard/format';
import { choosablePartners, resolveView, scoringData } from '@/lib/queries/dashboard';
import { parseView, viewQuery, type SearchParams } from '@/lib/schemas/view';

export const metadata: Metadata = { title: 'Compare partners' };

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { state, errors } = parseView(await searchParams);
  const view = await resolveView(state);
  const { focal, partners } = view;
  const { observations, catalogue, index, share } = await scoringData(view, state);
  const years = observations.map((o) => o.year);
  const yearSpan: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2024];
  const cells = compareCells(catalogue, observations, view, state, index);
  const range = state.from !== undefined || state.to !== undefined ? `${state.from ?? 'earliest'}–${state.to ?? 'latest'}` : 'all years';
  const title = `Dependency score by dimension: ${partners.map((p) => p.name).join(', ')} (${range})`;
  const chart = compareChartData(catalogue, observations, view, state, cells);
  const apiQuery = viewQuery(state).slice(1);

  return (
    <>
      <h1>Compare partners</h1>
      <p className="lede">
        {focal.name}&apos;s dependence on the chosen partners side by side: the latest year with data in the range, per dimension.
      </p>
      <Notices messages={[...errors, ...view.notices]} />
      <ViewFilters action="/compare" state={state} partners={await choosablePartners(catalogue, focal.code, state.partners)} years={yearSpan} label="Choose partners and years" />
      <BriefingButton view={'compare'} apiQuery={viewQuery(state).slice(1)} />
      <QualityNote share={share} state={state} path="/compare" />
      <figure className="chart-figure" aria-labelledby="compare-title" data-testid="chart-compare">
        <h2 id="compare-title" className="chart-title">
          {title}
        </h2>
        {chart.rows.length > 0 ? (
          <LazyChart type="compare" src={chartUrl('compare', 'json', apiQuery)}>
            <StaticCompareChart rows={chart.rows} series={chart.series} summary={chart.summary} />
          </LazyChart>
        ) : (
          <p>No scores for this selection.</p>
        )}
        <figcaption className="meta">Scores computed from the sourced figures listed on each dimension page; the year of each score is in the table.</figcaption>
        {chart.rows.length > 0 ? (
          <ExportMenu
            chart="compare"
            title={title}
            fileStem={`compare-${focal.code}-${partners.map((p) => p.code).join('_')}-${state.from ?? 'all'}-${state.to ?? 'all'}`}
            apiQuery={apiQuery}
            viewPath={`/compare${viewQuery(state)}`}
          />
        ) : null}
      </figure>
      <div className="table-wrap">
        <table>
          <caption>Scores and headline figures by dimension</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              {partners.map((p) => (
                <th scope="col" key={p.code}>
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {catalogue.dimensions.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                {cells.map((c) => {
                  const cell = c.cells.find((x) => x.dimension === d.key);
                  return (
                    <td key={c.partner.code} data-state={cell?.state ?? 'none'}>
                      {cell?.state === 'score' && cell.latest?.score != null && cell.headline ? (
                        <>
                          Score {formatNumber(cell.latest.score)} ({cell.latest.year}){cell.latest.lowConfidence ? ' · low confidence' : ''}
                          <br />
                          <span className="meta">
                            {cell.headline.indicator.name}: {cell.headline.display ?? formatValue(cell.headline.figure.value, cell.headline.indicator.unit)}
                          </span>
                        </>
                      ) : cell?.state === 'zero' ? (
                        <>
                          0 · sourced zero ({cell.zero?.listing.year ?? cell.latest?.year})
                          <br />
                          <span className="meta">{cell.zero?.indicator.name ?? cell.headline?.indicator.name}</span>
                        </>
                      ) : cell?.state === 'na' ? (
                        <>
                          Not applicable
                          <br />
                          <span className="meta">{cell.reason}</span>
                        </>
                      ) : (
                        'No data'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
