import type { Actor } from '@/lib/dashboard/types';
import type { ViewState } from '@/lib/schemas/view';
import { viewFiltersInnerHtml } from '@/lib/dashboard/form-markup';
import { focalCountries } from '@/lib/queries/data';

type Props = {
  action: string;
  state: ViewState;
  partners?: Actor[];
  years: [number, number];
  /** Fields other than years and partners that the form must carry along */
  keep?: Record<string, string | undefined>;
  label?: string;
};

/**
 * A plain GET form: the chosen view goes into the URL, so back/forward and shared links reproduce it. Its fields are
 * markup (lib/dashboard/form-markup.ts): nothing in it needs React on the client, so nothing is hydrated.
 */
export async function ViewFilters({ action, state, partners, years, keep = {}, label = 'Filter the view' }: Props) {
  const countries = await focalCountries();
  const options: number[] = [];
  for (let y = years[0]; y <= years[1]; y++) options.push(y);
  const hidden: [string, string][] = [];
  if (Object.keys(state.weights).length > 0) hidden.push(['w', Object.entries(state.weights).map(([k, w]) => `${k}:${w}`).join(',')]);
  if (state.members) hidden.push(['members', '1']);
  if (state.quality === 'official') hidden.push(['sources', 'official']);
  for (const [name, value] of Object.entries(keep)) if (value !== undefined) hidden.push([name, value]);
  const html = viewFiltersInnerHtml({ hidden, countries, focal: state.focal, partners, chosen: state.partners, years: options, from: state.from, to: state.to });
  return <form className="filters" action={action} method="get" aria-label={label} autoComplete="off" dangerouslySetInnerHTML={{ __html: html }} />;
}
