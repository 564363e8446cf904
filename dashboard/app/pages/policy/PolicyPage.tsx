import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { SignIn } from '../../components/SignIn.tsx';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery, useSession } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';

type PlacementRow = {
  month: string;
  province_code: string;
  province: string;
  region: string;
  placements: number;
};

/** Colour-blind-safe colours (Okabe-Ito) for the four regions. */
const REGION_COLORS = { Costa: '#0072B2', Sierra: '#E69F00', Amazonía: '#009E73', Insular: '#CC79A7' } as const;

/** The policy dashboard: for now, placements by month and province (the foundation slice). */
export default function PolicyPage() {
  const { t } = useT();
  const { user, refresh } = useSession();
  if (user === undefined) return <p>{t('common.loading')}</p>;
  if (user === null) {
    return (
      <article>
        <h1>{t('policy.title')}</h1>
        <SignIn onSignedIn={refresh} />
      </article>
    );
  }
  return <Placements />;
}

function Placements() {
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
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.province, (m.get(r.province) ?? 0) + r.placements);
    return [...m].map(([province, placements]) => ({ province, placements })).sort((a, b) => b.placements - a.placements);
  }, [rows]);

  const monthChart = useCallback((width: number): PlotOptions => ({
    height: 340,
    marginLeft: 56,
    x: { type: 'band', label: null, tickFormat: (m: string) => month(m), ticks: months.filter((_, i) => i % Math.max(1, Math.ceil(months.length / (width / 70))) === 0) },
    y: { label: t('col.placements'), grid: true, tickFormat: (v: number) => number(v) },
    color: { domain: Object.keys(REGION_COLORS), range: Object.values(REGION_COLORS), legend: true, tickFormat: regionLabel },
    marks: [
      Plot.barY(rows, Plot.groupX({ y: 'sum' }, { x: 'month', y: 'placements', fill: 'region', tip: true, order: Object.keys(REGION_COLORS) })),
      Plot.ruleY([0]),
    ],
  }), [rows, months, month, number, t, regionLabel]);

  const provinceChart = useCallback((): PlotOptions => ({
    height: Math.max(160, byProvince.length * 22 + 40),
    marginLeft: 190,
    x: { label: t('col.placements'), grid: true, tickFormat: (v: number) => number(v) },
    y: { label: null },
    marks: [Plot.barX(byProvince, { y: 'province', x: 'placements', fill: '#0072B2', sort: { y: '-x' }, tip: true }), Plot.ruleX([0])],
  }), [byProvince, number, t]);

  const columns: Column[] = [
    { key: 'month', label: t('col.month') },
    { key: 'province', label: t('col.province') },
    { key: 'region', label: t('col.region') },
    { key: 'placements', label: t('col.placements') },
  ];
  const format = (key: string, v: unknown) => (key === 'placements' ? number(v as number) : key === 'month' ? month(v as string) : key === 'region' ? regionLabel(String(v)) : String(v ?? ''));
  const download = () => downloadCsv(`colocaciones-${lang}.csv`, toCsv(rows, columns));

  return (
    <article>
      <h1>{t('policy.title')}</h1>
      <p className="lead">{t('policy.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('policy.from')}
          <input type="month" data-testid="from-filter" value={desde ?? months[0] ?? ''} onChange={(e) => setFilters({ desde: e.target.value })} />
        </label>
        <label>
          {t('policy.to')}
          <input type="month" data-testid="to-filter" value={hasta ?? months[months.length - 1] ?? ''} onChange={(e) => setFilters({ hasta: e.target.value })} />
        </label>
        <label>
          {t('policy.province')}
          <select data-testid="province-filter" value={provincia ?? ''} onChange={(e) => setFilters({ provincia: e.target.value })}>
            <option value="">{t('common.allProvinces')}</option>
            {(provinces.data?.rows ?? []).map((p) => <option key={String(p.code)} value={String(p.code)}>{String(p.name)}</option>)}
          </select>
        </label>
      </form>
      {answer.error && <p role="alert" className="error">{t('common.error', { message: answer.error.message })}</p>}
      {answer.loading && !answer.data && <p aria-live="polite">{t('common.loading')}</p>}
      {answer.data && (
        <>
          <div className="kpi" aria-live="polite">
            <span className="kpi-label">{t('policy.total')}</span>
            <span className="kpi-value" data-testid="placements-total">{number(total)}</span>
            {months.length > 0 && <span className="kpi-note">{month(months[0]!)} – {month(months[months.length - 1]!)}</span>}
          </div>
          {rows.length === 0 ? <p>{t('common.noRows')}</p> : (
            <div className="grid">
              <ChartCard
                title={t('policy.byMonth')}
                onDownload={download}
                downloadTestId="download-csv"
                chart={<PlotFigure testId="placements-chart" options={monthChart} describe={t('policy.chartMonthAlt', { from: month(months[0]!), to: month(months[months.length - 1]!), total: number(total) })} />}
                table={<DataTable testId="placements-table-view" rows={rows as unknown as Record<string, unknown>[]} columns={columns} caption={t('policy.byMonth')} format={format} />}
              />
              <ChartCard
                title={t('policy.byProvince')}
                onDownload={() => downloadCsv(`colocaciones-provincia-${lang}.csv`, toCsv(byProvince, [columns[1]!, columns[3]!]))}
                chart={<PlotFigure options={provinceChart} describe={t('policy.chartProvinceAlt', { first: byProvince[0]?.province ?? '', count: number(byProvince[0]?.placements ?? 0) })} />}
                table={<DataTable rows={byProvince} columns={[columns[1]!, columns[3]!]} caption={t('policy.byProvince')} format={format} />}
              />
            </div>
          )}
          <details className="all-rows">
            <summary>{t('common.table')}: {t('col.month')} × {t('col.province')}</summary>
            <DataTable testId="placements-table" rows={rows as unknown as Record<string, unknown>[]} columns={columns} caption={t('policy.title')} format={format} />
          </details>
        </>
      )}
    </article>
  );
}
