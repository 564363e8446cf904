import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadPng } from './download-png.ts';
import { useT } from '../i18n/i18n.tsx';

/**
 * A figure with its title, a chart | table switch, a CSV download of the same rows and a PNG
 * download of the chart as drawn (with its title and the data's source).
 */
export function ChartCard({ title, chart, table, onDownload, downloadTestId, explain, busy }: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  onDownload: () => void;
  downloadTestId?: string;
  /** "How is this computed?": formula, inputs, source and period, precision, what is hidden and why. */
  explain?: ReactNode;
  /** New figures are on their way: what is shown is the previous answer. */
  busy?: boolean;
}) {
  const { t } = useT();
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const [pngError, setPngError] = useState<string | null>(null);
  const png = () => {
    setPngError(null);
    if (body.current) downloadPng(body.current, title, t('common.pngNote')).catch((e: Error) => setPngError(e.message));
  };
  return (
    <section className="card" aria-labelledby={id} aria-busy={busy || undefined}>
      <header className="card-head">
        <h3 id={id}>{title}</h3>
        <div className="card-tools">
          <div role="group" aria-label={t('common.view')} className="toggle">
            <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>{t('common.chart')}</button>
            <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>{t('common.table')}</button>
          </div>
          <button type="button" className="download" onClick={onDownload} data-testid={downloadTestId}>{t('common.downloadCsv')}</button>
          {mode === 'chart' && <button type="button" className="download" onClick={png} data-testid={downloadTestId ? `${downloadTestId}-png` : undefined}>{t('common.downloadPng')}</button>}
        </div>
      </header>
      {pngError && <p role="alert" className="error">{pngError}</p>}
      <div ref={body}>{mode === 'chart' ? chart : table}</div>
      {explain && (
        <details className="explain" data-testid="chart-explain">
          <summary>{t('explain.summary')}</summary>
          {explain}
        </details>
      )}
    </section>
  );
}
