import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Dependency Atlas', template: '%s · Dependency Atlas' },
  description: 'How dependent one country is on its partners, with sources for every figure.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="inner">
            <Link className="brand" href="/">
              Dependency Atlas
            </Link>
            <nav aria-label="Main">
              <ul>
                <li>
                  <Link href="/">Overview</Link>
                </li>
                <li>
                  <Link href="/compare">Compare</Link>
                </li>
                <li>
                  <Link href="/timeline">Timeline</Link>
                </li>
              </ul>
            </nav>
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
