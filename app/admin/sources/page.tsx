import type { Metadata } from 'next';
import { param } from '@/lib/schemas/text';
import { AddSourceForm, SourceEditor } from '@/components/admin/source-forms';
import { ADMIN_PAGE_SIZE, adminSources } from '@/lib/queries/admin';
import { requirePageRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sources · Admin' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole('EDITOR', '/admin/sources');
  const params = await searchParams;
  const q = param(params.q) ?? '';
  const { rows, total } = await adminSources({ q });
  return (
    <>
      <h1>Sources</h1>
      <p className="lede">Every figure and event cites one source: a document, its address and the passage that supports the figure. A cited source cannot be deleted.</p>
      <form className="filters" method="get" action="/admin/sources" aria-label="Search sources" autoComplete="off">
        <label>
          Search <input name="q" type="search" defaultValue={q} placeholder="title, publisher, address or excerpt" />
        </label>
        <button type="submit">Search</button>
      </form>
      <AddSourceForm />
      <p role="status">{total > rows.length ? `Showing the newest ${ADMIN_PAGE_SIZE} of ${total} sources: search to narrow.` : `${total} sources.`}</p>
      {rows.map((s) => (
        <SourceEditor key={s.id} source={s} />
      ))}
    </>
  );
}
