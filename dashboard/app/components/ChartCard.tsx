import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** A figure with its title, a chart | table switch, and a CSV download of the same rows. */
export function ChartCard({ title, chart, table, onDownload, downloadTestId }: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  onDownload: () => void;
  downloadTestId?: string;
}) {
  const { t } = useT();
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-head">
        <h3 id={id}>{title}</h3>
        <div className="card-tools">
          <div role="group" aria-label={t('common.view')} className="toggle">
            <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>{t('common.chart')}</button>
            <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>{t('common.table')}</button>
          </div>
          <button type="button" className="download" onClick={onDownload} data-testid={downloadTestId}>{t('common.downloadCsv')}</button>
        </div>
      </header>
      {mode === 'chart' ? chart : table}
    </section>
  );
}
