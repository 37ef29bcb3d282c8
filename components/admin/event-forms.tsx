'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { useKeptForm } from '@/components/admin/use-kept-form';
import { initialState } from '@/lib/actions/authorized-state';
import { createEventAction, deleteEventAction, updateEventAction } from '@/lib/actions/manage-events';
import type { AdminEvent } from '@/lib/queries/admin';

/** What the forms pick from. Sources are many (hundreds): they are one shared list on the page, `SOURCE_LIST`. */
export type EventChoices = {
  actors: { code: string; name: string; kind: string }[];
  dimensions: { key: string; label: string }[];
};

/** Id of the page's one <datalist> of sources, which every event form's source field suggests from. */
export const SOURCE_LIST = 'event-source-list';

/** Inline editors name each field after their record; the add form's visible labels suffice. */
const named = (field: string, label: string) => (label ? { 'aria-label': `${field}${label}` } : {});

function Fields({ event, choices, label }: { event?: AdminEvent; choices: EventChoices; label: string }) {
  return (
    <>
      <label>
        Starts on <input name="startsOn" type="date" defaultValue={event?.startsOn} required {...named('Starts on', label)} />
      </label>
      <label>
        Ends on (for a range) <input name="endsOn" type="date" defaultValue={event?.endsOn} {...named('Ends on', label)} />
      </label>
      <label>
        Date known to the{' '}
        <select name="precision" defaultValue={event?.precision ?? 'day'} {...named('Date precision', label)}>
          <option value="day">day</option>
          <option value="month">month only</option>
        </select>
      </label>
      <label>
        Title <input name="title" defaultValue={event?.title} required minLength={3} maxLength={300} {...named('Title', label)} />
      </label>
      <label>
        Description <textarea name="description" defaultValue={event?.description} rows={2} maxLength={4000} {...named('Description', label)} />
      </label>
      <label>
        Focal country{' '}
        <select name="reporter" defaultValue={event?.reporter ?? 'TUR'} {...named('Focal country', label)}>
          {choices.actors
            .filter((a) => a.kind === 'COUNTRY')
            .map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        Partner{' '}
        <select name="partner" defaultValue={event?.partner ?? ''} {...named('Partner', label)}>
          <option value="">none (general)</option>
          {choices.actors.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Dimension{' '}
        <select name="dimension" defaultValue={event?.dimension ?? ''} {...named('Dimension', label)}>
          <option value="">none (general)</option>
          {choices.dimensions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source id{' '}
        <input name="sourceId" type="number" min={1} step={1} list={SOURCE_LIST} defaultValue={event?.sourceId} required {...named('Source id', label)} />
      </label>
    </>
  );
}

export function AddEventForm({ choices }: { choices: EventChoices }) {
  const [state, actionForm, pending] = useKeptForm(createEventAction, { resetOnSuccess: true });
  return (
    <details className="methodology">
      <summary>Add an event</summary>
      <form {...actionForm} className="stack" aria-label="Add an event">
        <Fields choices={choices} label="" />
        <button type="submit" disabled={pending}>
          Add event
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

export function EventEditor({ event, choices }: { event: AdminEvent; choices: EventChoices }) {
  const [state, saveForm, saving] = useKeptForm(updateEventAction);
  const [deleted, remove, removing] = useActionState(deleteEventAction, initialState);
  const label = ` of event #${event.id}`;
  const when = event.precision === 'month' ? event.startsOn.slice(0, 7) : event.startsOn;
  return (
    <details className="methodology">
      <summary>
        {when}
        {event.endsOn ? ` – ${event.endsOn}` : ''} {event.title}{' '}
        <span className="meta">
          ({event.reporter}–{event.partner || 'general'}, {event.dimension || 'all dimensions'}; source #{event.sourceId})
        </span>
      </summary>
      <form {...saveForm} className="stack" aria-label={`Edit event #${event.id}`}>
        <input type="hidden" name="id" value={event.id} />
        <input type="hidden" name="version" value={event.version} />
        <Fields event={event} choices={choices} label={label} />
        <button type="submit" disabled={saving}>
          Save event
        </button>
        <FormMessage state={state} />
      </form>
      <form action={remove} className="filters" aria-label={`Delete event #${event.id}`}>
        <input type="hidden" name="id" value={event.id} />
        <input type="hidden" name="version" value={event.version} />
        <label>
          Reason <input name="reason" required minLength={3} aria-label={`Reason to delete event #${event.id}`} />
        </label>
        <button type="submit" disabled={removing}>
          Delete event
        </button>
        <FormMessage state={deleted} />
      </form>
    </details>
  );
}
