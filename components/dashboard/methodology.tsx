import type { Catalogue } from '@/lib/dashboard/types';
import { FORMULA } from '@/lib/scoring/score';
import { ALIGNMENT_FORMULA } from '@/lib/scoring/stance';
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
        the cell says so. Where inputs are missing, the score uses those it has and shows the share of weight they carry; with fewer than two
        inputs the score is marked low confidence.
      </p>
      <p>
        <strong>Arms.</strong> SIPRI trend-indicator values: imports from the partner ÷ all arms imports of the year, and exports to the
        partner ÷ all arms exports (the partner as a customer), as volumes above. SIPRI&apos;s tables list every delivery they identified, so a
        year a supplier&apos;s table leaves blank is a sourced zero, not a gap. SIPRI&apos;s five-year supplier shares are filed under the
        window&apos;s end year: they count only in that year and are always labelled as a window, never drawn as an annual point.
      </p>
      <p>
        <strong>Sanctions stance.</strong> {ALIGNMENT_FORMULA}
      </p>
      <p>
        <strong>Four states.</strong> Every cell is a score with its figure; a sourced zero (a source that lists every partner, such as a
        Statistical Review trade matrix or a SIPRI table, leaves this one out); not applicable, with the reason; or no data. Charts mark a year
        without a figure as &ldquo;no data&rdquo;, never as zero.
      </p>
      <p>
        <strong>Concepts.</strong> Each scored input below is a concept with its canonical unit (its key and unit in brackets). An import maps
        another country&apos;s own indicator names onto these concepts and converts units and currencies to the concept&apos;s, so its figures
        are scored the same way.
      </p>
      <form action={action} method="get" className="weights" autoComplete="off">
        {state.focal !== 'TUR' ? <input type="hidden" name="focal" value={state.focal} /> : null}
        <input type="hidden" name="partners" value={state.partners.join(',')} />
        {state.from !== undefined ? <input type="hidden" name="from" value={state.from} /> : null}
        {state.to !== undefined ? <input type="hidden" name="to" value={state.to} /> : null}
        {state.members ? <input type="hidden" name="members" value="1" /> : null}
        {state.quality === 'official' ? <input type="hidden" name="sources" value="official" /> : null}
        {dimensions.map((d) => {
          const indicators = catalogue.indicators.filter((i) => i.dimension === d.key && i.weight > 0 && i.valueKind !== 'STANCE');
          if (indicators.length === 0) return null;
          return (
            <fieldset key={d.key}>
              <legend>{d.label}</legend>
              {indicators.map((i) => (
                <label key={i.slug} className="weight">
                  <span>
                    {i.name}{' '}
                    <span className="meta">
                      (concept <code>{i.slug}</code> in {i.unit}; {d.key === 'sanctions' ? 'alignment 0–100' : i.valueKind === 'SHARE' ? 'share as reported' : 'volume ÷ total'}; default {i.weight})
                    </span>
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
