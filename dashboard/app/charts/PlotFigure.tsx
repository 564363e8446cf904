import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';

/**
 * Renders an Observable Plot chart, redrawn when its options or the container's width change.
 * `describe` is the text alternative read by screen readers.
 */
export function PlotFigure({ options, describe, testId }: { options: (width: number) => PlotOptions; describe: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(280, Math.floor(entry!.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = Plot.plot({ width, ...options(width) });
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', describe);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [options, width, describe]);
  return <div ref={ref} className="plot" data-testid={testId} />;
}
