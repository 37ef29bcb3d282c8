import type { Metadata } from 'next';
import { param } from '@/lib/schemas/text';
import { RevertButton } from '@/components/admin/revert-button';
import { auditEntries, type AuditEntry } from '@/lib/queries/admin';
import { requirePageRole } from '@/lib/auth/session';
import { isDay } from '@/lib/schemas/dates';

export const metadata: Metadata = { title: 'Audit log · Admin' };

const first = (v: string | string[] | undefined) => param(v);
const show = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const SKIP = new Set(['version', 'updatedAt', 'updatedById']);

/** Only what changed, old struck through and new marked, so a reviewer reads the edit rather than two dumps. */
function Diff({ entry }: { entry: AuditEntry }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].filter((k) => !SKIP.has(k));
  const changed = keys.filter((k) => show(entry.before?.[k]) !== show(entry.after?.[k]));
  if (!entry.after) return <span>deleted: {keys.map((k) => `${k} ${show(entry.before?.[k])}`).join(', ')}</span>;
  if (!entry.before) return <span>created: {keys.map((k) => `${k} ${show(entry.after?.[k])}`).join(', ')}</span>;
  return (
    <ul className="diff">
      {changed.map((k) => (
        <li key={k}>
          {k}: <del>{show(entry.before?.[k])}</del> → <ins>{show(entry.after?.[k])}</ins>
        </li>
      ))}
    </ul>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageRole('EDITOR', '/admin/audit');
  const params = await searchParams;
  // A date that is not a real day (2024-13-45) is named next to its field and left out of the filter.
  const dateErrors: Record<'from' | 'to', string | undefined> = { from: undefined, to: undefined };
  const day = (key: 'from' | 'to') => {
    const v = first(params[key]);
    if (!v) return undefined;
    if (isDay(v)) return v;
    dateErrors[key] = `“${v.slice(0, 40)}” is not a date: use YYYY-MM-DD`;
    return undefined;
  };
  const filter = { user: first(params.user)?.toLowerCase(), entity: first(params.entity), from: day('from'), to: day('to') };
  const entries = await auditEntries(filter);
  const entities = ['observation', ...(viewer.role === 'ADMIN' ? ['user'] : []), 'source', 'event', 'indicator', 'import'];
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" method="get" action="/admin/audit" aria-label="Filter the audit log" autoComplete="off">
        <label>
          User email <input name="user" type="email" defaultValue={filter.user} />
        </label>
        <label>
          Entity{' '}
          <select name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">all</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input name="from" type="date" defaultValue={filter.from} aria-invalid={dateErrors.from ? true : undefined} aria-describedby={dateErrors.from ? 'from-error' : undefined} />
          {dateErrors.from ? <span id="from-error" className="field-error">{dateErrors.from}</span> : null}
        </label>
        <label>
          to <input name="to" type="date" defaultValue={filter.to} aria-invalid={dateErrors.to ? true : undefined} aria-describedby={dateErrors.to ? 'to-error' : undefined} />
          {dateErrors.to ? <span id="to-error" className="field-error">{dateErrors.to}</span> : null}
        </label>
        <button type="submit">Filter</button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>Every write, newest first (200 at most per view)</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
              <th scope="col">Revert</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.user ?? 'system'}</td>
                <th scope="row">
                  {e.action} {e.entity} #{e.entityId}
                </th>
                <td>
                  <Diff entry={e} />
                </td>
                <td>{e.reason}</td>
                <td>
                  {e.entity === 'observation' && e.before && e.after ? <RevertButton auditId={e.id} label={`Revert ${e.entity} #${e.entityId} to before entry ${e.id}`} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
