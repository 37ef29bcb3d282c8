import { viewQuery, type ViewState } from '@/lib/schemas/view';

/** How much of what a view shows official or international sources back, and the switch to score from those only. */
export function QualityNote({ share, state, path }: { share: { official: number; total: number }; state: ViewState; path: string }) {
  const percent = share.total ? Math.round((100 * share.official) / share.total) : 0;
  return (
    <p className="quality-note" data-official-share={percent}>
      <strong>Source quality:</strong> {share.official} of {share.total} figures in this view ({percent}%) come from official or
      international-organisation sources.{' '}
      {state.quality === 'official' ? (
        <>
          Scoring from those sources only. <a href={`${path}${viewQuery(state, { quality: 'all' })}`}>Use all sources</a>
        </>
      ) : (
        <a href={`${path}${viewQuery(state, { quality: 'official' })}`}>Score from official and international sources only</a>
      )}{' '}
      · <a href="/sources">All sources</a>
    </p>
  );
}
