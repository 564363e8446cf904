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
import { Breakdowns } from './Breakdowns.tsx';
import { InternationalContext } from './InternationalContext.tsx';
import { WhereYouthWork } from './WhereYouthWork.tsx';
import { ProvinceMap } from './ProvinceMap.tsx';
import { YouthPlacements } from './YouthPlacements.tsx';
import { change, currentAndPrevious, MONEY_INDICATORS, type Estimate } from './survey-format.ts';

const HEADLINES = ['youth_unemployment_15_24', 'youth_unemployment_18_29', 'neet_15_24', 'adequate_employment_rate', 'informality_rate', 'median_labour_income'] as const;
const MAP_INDICATORS = ['neet_15_24', 'youth_unemployment_15_24', 'informality_rate', 'adequate_employment_rate'] as const;
/** Okabe-Ito colours, safe for colour-blind readers. */
const SEX_COLORS = { F: '#D55E00', M: '#0072B2' } as const;

/** The public youth observatory: headline survey indicators with their intervals and quality. */
export default function PublicPage() {
  const { t, number, month, percent } = useT();
  const { view, setFilters } = useView();
  const periods = useQuery('survey-periods', {});
  const periodList = (periods.data?.rows ?? []).map((r) => String(r.period));
  const period = view.filters.periodo ?? periodList[0];
  const mapIndicator = MAP_INDICATORS.find((i) => i === view.filters.mapa) ?? MAP_INDICATORS[0];
  const bySex = useQuery('survey-indicator', { indicator: 'youth_unemployment_15_24', by: 'sex', period });
  const trend = useQuery('survey-indicator', { indicator: 'youth_unemployment_15_24' });
  const pct = useCallback((v: number | null) => (v === null ? '—' : percent(v)), [percent]);
  const sexRows = (bySex.data?.rows ?? []) as unknown as Estimate[];
  const trendRows = useMemo(() => ((trend.data?.rows ?? []) as unknown as Estimate[]).slice().sort((a, b) => a.period.localeCompare(b.period)), [trend.data]);

  const sexChart = useCallback((): PlotOptions => ({
    height: 150,
    marginLeft: 80,
    x: { label: t('col.estimate'), tickFormat: (v: number) => percent(v, 0), grid: true, domain: [0, Math.max(0.05, ...sexRows.map((r) => r.ci_high ?? 0))] },
    y: { label: null, tickFormat: (s: string) => t(`sex.${s}` as MessageKey) },
    marks: [
      Plot.ruleY(sexRows.filter((r) => r.estimate !== null), { y: 'sex', x1: 'ci_low', x2: 'ci_high', stroke: (r: Estimate) => SEX_COLORS[r.sex as 'F' | 'M'], strokeWidth: 3, strokeOpacity: 0.5 }),
      Plot.dot(sexRows.filter((r) => r.estimate !== null), { y: 'sex', x: 'estimate', r: 6, fill: (r: Estimate) => SEX_COLORS[r.sex as 'F' | 'M'], tip: true }),
    ],
  }), [sexRows, percent, t]);

  const trendChart = useCallback((): PlotOptions => {
    const shown = trendRows.filter((r) => r.estimate !== null);
    return {
      height: 250,
      marginLeft: 50,
      marginBottom: 50,
      x: { type: 'band', label: null, tickFormat: (p: string) => month(p), tickRotate: -35 },
      y: { label: t('col.estimate'), tickFormat: (v: number) => percent(v, 0), grid: true, zero: true },
      marks: [
        Plot.ruleX(shown, { x: 'period', y1: 'ci_low', y2: 'ci_high', stroke: '#0072B2', strokeOpacity: 0.35, strokeWidth: 8 }),
        Plot.lineY(shown, { x: 'period', y: 'estimate', stroke: '#0072B2' }),
        Plot.dot(shown, { x: 'period', y: 'estimate', fill: (r: Estimate) => (r.flag === 'caution' ? '#fff' : '#0072B2'), stroke: '#0072B2', r: 4, tip: true }),
      ],
    };
  }, [trendRows, percent, t, month]);

  const columns: Column[] = [
    { key: 'period', label: t('col.period') }, { key: 'sex', label: t('col.sex') }, { key: 'estimate', label: t('col.estimate') },
    { key: 'ci_low', label: t('col.ciLow') }, { key: 'ci_high', label: t('col.ciHigh') }, { key: 'cv', label: t('col.cv') },
    { key: 'n', label: t('col.n') }, { key: 'flag', label: t('col.flag') },
  ];
  const format = (key: string, v: unknown) => {
    if (v === null || v === undefined) return key === 'sex' ? '' : '—';
    if (['estimate', 'ci_low', 'ci_high'].includes(key)) return pct(v as number);
    if (key === 'cv') return percent(v as number);
    if (key === 'sex') return t(`sex.${String(v)}` as MessageKey);
    if (key === 'flag') return t(`public.flag.${String(v)}` as MessageKey);
    return typeof v === 'number' ? number(v) : String(v);
  };

  return (
    <article>
      <h1>{t('public.title')}</h1>
      <p className="lead">{t('public.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('public.period')}
          <select data-testid="period-filter" value={period ?? ''} onChange={(e) => setFilters({ periodo: e.target.value })}>
            {periodList.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      </form>
      {periods.error && <p role="alert" className="error">{t('common.error', { message: periods.error.message })}</p>}
      {period && (
        <>
          <div className="headlines">
            {HEADLINES.map((id) => <Headline key={id} indicator={id} period={period} previousPeriod={periodList[periodList.indexOf(period) + 1]} />)}
          </div>
          <div className="grid">
            <ChartCard
              title={t('public.bySex')}
              onDownload={() => downloadCsv(`desempleo-juvenil-sexo-${period}.csv`, toCsv(sexRows, columns))}
              downloadTestId="download-csv"
              explain={<SurveyExplain indicator="youth_unemployment_15_24" period={period} />}
              chart={<PlotFigure testId="sex-chart" options={sexChart} describe={t('public.bySexAlt', { period })} />}
              table={<DataTable testId="sex-table" rows={sexRows as unknown as Record<string, unknown>[]} columns={columns} caption={t('public.bySex')} format={format} />}
            />
            <ChartCard
              title={t('public.trend')}
              onDownload={() => downloadCsv('desempleo-juvenil-tendencia.csv', toCsv(trendRows, columns))}
              explain={<SurveyExplain indicator="youth_unemployment_15_24" />}
              chart={<PlotFigure testId="trend-chart" options={trendChart} describe={t('public.trendAlt')} />}
              table={<DataTable rows={trendRows as unknown as Record<string, unknown>[]} columns={columns} caption={t('public.trend')} format={format} />}
            />
          </div>
          <label className="inline-filter">
            {t('public.mapIndicator')}
            <select data-testid="map-indicator" value={mapIndicator} onChange={(e) => setFilters({ mapa: e.target.value })}>
              {MAP_INDICATORS.map((id) => <option key={id} value={id}>{t(`ind.${id}` as MessageKey)}</option>)}
            </select>
          </label>
          <ProvinceMap indicator={mapIndicator} period={period} />
          <Breakdowns period={period} />
          <WhereYouthWork period={period} />
          <YouthPlacements />
          <InternationalContext />
          <p className="note">{t('public.note')}</p>
        </>
      )}
    </article>
  );
}

/** One headline figure: the period's estimate and, when there is one, the change since the period before. */
function Headline({ indicator, period, previousPeriod }: { indicator: (typeof HEADLINES)[number]; period: string; previousPeriod?: string }) {
  const { t, number, percent, lang } = useT();
  // One period per request: a whole trend costs ten times more to compute on a cold cache.
  const answer = useQuery('survey-indicator', { indicator, period });
  const before = useQuery('survey-indicator', { indicator, period: previousPeriod ?? period });
  const list = useQuery('survey-indicator-list', {});
  const info = (list.data?.rows ?? []).find((r) => r.id === indicator);
  const formula = info ? String(lang === 'es' ? info.formula_es : info.formula_en) : null;
  const money = MONEY_INDICATORS.has(indicator);
  const rows = [...((answer.data?.rows ?? []) as unknown as Estimate[]), ...(previousPeriod ? ((before.data?.rows ?? []) as unknown as Estimate[]) : [])];
  const { current, previous } = currentAndPrevious(rows, period);
  const show = (v: number | null) => (v === null ? '—' : money ? `${number(v, 0)} USD` : percent(v));
  const delta = change(current, previous, money);
  return (
    <section className={`headline flag-${current?.flag ?? 'none'}`} data-testid={`headline-${indicator}`} aria-label={t(`ind.${indicator}` as MessageKey)}>
      <h2>{t(`ind.${indicator}` as MessageKey)}</h2>
      {answer.loading && !answer.data ? <p>{t('common.loading')}</p> : current?.estimate != null ? (
        <>
          <p className="headline-value" data-testid="headline-value">{show(current.estimate)}</p>
          <p className="headline-ci">{t('public.ci', { low: show(current.ci_low), high: show(current.ci_high) })}</p>
          {delta !== null && previous && (
            <p className="headline-change">{t(money ? 'public.changeUsd' : 'public.change', { sign: delta > 0 ? '+' : delta < 0 ? '−' : '±', value: number(Math.abs(delta), money ? 0 : 1), period: previous.period })}</p>
          )}
        </>
      ) : (
        <p className="headline-value hidden" data-testid="headline-value">{t('public.hidden')}</p>
      )}
      {current && <p className={`badge ${current.flag}`}>{t(`public.flag.${current.flag}` as MessageKey)} · n = {number(current.n)}</p>}
      {current && (
        <details className="explain" data-testid="explain">
          <summary>{t('explain.summary')}</summary>
          {formula && <p>{t('explain.formula', { formula })}</p>}
          <p>{t('explain.source', { period })}</p>
          {current.estimate != null
            ? <p>{t('explain.precision', { cv: current.cv === null ? '—' : percent(current.cv), low: show(current.ci_low), high: show(current.ci_high), n: number(current.n) })}</p>
            : <p>{t('explain.hidden', { reason: t(`public.flag.${current.flag}` as MessageKey) })}</p>}
        </details>
      )}
    </section>
  );
}
