import type { ReactNode } from 'react';
import { requirePageRole } from '@/lib/auth/session';

/** Every admin page: editors and admins only (each action checks the role again on its own). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole('EDITOR', '/admin');
  return (
    <>
      <nav className="admin-nav" aria-label="Admin">
        <ul>
          <li>
            <a href="/admin/observations">Observations</a>
          </li>
          <li>
            <a href="/admin/indicators">Indicators</a>
          </li>
          <li>
            <a href="/admin/sources">Sources</a>
          </li>
          <li>
            <a href="/admin/events">Events</a>
          </li>
          <li>
            <a href="/admin/import">Import</a>
          </li>
          <li>
            <a href="/admin/audit">Audit log</a>
          </li>
          {user.role === 'ADMIN' ? (
            <li>
              <a href="/admin/users">Users</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <p className="meta">
        Signed in as {user.email} ({user.role.toLowerCase()}).
      </p>
      {children}
    </>
  );
}
