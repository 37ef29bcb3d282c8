import { sourceInnerHtml } from '@/lib/dashboard/static-markup';
import type { SourceRef } from '@/lib/dashboard/types';

/**
 * A source as a reader needs it: title (linked when there is an http(s) address), publisher and tier, and the excerpt
 * with the figure. Markup from lib/dashboard/static-markup.ts, so pages that list sources as strings say the same.
 */
export function SourceLink({ source, withExcerpt = false }: { source: SourceRef; withExcerpt?: boolean }) {
  return <span className="source" dangerouslySetInnerHTML={{ __html: sourceInnerHtml(source, withExcerpt) }} />;
}
