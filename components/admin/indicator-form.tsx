'use client';

import { FormMessage } from '@/components/admin/form-message';
import { useKeptForm } from '@/components/admin/use-kept-form';
import { createIndicatorAction, updateIndicatorAction } from '@/lib/actions/update-indicator';

export type IndicatorFields = {
  slug: string;
  dimension: string;
  name: string;
  unit: string;
  definition: string;
  methodology: string;
  higherIsMoreDependent: boolean;
  weight: number;
  published: boolean;
};

export function IndicatorForm({ indicator }: { indicator: IndicatorFields }) {
  const [state, actionForm, pending] = useKeptForm(updateIndicatorAction);
  return (
    <details className="methodology">
      <summary>
        {indicator.name} <span className="meta">({indicator.dimension}, {indicator.unit}, weight {indicator.weight}{indicator.published ? '' : ', unpublished'})</span>
      </summary>
      <form {...actionForm} className="stack" aria-label={`Edit ${indicator.name}`}>
        <input type="hidden" name="slug" value={indicator.slug} />
        <label>
          Name <input name="name" defaultValue={indicator.name} required />
        </label>
        <label>
          Unit <input name="unit" defaultValue={indicator.unit} required />
        </label>
        <label>
          Definition <textarea name="definition" defaultValue={indicator.definition} rows={2} />
        </label>
        <label>
          Methodology <textarea name="methodology" defaultValue={indicator.methodology} rows={2} />
        </label>
        <label>
          Direction{' '}
          <select name="direction" defaultValue={indicator.higherIsMoreDependent ? 'more' : 'less'}>
            <option value="more">higher means more dependent</option>
            <option value="less">higher means less dependent</option>
          </select>
        </label>
        <label>
          Default weight in the score <input name="weight" type="number" min={0} max={100} step={0.5} defaultValue={indicator.weight} />
        </label>
        <label>
          <input name="published" type="checkbox" value="on" defaultChecked={indicator.published} /> Published
        </label>
        <button type="submit" disabled={pending}>
          Save indicator
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

/** A new indicator in one of the dimensions; its key is made from the name. Unpublished until ticked. */
export function AddIndicatorForm({ dimensions }: { dimensions: { key: string; label: string }[] }) {
  const [state, actionForm, pending] = useKeptForm(createIndicatorAction, { resetOnSuccess: true });
  return (
    <details className="methodology">
      <summary>Add an indicator</summary>
      <form {...actionForm} className="stack" aria-label="Add an indicator">
        <label>
          Dimension{' '}
          <select name="dimension" required defaultValue="">
            <option value="" disabled>
              choose
            </option>
            {dimensions.map((d) => (
              <option key={d.key} value={d.key}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name <input name="name" required minLength={2} maxLength={200} />
        </label>
        <label>
          Unit <input name="unit" required maxLength={60} placeholder="e.g. bcm, %, USD bn" />
        </label>
        <label>
          Kind{' '}
          <select name="kind" defaultValue="NUMBER">
            <option value="NUMBER">a volume (scored as a share of the WORLD total)</option>
            <option value="SHARE">a share in percent (scored as reported)</option>
          </select>
        </label>
        <label>
          Definition <textarea name="definition" rows={2} required minLength={5} />
        </label>
        <label>
          Methodology <textarea name="methodology" rows={2} />
        </label>
        <label>
          Direction{' '}
          <select name="direction" defaultValue="more">
            <option value="more">higher means more dependent</option>
            <option value="less">higher means less dependent</option>
          </select>
        </label>
        <label>
          Default weight in the score <input name="weight" type="number" min={0} max={100} step={0.5} defaultValue={0} />
        </label>
        <label>
          <input name="published" type="checkbox" value="on" /> Published
        </label>
        <button type="submit" disabled={pending}>
          Add indicator
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
