import type { Metadata } from 'next';
import { EventList } from '@/components/dashboard/event-list';
import { YearSelect } from '@/components/ui/year-select';
import { Notices } from '@/components/dashboard/notices';
import { DimensionSelect } from '@/components/ui/dimension-select';
import { FocalSelect } from '@/components/ui/focal-select';
import { focalCountries, getCatalogue, getEvents } from '@/lib/queries/data';
import { DEFAULT_FOCAL, MAX_YEAR, MIN_YEAR, type SearchParams } from '@/lib/schemas/view';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Timeline' };

const filterSchema = z.object({
  focal: z.string().regex(/^[A-Z]{3}$/).default(DEFAULT_FOCAL),
  partner: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/).optional(),
  dimension: z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/).optional(),
  from: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
  to: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
});

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const parsed = filterSchema.safeParse({
    focal: first(params.focal)?.toUpperCase(),
    partner: first(params.partner)?.toUpperCase(),
    dimension: first(params.dimension),
    from: first(params.from),
    to: first(params.to),
  });
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  const filter = parsed.success ? parsed.data : { focal: DEFAULT_FOCAL };
  const [catalogue, countries] = await Promise.all([getCatalogue(), focalCountries()]);
  const focal = catalogue.actors.find((a) => a.code === filter.focal && a.kind === 'COUNTRY');
  if (!focal) errors.push(`No focal country with code ${filter.focal}: showing ${DEFAULT_FOCAL}.`);
  const reporter = focal?.code ?? DEFAULT_FOCAL;
  const [events, all] = await Promise.all([
    getEvents({ reporter, partners: filter.partner ? [filter.partner] : undefined, dimension: filter.dimension, from: filter.from, to: filter.to }),
    getEvents({ reporter }),
  ]);
  const partnersWithEvents = catalogue.actors.filter((a) => all.some((e) => e.partner === a.code));
  const years = all.map((e) => Number(e.date.slice(0, 4)));
  const yearOptions: number[] = [];
  for (let y = Math.min(...years, 2015); y <= Math.max(...years, 2024); y++) yearOptions.push(y);

  return (
    <>
      <h1>Timeline of events: {focal?.name ?? reporter}</h1>
      <p className="lede">Dated, sourced events that shaped {focal?.name ?? reporter}&apos;s dependencies, newest first. Ranges (such as the grain deal) show their end date.</p>
      <Notices messages={errors} />
      <form className="filters" action="/timeline" method="get" aria-label="Filter the events" autoComplete="off">
        <FocalSelect id="timeline-focal" countries={countries} value={reporter} />{' '}
        <label>
          Partner{' '}
          <select name="partner" defaultValue={filter.partner ?? ''}>
            <option value="">all</option>
            {partnersWithEvents.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <DimensionSelect dimensions={catalogue.dimensions} value={filter.dimension} />{' '}
        <YearSelect id="timeline-from" name="from" label="From" years={yearOptions} value={filter.from} none="earliest" />
        <YearSelect id="timeline-to" name="to" label="to" years={yearOptions} value={filter.to} none="latest" />
        <button type="submit">Apply</button>
      </form>
      <p role="status">
        {events.length} of {all.length} events
      </p>
      <EventList events={events} />
    </>
  );
}
