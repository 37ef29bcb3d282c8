import type { Metadata } from 'next';
import { z } from 'zod';
import { Notices } from '@/components/dashboard/notices';
import { DimensionSelect } from '@/components/ui/dimension-select';
import { TIER_LABEL, TIERS } from '@/lib/dashboard/format';
import { getCatalogue, getSources } from '@/lib/queries/data';
import type { SearchParams } from '@/lib/schemas/view';

export const metadata: Metadata = { title: 'Sources' };

const PAGE_SIZE = 100;

const filterSchema = z.object({
  tier: z.enum([...TIERS, 'unrated'], { message: `tier is one of ${TIERS.join(', ')} or unrated` }).optional(),
  publisher: z.string().trim().max(200, 'publisher is at most 200 characters').optional(),
  dimension: z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/, 'dimension is a key such as gas').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const parsed = filterSchema.safeParse({ tier: first(params.tier), publisher: first(params.publisher), dimension: first(params.dimension), page: first(params.page) });
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  const filter = parsed.success ? parsed.data : { page: 1 };
  const [catalogue, { sources, publishers }] = await Promise.all([getCatalogue(), getSources(filter)]);
  const pages = Math.max(1, Math.ceil(sources.length / PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const shown = sources.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const values = sources.reduce((n, s) => n + s.values, 0);
  const officialValues = sources.filter((s) => s.tier === 'OFFICIAL' || s.tier === 'INTL_ORG').reduce((n, s) => n + s.values, 0);
  const query = (overrides: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ tier: filter.tier, publisher: filter.publisher, dimension: filter.dimension, ...overrides })) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : '';
  };

  return (
    <>
      <h1>Sources</h1>
      <p className="lede">
        Every source behind the atlas, with its publisher and quality tier, and how many values and events it supports. Tiers: official (a
        government body on its own site), international organisation (data owned by one), major media, other.
      </p>
      <Notices messages={errors} />
      <form className="filters" action="/sources" method="get" aria-label="Filter the sources" autoComplete="off">
        <label>
          Tier{' '}
          <select name="tier" defaultValue={filter.tier ?? ''}>
            <option value="">all</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABEL[t]}
              </option>
            ))}
            <option value="unrated">not rated</option>
          </select>
        </label>
        <label>
          Publisher{' '}
          <input name="publisher" list="publishers" defaultValue={filter.publisher ?? ''} maxLength={200} />
          <datalist id="publishers">
            {publishers.slice(0, 500).map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <DimensionSelect dimensions={catalogue.dimensions} value={filter.dimension} />
        <button type="submit">Show</button>
      </form>
      <p role="status">
        {sources.length} source{sources.length === 1 ? '' : 's'} supporting {values} value{values === 1 ? '' : 's'};{' '}
        {values ? Math.round((100 * officialValues) / values) : 0}% of those values from official or international-organisation sources.
      </p>
      <div className="table-wrap">
        <table>
          <caption>Sources{pages > 1 ? `, page ${page} of ${pages}` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Publisher</th>
              <th scope="col">Tier</th>
              <th scope="col">Dimensions</th>
              <th scope="col" className="num">
                Values
              </th>
              <th scope="col" className="num">
                Events
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id}>
                <td>{s.url ? <a href={s.url} rel="noopener noreferrer">{s.title}</a> : <cite>{s.title}</cite>}</td>
                <td>{s.publisher || '–'}</td>
                <td>{s.tier ? TIER_LABEL[s.tier] : 'not rated'}</td>
                <td>{s.dimensions.join(', ') || '–'}</td>
                <td className="num">{s.values}</td>
                <td className="num">{s.events}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Pages of sources" className="pager">
          {page > 1 ? <a href={`/sources${query({ page: page - 1 })}`}>Previous page</a> : null} Page {page} of {pages}{' '}
          {page < pages ? <a href={`/sources${query({ page: page + 1 })}`}>Next page</a> : null}
        </nav>
      ) : null}
    </>
  );
}
