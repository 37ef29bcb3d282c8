import { sourceQuality } from '@/lib/dashboard/format';
import type { SourceRef } from '@/lib/dashboard/types';

/** A source as a reader needs it: title (linked when there is a URL), publisher and tier, and the excerpt with the figure. */
export function SourceLink({ source, withExcerpt = false }: { source: SourceRef; withExcerpt?: boolean }) {
  return (
    <span className="source">
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      <span className="meta source-quality" data-tier={source.tier ?? 'unrated'}>
        {' '}
        ({sourceQuality(source)})
      </span>
      {withExcerpt && source.excerpt ? <q className="excerpt">{source.excerpt}</q> : null}
    </span>
  );
}
