'use client';

import { FormMessage } from '@/components/admin/form-message';
import { useKeptForm } from '@/components/admin/use-kept-form';
import { createObservationAction } from '@/lib/actions/create-observation';
import { STATUSES } from '@/lib/schemas/statuses';

type Choices = { indicators: { slug: string; name: string }[]; actors: { code: string; name: string }[] };

/** A new figure with its source; where the key has a figure already, it is added as an alternative. */
export function AddObservationForm({ choices, focal }: { choices: Choices; focal: string }) {
  const [state, actionForm, pending] = useKeptForm(createObservationAction, { resetOnSuccess: true });
  return (
    <details className="methodology">
      <summary>Add a value</summary>
      <form {...actionForm} className="filters" aria-label="Add a value">
        <label>
          Indicator{' '}
          <select name="indicator" required defaultValue="">
            <option value="" disabled>
              choose
            </option>
            {choices.indicators.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reporter{' '}
          <select name="reporter" defaultValue={focal}>
            {choices.actors.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Partner{' '}
          <select name="partner" required defaultValue="">
            <option value="" disabled>
              choose
            </option>
            {choices.actors.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year <input name="year" type="number" min={1900} max={2100} required />
        </label>
        <label>
          Part of year <input name="periodLabel" type="text" placeholder="e.g. Jan–Jun (empty: whole year)" />
        </label>
        <label>
          Value <input name="value" type="text" inputMode="decimal" required />
        </label>
        <label>
          Status{' '}
          <select name="status" defaultValue="REPORTED">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase().replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source id <input name="sourceId" type="number" min={1} list="source-list" required />
        </label>
        <label>
          Note <input name="note" type="text" />
        </label>
        <button type="submit" disabled={pending}>
          Add value
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
