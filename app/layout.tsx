// Plain <a> links throughout: every view is rendered on the server from its URL (forms are GET), so full page loads
// keep shared links and back/forward exact, and skip next/link's client component and RSC prefetches.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { currentUser } from '@/lib/auth/session';
import { signOutAction } from '@/lib/actions/sign-out';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Dependency Atlas', template: '%s · Dependency Atlas' },
  description: 'How dependent one country is on its partners, with sources for every figure.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser().catch(() => null);
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="inner">
            <a className="brand" href="/">
              Dependency Atlas
            </a>
            <nav aria-label="Main">
              <ul>
                <li>
                  <a href="/">Overview</a>
                </li>
                <li>
                  <a href="/compare">Compare</a>
                </li>
                <li>
                  <a href="/timeline">Timeline</a>
                </li>
                <li>
                  <a href="/sources">Sources</a>
                </li>
              </ul>
            </nav>
            <div className="account">
              {user ? (
                <>
                  <span className="meta">
                    {user.email} ({user.role.toLowerCase()})
                  </span>
                  {user.role !== 'VIEWER' ? <a href="/admin">Admin</a> : null}
                  <form action={signOutAction}>
                    <button type="submit" className="link-button">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <a href="/login">Sign in</a>
              )}
            </div>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="inner">Every figure links to its source. Data: curated research notes and editors&apos; entries.</div>
        </footer>
      </body>
    </html>
  );
}
