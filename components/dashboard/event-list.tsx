import { formatDate } from '@/lib/dashboard/format';
import type { EventRow } from '@/lib/dashboard/types';
import { SourceLink } from './source-link';

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
  return (
    <ol className="events">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.date}>{formatDate(e.date, e.precision)}</time>
          {e.endDate ? (
            <>
              {' – '}
              <time dateTime={e.endDate}>{formatDate(e.endDate)}</time>
            </>
          ) : null}{' '}
          <span className="event-title">{e.title}</span>
          {e.description && !brief ? <p className="event-description">{e.description}</p> : null}
          <div className="meta">
            {[e.partnerName, e.dimensionLabel].filter(Boolean).join(' · ')}
            {e.partnerName || e.dimensionLabel ? ' · ' : ''}Source: <SourceLink source={e.source} />
          </div>
        </li>
      ))}
    </ol>
  );
}
