'use client';

import { useId, useState } from 'react';
import { EXPORT_SIZES, type ExportSize } from '@/lib/export/spec';
import { download } from './download';
import { chartUrl, exportLinksHtml } from '@/lib/export/links';
import { DeferredDetails } from '@/components/ui/deferred-details';

type Props = {
  /** chart name in /api/charts/<chart>.<ext> */
  chart: string;
  title: string;
  fileStem: string;
  /** the view's query string, without "?" */
  apiQuery: string;
  /** path and query of the view this chart belongs to */
  viewPath: string;
};

/**
 * PNG, SVG and CSV of one chart, its permalink and an embed snippet. The buttons fetch the same /api/charts URLs
 * that scripts and briefings use, so there is one composition (lib/export/compose.ts) and one set of fonts.
 *
 * The options are rendered when the reader first opens the menu: a page with eight charts hydrates eight closed
 * <details> rather than eight forms. Until then (and with JavaScript off) the menu holds plain download links with
 * the default options, written as markup.
 */
export function ExportMenu(props: Props) {
  return (
    <DeferredDetails className="export-menu" summary={`Export: ${props.title}`} fallbackHtml={exportLinksHtml(props.chart, props.fileStem, props.apiQuery)}>
      <ExportOptions {...props} />
    </DeferredDetails>
  );
}

function ExportOptions({ chart, title, fileStem, apiQuery, viewPath }: Props) {
  const id = useId();
  const [size, setSize] = useState<ExportSize>('landscape');
  const [transparent, setTransparent] = useState(false);
  const [density, setDensity] = useState(2);
  const [status, setStatus] = useState('');
  const { width, height } = EXPORT_SIZES[size];
  // Mounted only in the browser, when the menu is first opened (DeferredDetails), so the page's origin is known.
  const origin = window.location.origin;

  const fileUrl = (format: 'png' | 'svg' | 'csv') => {
    const params = new URLSearchParams(apiQuery);
    if (format !== 'csv') {
      if (size !== 'landscape') params.set('size', size);
      if (transparent) params.set('background', 'transparent');
      if (format === 'png' && density !== 2) params.set('density', String(density));
    }
    return chartUrl(chart, format, params.toString());
  };

  const save = (format: 'png' | 'svg' | 'csv') => {
    const label = `Download ${format.toUpperCase()}`;
    setStatus(`${label}…`);
    fetch(fileUrl(format))
      .then(async (response) => {
        if (!response.ok) throw new Error(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? `HTTP ${response.status}`);
        return response.blob();
      })
      .then((blob) => {
        download(blob, `${fileStem}.${format}`);
        setStatus(`${label}: saved ${fileStem}.${format}`);
      })
      .catch((error: unknown) => setStatus(`${label} failed: ${(error as Error).message}`));
  };

  const copyLink = () => {
    navigator.clipboard.writeText(`${window.location.origin}${viewPath}`).then(
      () => setStatus('Link copied'),
      () => setStatus(`Copy failed: the link is ${window.location.origin}${viewPath}`),
    );
  };

  return (
    <>
      <div className="export-options" role="group" aria-label="Image options">
        <label>
          Size{' '}
          <select value={size} onChange={(e) => setSize(e.target.value as ExportSize)}>
            <option value="landscape">1200 × 675</option>
            <option value="square">1080 × 1080</option>
          </select>
        </label>
        <label>
          Density{' '}
          <select value={density} onChange={(e) => setDensity(Number(e.target.value))}>
            <option value={2}>2×</option>
            <option value={3}>3×</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} /> Transparent background
        </label>
      </div>
      <div className="export-buttons">
        <button type="button" onClick={() => save('png')}>
          Download PNG
        </button>
        <button type="button" onClick={() => save('svg')}>
          Download SVG
        </button>
        <button type="button" onClick={() => save('csv')}>
          Download CSV
        </button>
        <button type="button" onClick={copyLink}>
          Copy link
        </button>
      </div>
      <p className="meta" role="status" aria-live="polite">
        {status}
      </p>
      <label htmlFor={`${id}-embed`} className="meta">
        Embed this chart
      </label>
      <textarea
        id={`${id}-embed`}
        readOnly
        rows={2}
        value={`<img src="${origin}${fileUrl('png')}" alt="${title.replace(/"/g, '&quot;')}" width="${width}" height="${height}">`}
      />
    </>
  );
}
