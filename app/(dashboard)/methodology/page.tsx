import type { Metadata } from 'next';
import { MethodologyPanel } from '@/components/dashboard/methodology';
import { Notices } from '@/components/dashboard/notices';
import { getCatalogue } from '@/lib/queries/data';
import { parseView, viewQuery, type SearchParams } from '@/lib/schemas/view';

export const metadata: Metadata = { title: 'Methodology and weights' };

export default async function MethodologyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { state, errors } = parseView(await searchParams);
  const catalogue = await getCatalogue();
  return (
    <>
      <p className="breadcrumb">
        <a href={`/${viewQuery(state)}`}>Overview</a> › Methodology
      </p>
      <h1>How the dependency score is computed</h1>
      <p className="lede">
        The formula, the inputs and their default weights. Change the weights for your own view: they go into the address of the overview,
        so a shared link shows the same scores. The stored defaults change only through an editor.
      </p>
      <Notices messages={errors} />
      <MethodologyPanel catalogue={catalogue} state={state} action="/" resetHref={`/methodology${viewQuery(state, { weights: {} })}`} open />
    </>
  );
}
