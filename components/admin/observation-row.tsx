'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { useKeptForm } from '@/components/admin/use-kept-form';
import { initialState } from '@/lib/actions/authorized-state';
import { deleteObservationAction } from '@/lib/actions/delete-observation';
import { makePrimaryAction } from '@/lib/actions/make-primary';
import { updateObservationAction } from '@/lib/actions/update-observation';
import type { AdminObservation } from '@/lib/queries/admin';
import { STATUSES } from '@/lib/schemas/statuses';

/** One observation as a row of inline fields; the form carries the version the edit started from. */
export function ObservationRow({ row }: { row: AdminObservation }) {
  const [state, saveForm, saving] = useKeptForm(updateObservationAction);
  const [deleted, remove, removing] = useActionState(deleteObservationAction, initialState);
  const [promoted, promote, promoting] = useActionState(makePrimaryAction, initialState);
  const formId = `obs-${row.id}`;
  const label = `${row.indicatorName}, ${row.partnerName}, ${row.year}${row.periodLabel ? ` ${row.periodLabel}` : ''}${row.rank ? ` (alternative ${row.rank})` : ''}`;
  return (
    <tr>
      <th scope="row">
        {row.indicatorName} <span className="meta">({row.unit})</span>
      </th>
      <td>{row.partnerName}</td>
      <td>
        {row.year} {row.periodLabel}
        {row.rank > 0 ? <span className="meta"> alternative {row.rank}</span> : null}
      </td>
      <td>
        {row.value === null ? (
          <span>{row.stance}</span>
        ) : (
          <input form={formId} name="value" type="text" inputMode="decimal" defaultValue={row.value} aria-label={`Value: ${label}`} required />
        )}
      </td>
      <td>
        <select form={formId} name="status" defaultValue={row.status} aria-label={`Status: ${label}`}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase().replace('_', ' ')}
            </option>
          ))}
        </select>
      </td>
      <td>
        <textarea form={formId} name="note" defaultValue={row.note} rows={2} aria-label={`Note: ${label}`} />
      </td>
      <td>
        <input form={formId} name="sourceId" type="number" min={1} defaultValue={row.sourceId} list="source-list" aria-label={`Source id: ${label}`} />
        <div className="meta">{row.sourceTitle}</div>
      </td>
      <td>
        {row.value !== null ? (
          <form id={formId} {...saveForm}>
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="version" value={row.version} />
            <input name="reason" type="text" placeholder="reason (optional)" aria-label={`Reason for the change: ${label}`} />
            <button type="submit" disabled={saving} aria-label={`Save ${label}`}>
              Save
            </button>
          </form>
        ) : (
          <span className="meta">stance: edit via import</span>
        )}
        <FormMessage state={state} />
        {row.rank > 0 ? (
          <form action={promote}>
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="version" value={row.version} />
            <button type="submit" disabled={promoting} aria-label={`Make primary: ${label}`}>
              Make primary
            </button>
            <FormMessage state={promoted} />
          </form>
        ) : null}
        <details>
          <summary>Delete</summary>
          <form action={remove}>
            <input type="hidden" name="id" value={row.id} />
            <input type="hidden" name="version" value={row.version} />
            <input name="reason" type="text" required minLength={3} aria-label={`Reason for deleting: ${label}`} />
            <button type="submit" disabled={removing} aria-label={`Delete ${label}`}>
              Delete
            </button>
          </form>
          <FormMessage state={deleted} />
        </details>
        <div className="meta">
          v{row.version}
          {row.updatedBy ? ` · ${row.updatedBy}` : ''}
        </div>
      </td>
    </tr>
  );
}
