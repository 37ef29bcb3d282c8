import type { Actor } from '@/lib/dashboard/types';
import type { ViewState } from '@/lib/schemas/view';
import { YearSelect } from '@/components/ui/year-select';
import { FocalSelect } from '@/components/ui/focal-select';
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

/** A plain GET form: the chosen view goes into the URL, so back/forward and shared links reproduce it. */
export async function ViewFilters({ action, state, partners, years, keep = {}, label = 'Filter the view' }: Props) {
  const countries = await focalCountries();
  const options: number[] = [];
  for (let y = years[0]; y <= years[1]; y++) options.push(y);
  return (
    <form className="filters" action={action} method="get" aria-label={label} autoComplete="off">
      {Object.keys(state.weights).length > 0 ? (
        <input type="hidden" name="w" value={Object.entries(state.weights).map(([k, w]) => `${k}:${w}`).join(',')} />
      ) : null}
      {state.members ? <input type="hidden" name="members" value="1" /> : null}
      {state.quality === 'official' ? <input type="hidden" name="sources" value="official" /> : null}
      {Object.entries(keep).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <div className="focal">
        <FocalSelect id="filter-focal" countries={countries} value={state.focal} />
      </div>
      {partners ? (
        <fieldset>
          <legend>Partners</legend>
          <div className="checks">
            {partners.map((p) => (
              <label key={p.code}>
                <input type="checkbox" name="partner" value={p.code} defaultChecked={state.partners.includes(p.code)} /> {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="years">
        <legend>Years</legend>
        <YearSelect id="filter-from" name="from" label="From" years={options} value={state.from} none="earliest" />
        <YearSelect id="filter-to" name="to" label="to" years={options} value={state.to} none="latest" />
      </fieldset>
      <button type="submit">Apply</button>
    </form>
  );
}
