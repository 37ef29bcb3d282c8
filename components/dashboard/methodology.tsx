import type { Catalogue } from '@/lib/dashboard/types';
import { FORMULA } from '@/lib/scoring/score';
import type { ViewState } from '@/lib/schemas/view';

/** The formula and the weights, which a viewer may change for their own view (kept in the URL). */
export function MethodologyPanel({
  catalogue,
  state,
  action,
  resetHref,
  dimension,
  open = false,
}: {
  catalogue: Catalogue;
  state: ViewState;
  action: string;
  resetHref: string;
  dimension?: string;
  open?: boolean;
}) {
  const dimensions = catalogue.dimensions.filter((d) => !dimension || d.key === dimension);
  return (
    <details className="methodology" open={open}>
      <summary>How the dependency score is computed, and its weights</summary>
      <p>
        <strong>Formula.</strong> {FORMULA} Only whole-year primary figures count: partial-year, approximate and lower-bound figures and
        alternatives never do. A group without a figure of its own (NATO) takes the sum of its members that year, without the focal country;
        the cell says so. Where inputs are missing, the score uses those it has and shows the share of weight they carry.
      </p>
      <form action={action} method="get" className="weights" autoComplete="off">
        {state.focal !== 'TUR' ? <input type="hidden" name="focal" value={state.focal} /> : null}
        <input type="hidden" name="partners" value={state.partners.join(',')} />
        {state.from !== undefined ? <input type="hidden" name="from" value={state.from} /> : null}
        {state.to !== undefined ? <input type="hidden" name="to" value={state.to} /> : null}
        {state.members ? <input type="hidden" name="members" value="1" /> : null}
        {dimensions.map((d) => {
          const indicators = catalogue.indicators.filter((i) => i.dimension === d.key && i.weight > 0 && i.valueKind !== 'STANCE');
          if (indicators.length === 0) return null;
          return (
            <fieldset key={d.key}>
              <legend>{d.label}</legend>
              {indicators.map((i) => (
                <label key={i.slug} className="weight">
                  <span>
                    {i.name} <span className="meta">({i.valueKind === 'SHARE' ? 'share as reported' : 'volume ÷ total'}; default {i.weight})</span>
                  </span>
                  <input type="number" name={`w.${i.slug}`} min={0} max={100} step={0.5} defaultValue={state.weights[i.slug] ?? i.weight} />
                </label>
              ))}
            </fieldset>
          );
        })}
        <button type="submit">Apply weights</button> <a href={resetHref}>Reset to default weights</a>
      </form>
    </details>
  );
}
