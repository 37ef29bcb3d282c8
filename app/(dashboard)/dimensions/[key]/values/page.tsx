import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Notices } from '@/components/dashboard/notices';
import { ObservationTable } from '@/components/dashboard/observation-table';
import { ViewFilters } from '@/components/dashboard/view-filters';
import { dimensionValues } from '@/lib/dashboard/values';
import { choosablePartners, resolveView, scoringData } from '@/lib/queries/dashboard';
import { getCatalogue } from '@/lib/queries/data';
import { parseView, viewQuery, type SearchParams } from '@/lib/schemas/view';

type Props = { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  const dimension = (await getCatalogue()).dimensions.find((d) => d.key === key);
  return { title: dimension ? `${dimension.label}: every value` : 'Unknown dimension' };
}

/** Every value behind a dimension view, with its flags, source and excerpt: the evidence table, on its own page. */
export default async function DimensionValuesPage({ params, searchParams }: Props) {
  const { key } = await params;
  const { state, errors } = parseView(await searchParams);
  const view = await resolveView(state);
  const { catalogue, focal, partners } = view;
  const dimension = catalogue.dimensions.find((d) => d.key === key);
  if (!dimension) notFound();
  const { observations } = await scoringData(view, state, dimension.key);
  const rows = dimensionValues(observations, [...partners.map((p) => p.code), ...view.fetchCodes], state);
  const years = observations.map((o) => o.year);
  const yearSpan: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2024];
  const partnerList = partners.map((p) => p.name).join(', ');
  return (
    <>
      <p className="breadcrumb">
        <a href={`/${viewQuery(state)}`}>Overview</a> › <a href={`/dimensions/${dimension.key}${viewQuery(state)}`}>{dimension.label}</a> › Every value
      </p>
      <h1>
        {dimension.label}: every value for {focal.name} and {partnerList}
      </h1>
      <p className="lede">
        Each figure with its period, flags (partial year, estimate, alternative, partner-side data, conversion) and the source with the passage it
        comes from. Group members and world totals are included; only whole-year primary figures are drawn in the charts.
      </p>
      <Notices messages={[...errors, ...view.notices]} />
      <ViewFilters action={`/dimensions/${dimension.key}/values`} state={state} partners={await choosablePartners(catalogue, focal.code, state.partners)} years={yearSpan} />
      <ObservationTable observations={rows} catalogue={catalogue} caption={`${dimension.label}: every value for ${partnerList}, group members and world totals`} />
    </>
  );
}
