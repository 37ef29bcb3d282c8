'use client';

import { useState, type ReactNode } from 'react';

/**
 * A <details> menu whose content is rendered when the reader first opens it: until then it holds `fallbackHtml`
 * (escaped markup: plain links that work with JavaScript off), so a page with several menus hydrates a closed
 * <details> each rather than their forms (the content element is created, not rendered, until then). Once opened,
 * the content stays mounted, so its state survives closing.
 */
export function DeferredDetails({ className, summary, fallbackHtml, children }: { className: string; summary: ReactNode; fallbackHtml: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={className}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{summary}</summary>
      {opened ? children : <p className="menu-links" dangerouslySetInnerHTML={{ __html: fallbackHtml }} />}
    </details>
  );
}
