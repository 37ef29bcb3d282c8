'use client';

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';

type Phase = 'static' | 'loading' | 'interactive' | 'failed';
type Loaded = { Chart: ComponentType<never>; props: object };

const loaders = {
  series: () => import('./series-chart').then((m) => m.SeriesChart as ComponentType<never>),
  compare: () => import('./compare-chart').then((m) => m.CompareChart as ComponentType<never>),
};

/**
 * The server's SVG of a chart (children) until a reader comes near it: then the interactive Recharts chart —
 * tooltips, hover, legend toggles, each point's flags and alternatives — loads with its data from `src` and takes
 * the picture's place in the same box. "Near" is a scroll that brings the chart within 200 px of the viewport, or a
 * pointer, touch or focus on it; nothing loads on first paint, so the page's first load carries neither Recharts
 * nor the chart data.
 */
export function LazyChart({ type, src, children }: { type: keyof typeof loaders; src: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('static');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const started = useRef(false);

  const activate = () => {
    if (started.current) return;
    started.current = true;
    setPhase('loading');
    Promise.all([
      fetch(src, { headers: { accept: 'application/json' } }).then((r) => {
        if (!r.ok) throw new Error(`${src} answered ${r.status}`);
        return r.json() as Promise<object>;
      }),
      loaders[type](),
    ])
      .then(([props, Chart]) => {
        setLoaded({ Chart, props });
        setPhase('interactive');
      })
      // The server's picture stays: it shows everything but the tooltips.
      .catch(() => setPhase('failed'));
  };
  const activateRef = useRef(activate);
  useEffect(() => {
    activateRef.current = activate;
  });

  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    let observer: IntersectionObserver | null = null;
    // Armed by the reader's first scroll, so charts already on screen do not all load with the page.
    const arm = () => {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            observer?.disconnect();
            activateRef.current();
          }
        },
        { rootMargin: '200px 0px' },
      );
      observer.observe(element);
    };
    window.addEventListener('scroll', arm, { once: true, passive: true });
    return () => {
      window.removeEventListener('scroll', arm);
      observer?.disconnect();
    };
  }, []);

  const Chart = loaded?.Chart as ComponentType<object> | undefined;
  return (
    <div ref={box} className="lazy-chart" data-chart-state={phase} onPointerEnter={activate} onTouchStart={activate} onFocusCapture={activate} onClick={activate}>
      {phase === 'interactive' && Chart && loaded ? <Chart {...loaded.props} /> : children}
    </div>
  );
}
