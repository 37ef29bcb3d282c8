import { BriefingButton } from '@/components/charts/briefing-button';
import type { Metadata } from 'next';
import { DependencyMatrix, ScoreLegend, type MatrixRow } from '@/components/dashboard/dependency-matrix';
import { EventList } from '@/components/dashboard/event-list';
import { Notices } from '@/components/dashboard/notices';
import { SourceLink } from '@/components/dashboard/source-link';
import { ViewFilters } from '@/components/dashboard/view-filters';
import { figureSources, formatValue } from '@/lib/dashboard/format';
import { matrixCell } from '@/lib/dashboard/shape';
import { choosablePartners, groupMembers, resolveView, scoringData } from '@/lib/queries/dashboard';
import { getEvents } from '@/lib/queries/data';
import { QualityNote } from '@/components/dashboard/quality-note';
import { DEFAULT_FOCAL, parseView, viewQuery, type SearchParams } from '@/lib/schemas/view';
import { FORMULA } from '@/lib/scoring/score';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { state, errors } = parseView(await searchParams);
  const view = await resolveView(state);
  const { focal, partners } = view;
  const [{ observations, catalogue, index, share }, events] = await Promise.all([scoringData(view, state), getEvents({ reporter: view.focal.code, from: state.from, to: state.to, limit: 6 })]);
  const years = observations.map((o) => o.year);
  const yearSpan: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2024];
  const cellsFor = (code: string) =>
    catalogue.dimensions.map((d) => matrixCell(observations, catalogue, d.key, code, focal.code, { weights: state.weights, from: state.from, to: state.to, index }));

  const rows: MatrixRow[] = [];
  for (const partner of partners) {
    rows.push({ partner, cells: cellsFor(partner.code) });
    if (partner.kind === 'GROUP' && state.members) {
      for (const member of groupMembers(catalogue, partner.code, focal.code)) {
        const actor = catalogue.actors.find((a) => a.code === member);
        if (actor && !partners.includes(actor)) rows.push({ partner: actor, memberOf: partner.name, cells: cellsFor(actor.code) });
      }
    }
  }

  const keyFigures = rows
    .filter((r) => !r.memberOf)
    .flatMap((r) => r.cells.filter((c) => c.headline && c.latest?.score !== null).map((c) => ({ row: r, cell: c })))
    .sort((a, b) => (b.cell.latest?.score ?? 0) - (a.cell.latest?.score ?? 0))
    .slice(0, 4);

  const hasGroup = partners.some((p) => p.kind === 'GROUP');
  const q = (overrides: Parameters<typeof viewQuery>[1] = {}) => viewQuery(state, overrides);
  const partnerNames = partners.map((p) => p.name);
  const title = `${focal.name}'s dependence on ${partnerNames.length > 1 ? `${partnerNames.slice(0, -1).join(', ')} and ${partnerNames.at(-1)}` : partnerNames[0] ?? 'its partners'}`;

  return (
    <>
      <h1>{title}</h1>
      <p className="lede">
        How much {focal.name} depends on each partner in seven dimensions, scored 0–100 from sourced figures. Select a cell for its series,
        sources and method.
      </p>
      <Notices messages={[...errors, ...view.notices]} />
      <ViewFilters action="/" state={state} partners={await choosablePartners(catalogue, focal.code, state.partners)} years={yearSpan} />
      <BriefingButton view={'overview'} apiQuery={viewQuery(state).slice(1)} />
      <QualityNote share={share} state={state} path="/" />

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">Dependency matrix</h2>
        <DependencyMatrix
          rows={rows}
          dimensions={catalogue.dimensions}
          focalName={focal.name}
          hrefFor={(partner, dimension) => `/dimensions/${dimension}${viewQuery(state, { partners: [partner], members: false })}`}
        />
        <div className="matrix-footer">
          <ScoreLegend />
          {hasGroup ? (
            <a href={q({ members: !state.members })}>{state.members ? 'Hide NATO members' : 'Show NATO members'}</a>
          ) : null}
        </div>
        <p id="matrix-note" className="meta">
          Colour: dependency score of the latest year in range with data (darker is more dependent). Figure: the first scored input of that
          year. Trend: change of the score since the previous year with data.
        </p>
        <p className="methodology-summary">
          <strong>Score:</strong> {FORMULA}{' '}
          {Object.keys(state.weights).length > 0
            ? `Your weights: ${Object.entries(state.weights)
                .map(([slug, w]) => `${catalogue.indicators.find((i) => i.slug === slug)?.name ?? slug} ${w}`)
                .join(', ')}. `
            : 'Default weights. '}
          <a href={`/methodology${q()}`}>Inputs, weights and how to change them</a>
          {Object.keys(state.weights).length > 0 ? (
            <>
              {' · '}
              <a href={`/${q({ weights: {} })}`}>Reset to default weights</a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="key-figures">
        <h2 id="key-figures">Key figures</h2>
        {keyFigures.length === 0 ? (
          <p>No scored figures for this selection.</p>
        ) : (
          <ul className="cards">
            {keyFigures.map(({ row, cell }) => {
              const headline = cell.headline!;
              const dimension = catalogue.dimensions.find((d) => d.key === cell.dimension);
              return (
                <li className="card" key={`${row.partner.code}-${cell.dimension}`}>
                  <h3>
                    {row.partner.name}: {headline.indicator.name.toLowerCase()}
                  </h3>
                  <p className="figure">{formatValue(headline.figure.value, headline.indicator.unit)}</p>
                  <p>
                    {dimension?.label}, {headline.year}
                    {headline.figure.provenance.kind === 'derived' ? ', sum of members' : ''}
                  </p>
                  <p className="meta">
                    Source:{' '}
                    {figureSources(headline.figure).map((o, i) => (
                      <span key={o.key}>
                        {i > 0 ? '; ' : ''}
                        <SourceLink source={o.source} />
                      </span>
                    ))}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="latest-events">
        <h2 id="latest-events">Latest events</h2>
        <EventList events={events} brief />
        <p>
          <a href={`/timeline${view.focal.code !== DEFAULT_FOCAL ? `?focal=${view.focal.code}` : ''}`}>All events on the timeline</a>
        </p>
      </section>
    </>
  );
}
