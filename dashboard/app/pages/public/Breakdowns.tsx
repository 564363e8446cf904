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
import { SurveyExplain } from './SurveyExplain.tsx';
import { useView } from '../../view-context.tsx';
import { genderGaps } from './gender-gap.ts';
import { MONEY_INDICATORS, type Estimate } from './survey-format.ts';

/** Indicators offered in the breakdowns. */
export const BREAKDOWN_INDICATORS = ['youth_unemployment_15_24', 'youth_unemployment_18_29', 'neet_15_24', 'neet_18_29', 'adequate_employment_rate', 'informality_rate', 'median_labour_income'] as const;
const DIMENSIONS = ['sex', 'area', 'age_group'] as const;
type Dim = (typeof DIMENSIONS)[number];
type Row = Estimate & Record<Dim, string | null> & { group: string };

/**
 * An indicator by sex, area or age group for a period (dot and 95% interval; unpublishable
 * groups are left out of the chart and shown as such in the table), and its gender gap over
 * every period. Indicator and breakdown are kept in the URL (`indicador`, `por`).
 */
export function Breakdowns({ period }: { period: string }) {
  const { t, percent, number } = useT();
  const { view, setFilters } = useView();
  const indicator = BREAKDOWN_INDICATORS.find((i) => i === view.filters.indicador) ?? BREAKDOWN_INDICATORS[0];
  const dim: Dim = DIMENSIONS.find((d) => d === view.filters.por) ?? 'area';
  const money = MONEY_INDICATORS.has(indicator);
  const answer = useQuery('survey-indicator', { indicator, by: dim, period });
  const bySexTrend = useQuery('survey-indicator', { indicator, by: 'sex' });
  const label = useCallback((value: string | null) => {
    if (value === null || value === 'unknown') return t('common.unknown');
    if (dim === 'sex') return t(`sex.${value}` as MessageKey);
    if (dim === 'area') return t(`area.${value}` as MessageKey);
    return value;
  }, [dim, t]);
  const rows = useMemo(() => ((answer.data?.rows ?? []) as unknown as Row[]).map((r) => ({ ...r, group: label(r[dim]) })), [answer.data, dim, label]);
  const gaps = useMemo(() => genderGaps((bySexTrend.data?.rows ?? []) as unknown as Estimate[], money), [bySexTrend.data, money]);
  const name = t(`ind.${indicator}` as MessageKey);
  const value = useCallback((v: number | null) => (v === null ? '—' : money ? `${number(v, 0)} USD` : percent(v)), [money, number, percent]);

  const chart = useCallback((): PlotOptions => {
    const shown = rows.filter((r) => r.estimate !== null);
    return {
      height: Math.max(120, rows.length * 34 + 50),
      marginLeft: 110,
      x: { label: t('col.estimate'), tickFormat: (v: number) => (money ? number(v, 0) : percent(v, 0)), grid: true, zero: !money },
      y: { label: null, domain: rows.map((r) => r.group) },
      marks: [
        Plot.ruleY(shown, { y: 'group', x1: 'ci_low', x2: 'ci_high', stroke: '#0072B2', strokeWidth: 3, strokeOpacity: 0.45 }),
        Plot.dot(shown, { y: 'group', x: 'estimate', r: 6, fill: (r: Estimate) => (r.flag === 'caution' ? '#fff' : '#0072B2'), stroke: '#0072B2', tip: true }),
        Plot.text(rows.filter((r) => r.estimate === null), { y: 'group', frameAnchor: 'left', dx: 6, text: () => t('public.hidden'), fill: '#52606d' }),
      ],
    };
  }, [rows, money, number, percent, t]);

  const gapChart = useCallback((): PlotOptions => ({
    height: 240,
    marginLeft: 56,
    marginBottom: 50,
    x: { type: 'band', label: null, tickRotate: -35 },
    y: { label: money ? 'USD' : t('public.gap'), grid: true, tickFormat: (v: number) => number(v, money ? 0 : 1) },
    marks: [
      Plot.ruleY([0], { stroke: '#1f2933' }),
      Plot.ruleX(gaps, { x: 'period', y1: 'low', y2: 'high', stroke: '#CC79A7', strokeWidth: 6, strokeOpacity: 0.45 }),
      Plot.dot(gaps, { x: 'period', y: 'gap', r: 5, fill: '#CC79A7', tip: true }),
    ],
  }), [gaps, money, number, t]);

  const columns: Column[] = [
    { key: 'group', label: t(`public.dim.${dim}` as MessageKey) }, { key: 'estimate', label: t('col.estimate') }, { key: 'ci_low', label: t('col.ciLow') },
    { key: 'ci_high', label: t('col.ciHigh') }, { key: 'cv', label: t('col.cv') }, { key: 'n', label: t('col.n') }, { key: 'flag', label: t('col.flag') },
  ];
  const format = (key: string, v: unknown) => (v === null || v === undefined ? '—'
    : ['estimate', 'ci_low', 'ci_high'].includes(key) ? value(v as number) : key === 'cv' ? percent(v as number)
      : key === 'flag' ? t(`public.flag.${String(v)}` as MessageKey) : typeof v === 'number' ? number(v) : String(v));
  const gapColumns: Column[] = [
    { key: 'period', label: t('col.period') }, { key: 'women', label: t('sex.F') }, { key: 'men', label: t('sex.M') },
    { key: 'gap', label: money ? 'USD' : t('public.gap') }, { key: 'low', label: t('col.ciLow') }, { key: 'high', label: t('col.ciHigh') },
  ];
  const gapFormat = (key: string, v: unknown) => (v === null || v === undefined ? '—' : key === 'women' || key === 'men' ? value(v as number) : key === 'period' ? String(v) : number(v as number, money ? 0 : 1));
  const dimension = t(`public.dim.${dim}` as MessageKey);
  return (
    <section aria-labelledby="breakdowns-title" className="breakdowns">
      <h2 id="breakdowns-title" className="section-title">{t('public.breakdownTitle', { indicator: name, dimension, period })}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('public.breakdownIndicator')}
          <select data-testid="breakdown-indicator" value={indicator} onChange={(e) => setFilters({ indicador: e.target.value })}>
            {BREAKDOWN_INDICATORS.map((id) => <option key={id} value={id}>{t(`ind.${id}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>
          {t('public.breakdownBy')}
          <select data-testid="breakdown-by" value={dim} onChange={(e) => setFilters({ por: e.target.value })}>
            {DIMENSIONS.map((d) => <option key={d} value={d}>{t(`public.dim.${d}` as MessageKey)}</option>)}
          </select>
        </label>
      </form>
      <div className="grid">
        <ChartCard
          title={t('public.breakdownTitle', { indicator: name, dimension, period })}
          onDownload={() => downloadCsv(`${indicator}-${dim}-${period}.csv`, toCsv(rows, columns))}
          downloadTestId="download-breakdown"
          explain={<SurveyExplain indicator={indicator} period={period} />}
          chart={<PlotFigure testId="breakdown-chart" options={chart} describe={t('public.breakdownAlt', { indicator: name, dimension, period })} />}
          table={<DataTable testId="breakdown-table" rows={rows} columns={columns} caption={name} format={format} />}
        />
        <ChartCard
          title={t('public.gapTitle', { indicator: name })}
          onDownload={() => downloadCsv(`${indicator}-brecha-genero.csv`, toCsv(gaps, gapColumns))}
          downloadTestId="download-gap"
          explain={<SurveyExplain indicator={indicator} formula={t('public.gapNote')} />}
          chart={<><PlotFigure testId="gap-chart" options={gapChart} describe={t('public.gapAlt', { indicator: name })} /><p className="note">{t('public.gapNote')}</p></>}
          table={<DataTable testId="gap-table" rows={gaps as unknown as Record<string, unknown>[]} columns={gapColumns} caption={t('public.gapTitle', { indicator: name })} format={gapFormat} />}
        />
      </div>
    </section>
  );
}
