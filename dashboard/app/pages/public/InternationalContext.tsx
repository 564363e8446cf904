import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';

interface SeriesRow { year: number; entity: string; rate: number }

/** Colour-blind-safe colours by entity (Okabe-Ito), Ecuador in the strongest. */
const COLORS: Record<string, string> = { Ecuador: '#D55E00', Mexico: '#0072B2', 'Latin America and Caribbean (WB)': '#009E73', World: '#999999' };

/** Ecuador's youth unemployment beside Mexico, Latin America and the world (ILO modelled estimates). */
export function InternationalContext() {
  const { t, number, lang } = useT();
  const answer = useQuery('international-youth-unemployment', {});
  const rows = (answer.data?.rows ?? []) as unknown as SeriesRow[];
  const label = useCallback((e: string) => (lang === 'es' ? ({ Mexico: 'México', 'Latin America and Caribbean (WB)': 'América Latina y el Caribe', World: 'Mundo' } as Record<string, string>)[e] ?? e : e.replace(' (WB)', '')), [lang]);
  const chart = useCallback((): PlotOptions => ({
    height: 260,
    marginRight: 150,
    x: { label: null, tickFormat: (y: number) => String(y) },
    y: { label: t('intl.rate'), grid: true, zero: true, tickFormat: (v: number) => `${number(v, 0)}` },
    color: { domain: Object.keys(COLORS), range: Object.values(COLORS) },
    marks: [
      Plot.lineY(rows, { x: 'year', y: 'rate', stroke: 'entity', strokeWidth: (r: SeriesRow) => (r.entity === 'Ecuador' ? 3 : 1.5), tip: true }),
      Plot.text(rows, Plot.selectLast({ x: 'year', y: 'rate', z: 'entity', text: (r: SeriesRow) => label(r.entity), textAnchor: 'start', dx: 5, fill: 'entity' })),
    ],
  }), [rows, number, t, label]);
  const columns: Column[] = [{ key: 'year', label: t('intl.year') }, { key: 'entity', label: t('intl.entity') }, { key: 'rate', label: t('intl.rate') }];
  if (answer.data && rows.length === 0) return <p className="note" data-testid="intl-empty">{t('intl.empty')}</p>;
  return (
    <section aria-labelledby="intl-title">
      <h2 id="intl-title" className="section-title">{t('intl.title')}</h2>
      <p className="note">{t('intl.caveat')}</p>
      <ChartCard title={t('intl.chartTitle')} onDownload={() => downloadCsv('desempleo-juvenil-internacional.csv', toCsv(rows, columns))}
        explain={<p>{t('explain.international')}</p>}
        chart={<PlotFigure testId="intl-chart" options={chart} describe={t('intl.alt')} />}
        table={<DataTable rows={rows} columns={columns} caption={t('intl.chartTitle')} format={(k, v) => (k === 'rate' ? number(v as number, 1) : k === 'entity' ? label(String(v)) : String(v))} />} />
    </section>
  );
}
