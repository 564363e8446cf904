import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import type { MessageKey } from '../../i18n/es.ts';
import { useT } from '../../i18n/i18n.tsx';

interface Cell { year: number; group: string; placements: number | null; suppression: string | null; name: string }

/** Young people placed by the employment service, by province, with small counts suppressed. */
export function YouthPlacements() {
  const { t, number } = useT();
  const answer = useQuery('youth-placements', { by: 'province' });
  const provinces = useQuery('provinces', {});
  const cells = useMemo(() => {
    const names = new Map((provinces.data?.rows ?? []).map((p) => [String(p.code), String(p.name)]));
    return ((answer.data?.rows ?? []) as unknown as Cell[]).map((c) => ({ ...c, name: c.group === 'total' ? t('placements.total') : names.get(c.group) ?? c.group }));
  }, [answer.data, provinces.data, t]);
  const parts = cells.filter((c) => c.group !== 'total');
  const total = cells.find((c) => c.group === 'total');
  const chart = useCallback((): PlotOptions => ({
    height: Math.max(160, parts.length * 20 + 40),
    marginLeft: 190,
    x: { label: t('col.placements'), grid: true, tickFormat: (v: number) => number(v) },
    y: { label: null },
    marks: [
      Plot.barX(parts.filter((c) => c.placements !== null), { y: 'name', x: 'placements', fill: '#009E73', sort: { y: '-x' }, tip: true }),
      Plot.text(parts.filter((c) => c.placements === null), { y: 'name', x: 0, text: () => t('placements.hidden'), textAnchor: 'start', dx: 4, fill: '#52606d' }),
    ],
  }), [parts, number, t]);
  const columns: Column[] = [{ key: 'name', label: t('col.province') }, { key: 'placements', label: t('col.placements') }, { key: 'suppression', label: t('placements.reason') }];
  const format = (k: string, v: unknown) => (k === 'placements' ? (v === null ? t('placements.hidden') : number(v as number)) : k === 'suppression' ? (v ? t(`placements.reason.${String(v)}` as MessageKey) : '') : String(v ?? ''));
  if (!answer.data || !total) return null;
  return (
    <section aria-labelledby="yp-title">
      <h2 id="yp-title" className="section-title">{t('placements.title', { year: String(total.year) })}</h2>
      <p className="note">{t('placements.lead', { total: total.placements === null ? t('placements.hidden') : number(total.placements) })}</p>
      <ChartCard title={t('placements.byProvince')} onDownload={() => downloadCsv(`colocaciones-jovenes-${total.year}.csv`, toCsv(cells, columns))}
        explain={<p>{t('explain.placements')}</p>}
        chart={<PlotFigure testId="youth-placements-chart" options={chart} describe={t('placements.alt', { year: String(total.year) })} />}
        table={<DataTable testId="youth-placements-table" rows={cells} columns={columns} caption={t('placements.byProvince')} format={format} />} />
    </section>
  );
}
