import type { OverviewEvent } from '@/lib/queries/overview';

function formatDate(date: string, precision: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  return value.toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    ...(precision === 'day' ? { day: 'numeric' } : {}),
  });
}

export function EventList({ events }: { events: OverviewEvent[] }) {
  if (events.length === 0) return <p>No events recorded.</p>;
  return (
    <ol className="events">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.date}>{formatDate(e.date, e.precision)}</time>
          {e.endDate ? <> – <time dateTime={e.endDate}>{formatDate(e.endDate, 'day')}</time></> : null} {e.title}
          <div className="meta">
            {[e.partner, e.dimension].filter(Boolean).join(' · ')} · Source:{' '}
            {e.sourceUrl ? <a href={e.sourceUrl}>{e.sourceTitle}</a> : e.sourceTitle}
          </div>
        </li>
      ))}
    </ol>
  );
}
