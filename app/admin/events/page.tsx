import type { Metadata } from 'next';
import { AddEventForm, EventEditor, SOURCE_LIST } from '@/components/admin/event-forms';
import { adminEvents, eventChoices } from '@/lib/queries/admin';
import { requirePageRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Events · Admin' };

export default async function EventsPage() {
  await requirePageRole('EDITOR', '/admin/events');
  const [events, { sources, ...choices }] = await Promise.all([adminEvents(), eventChoices()]);
  return (
    <>
      <h1>Events</h1>
      <p className="lede">Dated events drawn on the timeline and the charts: a day or a range, known to the day or only to the month, tied to a partner and a dimension where they concern one, each with its source.</p>
      <datalist id={SOURCE_LIST}>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title.length > 90 ? `${s.title.slice(0, 88)}…` : s.title}
          </option>
        ))}
      </datalist>
      <AddEventForm choices={choices} />
      <p role="status">{events.length} events, newest first.</p>
      {events.map((e) => (
        <EventEditor key={e.id} event={e} choices={choices} />
      ))}
    </>
  );
}
