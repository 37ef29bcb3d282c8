'use client';

import { useId, useState, useSyncExternalStore } from 'react';
import type { Fonts } from '@/lib/export/compose';
import { EXPORT_SIZES, type ExportSize, type ExportSpec } from '@/lib/export/spec';

let fontsPromise: Promise<Fonts> | null = null;

/** Fonts and composer load on first use, so pages do not carry them. */
async function exportKit() {
  const [{ composeSvg }, { loadFonts }, { toCsv }] = await Promise.all([
    import('@/lib/export/compose'),
    import('@/lib/export/fonts'),
    import('@/lib/export/csv'),
  ]);
  fontsPromise ??= loadFonts(async (file) => (await fetch(`/api/fonts/${file}`)).arrayBuffer());
  return { composeSvg, toCsv, fonts: await fontsPromise };
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function svgToPng(svg: string, width: number, height: number, density: number): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const w = width * density;
    const h = height * density;
    // OffscreenCanvas encodes at once; HTMLCanvasElement.toBlob waits for idle time (about a second in Chromium here).
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.drawImage(image, 0, 0, w, h);
      return await canvas.convertToBlob({ type: 'image/png' });
    }
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** PNG, SVG and CSV of one chart, built from the same spec as /api/charts, plus its permalink and an embed snippet. */
export function ExportMenu({ spec, apiQuery }: { spec: ExportSpec; apiQuery: string }) {
  const id = useId();
  const [size, setSize] = useState<ExportSize>('landscape');
  const [transparent, setTransparent] = useState(false);
  const [density, setDensity] = useState(2);
  const [status, setStatus] = useState('');
  const { width, height } = EXPORT_SIZES[size];
  // The page's origin is known only in the browser; the server renders the snippet without it.
  const origin = useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => '',
  );

  const permalink = () => `${window.location.origin}${spec.viewPath}`;
  const imageQuery = () => {
    const params = new URLSearchParams(apiQuery);
    if (size !== 'landscape') params.set('size', size);
    if (transparent) params.set('background', 'transparent');
    if (density !== 2) params.set('density', String(density));
    const q = params.toString();
    return q ? `?${q}` : '';
  };

  const act = (label: string, work: () => Promise<void>) => {
    setStatus(`${label}…`);
    work().then(
      () => setStatus(`${label}: done`),
      (error: unknown) => setStatus(`${label} failed: ${(error as Error).message}`),
    );
  };

  const svgText = async () => {
    const kit = await exportKit();
    return kit.composeSvg(spec, { width, height, background: transparent ? 'transparent' : 'white', permalink: permalink() }, kit.fonts);
  };

  const onPng = () =>
    act('PNG', async () => {
      const started = performance.now();
      const svg = await svgText();
      const composed = performance.now();
      const blob = await svgToPng(svg, width, height, density);
      // Read by the benchmark: click to finished PNG in this browser (saving it is the browser's part), and the composing share.
      document.documentElement.setAttribute('data-last-png-export-ms', String(Math.round(performance.now() - started)));
      document.documentElement.setAttribute('data-last-png-compose-ms', String(Math.round(composed - started)));
      download(blob, `${spec.fileStem}.png`);
    });
  const onSvg = () => act('SVG', async () => download(new Blob([await svgText()], { type: 'image/svg+xml' }), `${spec.fileStem}.svg`));
  const onCsv = () =>
    act('CSV', async () => {
      const { toCsv } = await exportKit();
      download(new Blob([toCsv(spec.csv)], { type: 'text/csv' }), `${spec.fileStem}.csv`);
    });
  const onCopy = () => act('Copy link', () => navigator.clipboard.writeText(permalink()));

  return (
    <details className="export-menu">
      <summary>Export: {spec.title}</summary>
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
        <button type="button" onClick={onPng}>
          Download PNG
        </button>
        <button type="button" onClick={onSvg}>
          Download SVG
        </button>
        <button type="button" onClick={onCsv}>
          Download CSV
        </button>
        <button type="button" onClick={onCopy}>
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
        value={`<img src="${origin}/api/charts/${spec.chart}.png${imageQuery()}" alt="${spec.title.replace(/"/g, '&quot;')}" width="${width}" height="${height}">`}
      />
    </details>
  );
}
