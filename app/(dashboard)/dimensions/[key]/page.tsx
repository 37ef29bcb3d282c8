import { BriefingButton } from '@/components/charts/briefing-button';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EventList } from '@/components/dashboard/event-list';
import { IndicatorFigure } from '@/components/dashboard/indicator-figure';
import { MethodologyPanel } from '@/components/dashboard/methodology';
import { Notices } from '@/components/dashboard/notices';
import { ScoreTable } from '@/components/dashboard/score-table';
import { QualityNote } from '@/components/dashboard/quality-note';
import { ViewFilters } from '@/components/dashboard/view-filters';
import { indicatorChart } from '@/lib/dashboard/chart-data';
import { inRange, yearlyScores, type YearScore } from '@/lib/dashboard/shape';
import { dimensionValues, valueSummary } from '@/lib/dashboard/values';
import { choosablePartners, resolveView, scoringData } from '@/lib/queries/dashboard';
import { getCatalogue, getEvents } from '@/lib/queries/data';
import { parseView, viewQuery, type SearchParams } from '@/lib/schemas/view';

type Props = { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  const dimension = (await getCatalogue()).dimensions.find((d) => d.key === key);
  return { title: dimension ? dimension.label : 'Unknown dimension' };
}

export default async function DimensionPage({ params, searchParams }: Props) {
  const { key } = await params;
  const { state, errors } = parseView(await searchParams);
  const view = await resolveView(state);
  const { catalogue, focal, partners } = view;
  const dimension = catalogue.dimensions.find((d) => d.key === key);
  if (!dimension) notFound();

  const [{ observations, catalogue: scored, index, share }, events] = await Promise.all([scoringData(view, state, dimension.key), getEvents({ reporter: view.focal.code, dimension: dimension.key })]);
  const exportView = { focal: focal.code, apiQuery: viewQuery(state).slice(1), viewPath: `/dimensions/${dimension.key}${viewQuery(state)}` };
  const partnerCodes = partners.map((p) => p.code);
  const indicators = catalogue.indicators.filter((i) => i.dimension === dimension.key);
  const charts = indicators
    .map((indicator) => indicatorChart(scored, observations, indicator, partnerCodes, focal.code, { from: state.from, to: state.to, events }))
    .filter((c) => c !== null);
  const scores = new Map<string, YearScore[]>(
    partners.map((p) => [
      p.code,
      yearlyScores(observations, scored, dimension.key, p.code, focal.code, state.weights, index).filter((s) => inRange(s.year, state.from, state.to)),
    ]),
  );
  const values = valueSummary(dimensionValues(observations, [...partnerCodes, ...view.fetchCodes], state), catalogue);
  const years = observations.map((o) => o.year);
  const yearSpan: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2024];
  const shownEvents = events.filter((e) => inRange(Number(e.date.slice(0, 4)), state.from, state.to) || (e.endDate && inRange(Number(e.endDate.slice(0, 4)), state.from, state.to)));
  const partnerList = partners.map((p) => p.name).join(', ');

  return (
    <>
      <p className="breadcrumb">
        <a href={`/${viewQuery(state)}`}>Overview</a> › {dimension.label}
      </p>
      <h1>
        {dimension.label}: {focal.name} and {partnerList}
      </h1>
      <p className="lede">{dimension.description}</p>
      <Notices messages={[...errors, ...view.notices]} />
      <ViewFilters action={`/dimensions/${dimension.key}`} state={state} partners={await choosablePartners(catalogue, focal.code, state.partners)} years={yearSpan} />
      <BriefingButton view={`dimensions/${dimension.key}`} apiQuery={viewQuery(state).slice(1)} />
      <QualityNote share={share} state={state} path={`/dimensions/${dimension.key}`} />

      <section aria-labelledby="score-heading">
        <h2 id="score-heading">Dependency score</h2>
        <ScoreTable partners={partners} scores={scores} dimensionLabel={dimension.label} />
        <MethodologyPanel catalogue={catalogue} state={state} action={`/dimensions/${dimension.key}`} resetHref={`/dimensions/${dimension.key}${viewQuery(state, { weights: {} })}`} dimension={dimension.key} />
      </section>

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">Time series</h2>
        {charts.length === 0 ? <p>No whole-year figures to draw for {partnerList} in this range; the values below include partial-year ones.</p> : null}
        <div className="chart-grid">
          {charts.map((chart) => (
            <IndicatorFigure key={chart.id} chart={chart} exportView={exportView} />
          ))}
        </div>
      </section>

      <section aria-labelledby="values-heading">
        <h2 id="values-heading">All values and their sources</h2>
        {/* The full table (hundreds of rows with excerpts) has its own page, so this one stays light. */}
        <p>
          {values.total} values for {partnerList}, group members and world totals, from {values.sources} sources: {values.partial} part-year,{' '}
          {values.alternatives} alternative figures, {values.flagged} with a flag in all.{' '}
          <a href={`/dimensions/${dimension.key}/values${viewQuery(state)}`}>
            Every {dimension.label.toLowerCase()} value with its flags, source and excerpt
          </a>
        </p>
      </section>

      <section aria-labelledby="definitions-heading">
        <h2 id="definitions-heading">Definitions and methodology</h2>
        <dl className="definitions">
          {indicators.map((i) => (
            <div key={i.slug}>
              <dt>
                {i.name} <span className="meta">({i.unit}{i.partnerSide ? ', partner-side data' : ''}{i.weight > 0 && i.valueKind !== 'STANCE' ? `, score weight ${i.weight}` : ', not scored'})</span>
              </dt>
              <dd>
                {i.definition} {i.methodology}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{dimension.label} events</h2>
        <EventList events={shownEvents} />
      </section>
    </>
  );
}
