'use client';

import { useRef, useState } from 'react';
import { download } from './download';
import { briefingLinksHtml, briefingUrl } from '@/lib/export/links';
import { DeferredDetails } from '@/components/ui/deferred-details';

type Props = {
  /** the view as the briefing URL names it: overview, compare, dimensions/<key>, partners/<code> */
  view: string;
  /** the view's query string, without "?" */
  apiQuery: string;
};

type Progress = { phase: 'idle' } | { phase: 'building'; label: string; seconds: number } | { phase: 'downloading'; label: string; received: number; total: number | null } | { phase: 'done' | 'failed'; message: string };

const FORMATS = { pdf: 'PDF', pptx: 'PowerPoint' } as const;

/** The name the server gives the file (Content-Disposition), or a plain one. */
function fileName(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/**
 * "Download briefing": the view as a PDF report (A4 or US Letter) or an editable PowerPoint deck, built by the
 * server from the view's own query (/api/briefings/…). Progress shows while the server builds the file, then while
 * it arrives.
 */
export function BriefingButton(props: Props) {
  return (
    <DeferredDetails className="briefing-menu" summary="Download briefing" fallbackHtml={briefingLinksHtml(props.view, props.apiQuery)}>
      <BriefingOptions {...props} />
    </DeferredDetails>
  );
}

function BriefingOptions({ view, apiQuery }: Props) {
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const [progress, setProgress] = useState<Progress>({ phase: 'idle' });
  const busy = progress.phase === 'building' || progress.phase === 'downloading';
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const build = async (format: keyof typeof FORMATS) => {
    const label = FORMATS[format];
    const params = new URLSearchParams(apiQuery);
    if (format === 'pdf' && paper !== 'a4') params.set('paper', paper);
    const started = Date.now();
    setProgress({ phase: 'building', label, seconds: 0 });
    timer.current = setInterval(() => setProgress((p) => (p.phase === 'building' ? { ...p, seconds: Math.round((Date.now() - started) / 1000) } : p)), 1000);
    try {
      const response = await fetch(briefingUrl(view, format, params.toString()));
      if (timer.current) clearInterval(timer.current);
      if (!response.ok) throw new Error(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? `HTTP ${response.status}`);
      const total = Number(response.headers.get('content-length')) || null;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value as Uint8Array<ArrayBuffer>);
          received += value.length;
          setProgress({ phase: 'downloading', label, received, total });
        }
      }
      const name = fileName(response, `briefing.${format}`);
      download(new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }), name);
      setProgress({ phase: 'done', message: `Saved ${name} (${Math.round(received / 1024)} KB)` });
    } catch (error) {
      setProgress({ phase: 'failed', message: `${label} briefing failed: ${(error as Error).message}` });
    } finally {
      if (timer.current) clearInterval(timer.current);
    }
  };

  return (
    <div className="briefing-options">
      <p className="meta">This view — its partners, years, weights and sources — as a report or a deck, with every source.</p>
      <div className="export-buttons">
        <label>
          Paper{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value as 'a4' | 'letter')} disabled={busy}>
            <option value="a4">A4</option>
            <option value="letter">US Letter</option>
          </select>
        </label>
        <button type="button" onClick={() => void build('pdf')} disabled={busy}>
          PDF
        </button>
        <button type="button" onClick={() => void build('pptx')} disabled={busy}>
          PowerPoint
        </button>
      </div>
      <div role="status" aria-live="polite" className="meta briefing-status">
        {progress.phase === 'building' ? (
          <>
            <progress aria-label={`Building the ${progress.label} briefing`} /> Building the {progress.label} briefing… {progress.seconds > 0 ? `${progress.seconds} s` : ''}
          </>
        ) : progress.phase === 'downloading' ? (
          <>
            <progress aria-label={`Downloading the ${progress.label} briefing`} value={progress.received} max={progress.total ?? undefined} /> Downloading{' '}
            {progress.total ? `${Math.round((100 * progress.received) / progress.total)}%` : `${Math.round(progress.received / 1024)} KB`}
          </>
        ) : progress.phase === 'done' || progress.phase === 'failed' ? (
          progress.message
        ) : null}
      </div>
    </div>
  );
}
