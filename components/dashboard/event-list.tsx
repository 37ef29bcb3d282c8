import { eventItemsHtml } from '@/lib/dashboard/static-markup';
import type { EventRow } from '@/lib/dashboard/types';

/** Events in date order. The items are markup (lib/dashboard/static-markup.ts): text React need not ship nor hydrate. */
export function EventList({
  events,
  empty = 'No events recorded for this selection.',
  brief = false,
}: {
  events: EventRow[];
  empty?: string;
  /** Titles and sources only (the overview); the timeline shows the descriptions. */
  brief?: boolean;
}) {
  if (events.length === 0) return <p>{empty}</p>;
  return <ol className="events" dangerouslySetInnerHTML={{ __html: eventItemsHtml(events, brief) }} />;
}
