import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { policyText } from './messages.ts';

type PlacementRow = { month: string; province_code: string; province: string; region: string; placements: number };

/** Colour-blind-safe colours (Okabe-Ito) for the four regions. */
const REGION_COLORS = { Costa: '#0072B2', Sierra: '#E69F00', Amazonía: '#009E73', Insular: '#CC79A7' } as const;

/**
 * Placements by month and province (the pre-aggregated `placements-by-month-province`), under
 * the period and province filters; a province's bar filters the whole dashboard.
 */
export function PlacementsPanel() {
  const { t, number, month, lang } = useT();
  const { view, setFilters } = useView();
  const { desde, hasta, provincia } = view.filters;
  const answer = useQuery('placements-by-month-province', { from: desde, to: hasta, province: provincia });
  const provinces = useQuery('provinces', {});
  const rows = useMemo(() => {
    const names = new Map((provinces.data?.rows ?? []).map((p) => [String(p.code), p]));
    return (answer.data?.rows ?? []).map((r) => {
      const p = names.get(String(r.province_code));
      return { ...r, province: String(p?.name ?? r.province_code), region: String(p?.region ?? '') } as PlacementRow;
    });
  }, [answer.data, provinces.data]);
  const total = rows.reduce((n, r) => n + r.placements, 0);
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const regionLabel = useCallback((r: string) => (r in REGION_COLORS ? t(`region.${r}` as 'region.Costa') : r), [t]);
  const byProvince = useMemo(() => {
    const m = new Map<string, { province: string; province_code: string; placements: number }>();
    for (const r of rows) {
      const e = m.get(r.province_code) ?? { province: r.province, province_code: r.province_code, placements: 0 };
      e.placements += r.placements;
      m.set(r.province_code, e);
    }
    return [...m.values()].sort((a, b) => b.placements - a.placements);
  }, [rows]);

  const monthChart = useCallback((width: number): PlotOptions => ({
    height: 320,
    marginLeft: 56,
    x: { type: 'band', label: null, tickFormat: (m: string) => month(m), ticks: months.filter((_, i) => i % Math.max(1, Math.ceil(months.length / (width / 70))) === 0) },
    y: { label: t('col.placements'), grid: true, tickFormat: (v: number) => number(v) },
    color: { domain: Object.keys(REGION_COLORS), range: Object.values(REGION_COLORS), legend: true, tickFormat: regionLabel },
    marks: [
      Plot.barY(rows, Plot.groupX({ y: 'sum' }, { x: 'month', y: 'placements', fill: 'region', tip: true, order: Object.keys(REGION_COLORS) })),
      Plot.ruleY([0]),
    ],
  }), [rows, months, month, number, t, regionLabel]);

  const columns: Column[] = [
    { key: 'month', label: t('col.month') },
    { key: 'province', label: t('col.province') },
    { key: 'region', label: t('col.region') },
    { key: 'placements', label: t('col.placements') },
  ];
  const format = (key: string, v: unknown) => (key === 'placements' ? number(v as number) : key === 'month' ? month(v as string) : key === 'region' ? regionLabel(String(v)) : String(v ?? ''));

  return (
    <section className="placements" aria-labelledby="placements-heading">
      <h2 id="placements-heading" className="section-title">{t('policy.title')}</h2>
      {answer.error && <p role="alert" className="error">{t('common.error', { message: answer.error.message })}</p>}
      <div className="kpi" aria-live="polite">
        <span className="kpi-label">{t('policy.total')}</span>
        <span className="kpi-value" data-testid="placements-total">{answer.data ? number(total) : '…'}</span>
        {months.length > 0 && <span className="kpi-note">{month(months[0]!)} – {month(months[months.length - 1]!)}</span>}
      </div>
      {answer.data && rows.length === 0 && <p>{t('common.noRows')}</p>}
      {rows.length > 0 && (
        <div className="grid">
          <ChartCard
            busy={answer.loading}
            explain={<p>{policyText(lang, 'explainPlacements')}</p>}
            title={t('policy.byMonth')}
            onDownload={() => downloadCsv(`colocaciones-${lang}.csv`, toCsv(rows, columns))}
            downloadTestId="download-csv"
            chart={<PlotFigure testId="placements-chart" options={monthChart} describe={t('policy.chartMonthAlt', { from: month(months[0]!), to: month(months[months.length - 1]!), total: number(total) })} />}
            table={<DataTable testId="placements-table-view" rows={rows} columns={columns} caption={t('policy.byMonth')} format={format} />}
          />
          <ChartCard
            busy={answer.loading}
            explain={<p>{policyText(lang, 'explainPlacements')}</p>}
            title={policyText(lang, 'placementsByProvince')}
            onDownload={() => downloadCsv(`colocaciones-provincia-${lang}.csv`, toCsv(byProvince, [columns[1]!, columns[3]!]))}
            chart={
              <figure className="recharts-figure" data-testid="province-bars" aria-label={policyText(lang, 'provinceAlt')}>
                <ResponsiveContainer width="100%" height={Math.max(180, byProvince.length * 24 + 40)}>
                  <BarChart data={byProvince} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
                    <CartesianGrid stroke="#e5e5e5" horizontal={false} />
                    <XAxis type="number" tickFormatter={(v: number) => number(v)} />
                    <YAxis type="category" dataKey="province" width={170} interval={0} tick={{ fontSize: 12 }} />
                    <Tooltip formatter={(v) => number(Number(v))} />
                    <Bar dataKey="placements" name={t('col.placements')} isAnimationActive={false} cursor="pointer"
                      onClick={(d: { payload?: { province_code?: string } }) => {
                        const code = d.payload?.province_code;
                        if (code) setFilters({ provincia: provincia === code ? undefined : code });
                      }}>
                      {byProvince.map((p) => <Cell key={p.province_code} data-testid={`province-bar-${p.province_code}`} fill={provincia === p.province_code ? '#D55E00' : '#0072B2'} />)}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </figure>
            }
            table={<DataTable rows={byProvince} columns={[columns[1]!, columns[3]!]} caption={policyText(lang, 'placementsByProvince')} format={format} />}
          />
        </div>
      )}
      <details className="all-rows">
        <summary>{t('common.table')}: {t('col.month')} × {t('col.province')}</summary>
        <DataTable testId="placements-table" rows={rows} columns={columns} caption={t('policy.title')} format={format} />
      </details>
    </section>
  );
}
