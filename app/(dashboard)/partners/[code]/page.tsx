import { BriefingButton } from '@/components/charts/briefing-button';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EventList } from '@/components/dashboard/event-list';
import { IndicatorFigure } from '@/components/dashboard/indicator-figure';
import { Notices } from '@/components/dashboard/notices';
import { QualityNote } from '@/components/dashboard/quality-note';
import { ViewFilters } from '@/components/dashboard/view-filters';
import { indicatorChart, panelIndicator } from '@/lib/dashboard/chart-data';
import { formatNumber, STANCE_LABEL } from '@/lib/dashboard/format';
import { matrixCell } from '@/lib/dashboard/shape';
import { resolveView, scoringData } from '@/lib/queries/dashboard';
import { getCatalogue, getEvents } from '@/lib/queries/data';
import { parseView, viewQuery, type SearchParams } from '@/lib/schemas/view';
import { scoreBand } from '@/lib/scoring/score';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const actor = (await getCatalogue()).actors.find((a) => a.code === code.toUpperCase());
  return { title: actor ? actor.name : 'Unknown partner' };
}

export default async function PartnerPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { state, errors } = parseView(await searchParams);
  const catalogue = await getCatalogue();
  const partner = catalogue.actors.find((a) => a.code === code.toUpperCase() && a.kind !== 'AGGREGATE');
  if (!partner || partner.code === state.focal) notFound();
  const view = await resolveView({ ...state, partners: [partner.code] });
  const { focal } = view;
  const [{ observations, catalogue: scoredCatalogue, index, share }, events, dimensionEvents] = await Promise.all([
    scoringData(view, state),
    getEvents({ reporter: focal.code, partners: [partner.code], from: state.from, to: state.to }),
    getEvents({ reporter: focal.code }),
  ]);
  // Each small multiple is the dimension page's chart for this one partner: same data, same export.
  const chartState = { ...state, partners: [partner.code] };
  const years = observations.map((o) => o.year);
  const yearSpan: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2024];

  const panels = catalogue.dimensions.map((d) => {
    const cell = matrixCell(observations, scoredCatalogue, d.key, partner.code, focal.code, { weights: state.weights, from: state.from, to: state.to, index });
    const indicator = panelIndicator(catalogue, d.key, cell.headline?.indicator);
    const chart = indicator
      ? indicatorChart(scoredCatalogue, observations, indicator, [partner.code], focal.code, {
          from: state.from,
          to: state.to,
          events: dimensionEvents.filter((e) => e.dimension === d.key),
        })
      : null;
    const exportView = { focal: focal.code, apiQuery: viewQuery(chartState).slice(1), viewPath: `/dimensions/${d.key}${viewQuery(chartState)}` };
    return { dimension: d, cell, chart, exportView };
  });

  return (
    <>
      <p className="breadcrumb">
        <a href={`/${viewQuery(state)}`}>Overview</a> › {partner.name}
      </p>
      <h1>
        {focal.name} and {partner.name}
      </h1>
      <p className="lede">
        The relationship across every dimension{partner.kind === 'GROUP' ? ' (a group: figures are its own where reported, else the sum of its members)' : ''}.
      </p>
      <Notices messages={[...errors, ...view.notices]} />
      <ViewFilters action={`/partners/${partner.code}`} state={state} years={yearSpan} keep={{ partners: state.partners.join(',') }} />
      <BriefingButton view={`partners/${partner.code}`} apiQuery={viewQuery(state).slice(1)} />
      <QualityNote share={share} state={state} path={`/partners/${partner.code}`} />

      <section aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">By dimension</h2>
        <div className="small-multiples">
          {panels.map(({ dimension, cell, chart, exportView }) => (
            <article key={dimension.key} className="panel" aria-labelledby={`panel-${dimension.key}`}>
              <h3 id={`panel-${dimension.key}`}>
                <a href={`/dimensions/${dimension.key}${viewQuery(state, { partners: [partner.code] })}`}>{dimension.label}</a>
              </h3>
              {cell.state === 'score' && cell.latest?.score != null ? (
                <p data-state="score">
                  <span className="swatch" style={{ background: scoreBand(cell.latest.score).colour }} aria-hidden="true" /> Score{' '}
                  <strong>{formatNumber(cell.latest.score)}</strong> in {cell.latest.year}
                  {cell.latest.lowConfidence ? ' (low confidence: fewer than two inputs)' : ''}
                </p>
              ) : cell.state === 'zero' ? (
                <p data-state="zero">
                  <strong>0 · sourced zero</strong> ({cell.zero?.listing.year ?? cell.latest?.year}): {cell.zero?.indicator.name ?? cell.headline?.indicator.name}
                </p>
              ) : cell.state === 'na' ? (
                <p data-state="na">
                  <strong>Not applicable.</strong> {cell.reason}
                </p>
              ) : cell.stance?.stance ? (
                <p>
                  {STANCE_LABEL[cell.stance.stance] ?? cell.stance.stance} ({cell.stance.year})
                </p>
              ) : (
                <p data-state="none">No data: no whole-year scored figure.</p>
              )}
              {chart ? <IndicatorFigure chart={chart} compact exportView={exportView} /> : null}
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <EventList events={events} empty={`No events recorded for ${partner.name} in this range.`} />
      </section>
    </>
  );
}
