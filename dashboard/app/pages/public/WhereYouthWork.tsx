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
import type { Estimate } from './survey-format.ts';

const OF = ['sector', 'employment_status', 'employment_type', 'occupation'] as const;
type Of = (typeof OF)[number];
type Share = Estimate & Record<Of, string | null>;
type Row = { category: string; code: string; population: string; estimate: number | null; ci_low: number | null; ci_high: number | null; cv: number | null; n: number; flag: string };

/** Okabe-Ito: young people in blue, everyone in orange. */
const COLORS = { youth: '#0072B2', all: '#E69F00' } as const;

/**
 * Where young people work and on what terms: shares of employed persons aged 15-29 by industry,
 * category of occupation (employee, day labourer, own account, unpaid...), sector of employment
 * (formal, informal, domestic) or occupation, beside the shares of all employed
 * persons, each with its 95% interval (URL `trabajo`).
 */
export function WhereYouthWork({ period }: { period: string }) {
  const { t, lang, percent, number } = useT();
  const { view, setFilters } = useView();
  const of: Of = OF.find((o) => o === view.filters.trabajo) ?? 'sector';
  const youth = useQuery('survey-composition', { population: 'employed_15_29', of, period });
  const all = useQuery('survey-composition', { population: 'employed', of, period });
  const classes = useQuery('classifications', {});
  const nameOf = useCallback((code: string) => {
    if (code === 'unknown') return t('common.unknown');
    if (of === 'employment_type' || of === 'employment_status') return t(`${of}.${code}` as MessageKey);
    const row = (classes.data?.rows ?? []).find((r) => r.kind === of && r.code === code);
    return row ? `${code} · ${String(lang === 'es' ? row.name_es : row.name_en)}` : code;
  }, [of, classes.data, lang, t]);
  const rows = useMemo(() => {
    const pick = (answer: typeof youth, population: string): Row[] => ((answer.data?.rows ?? []) as unknown as Share[]).map((r) => ({
      category: nameOf(String(r[of])), code: String(r[of]), population, estimate: r.estimate, ci_low: r.ci_low, ci_high: r.ci_high, cv: r.cv, n: r.n, flag: r.flag,
    }));
    return [...pick(youth, t('public.youth1529')), ...pick(all, t('public.allEmployed'))];
  }, [youth, all, of, nameOf, t]);
  const order = useMemo(() => rows.filter((r) => r.population === t('public.youth1529'))
    .sort((a, b) => (b.estimate ?? -1) - (a.estimate ?? -1)).map((r) => r.category), [rows, t]);
  const ofLabel = t(`public.of.${of}` as MessageKey);

  const chart = useCallback((): PlotOptions => {
    const shown = rows.filter((r) => r.estimate !== null);
    return {
      height: Math.max(160, order.length * 28 + 60),
      marginLeft: of === 'employment_type' || of === 'employment_status' ? 170 : 260,
      x: { label: t('col.estimate'), tickFormat: (v: number) => percent(v, 0), grid: true, zero: true },
      y: { label: null, domain: order, tickFormat: (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s) },
      color: { domain: [t('public.youth1529'), t('public.allEmployed')], range: [COLORS.youth, COLORS.all], legend: true },
      marks: [t('public.youth1529'), t('public.allEmployed')].flatMap((population, i) => {
        const mine = shown.filter((r) => r.population === population);
        const dy = i === 0 ? -4 : 4;
        return [
          Plot.ruleY(mine, { y: 'category', x1: 'ci_low', x2: 'ci_high', stroke: 'population', strokeWidth: 3, strokeOpacity: 0.4, dy }),
          Plot.dot(mine, { y: 'category', x: 'estimate', fill: (r: Row) => (r.flag === 'caution' ? '#fff' : r.population), stroke: 'population', r: 4.5, dy, tip: true }),
        ];
      }),
    };
  }, [rows, order, of, percent, t]);

  const columns: Column[] = [
    { key: 'category', label: t('public.category') }, { key: 'population', label: t('public.population') }, { key: 'estimate', label: t('col.estimate') },
    { key: 'ci_low', label: t('col.ciLow') }, { key: 'ci_high', label: t('col.ciHigh') }, { key: 'cv', label: t('col.cv') }, { key: 'flag', label: t('col.flag') },
  ];
  const format = (key: string, v: unknown) => (v === null || v === undefined ? '—'
    : ['estimate', 'ci_low', 'ci_high', 'cv'].includes(key) ? percent(v as number)
      : key === 'flag' ? t(`public.flag.${String(v)}` as MessageKey) : typeof v === 'number' ? number(v) : String(v));
  return (
    <section aria-labelledby="work-title" className="where-youth-work">
      <h2 id="work-title" className="section-title">{t('public.workTitle', { of: ofLabel, period })}</h2>
      <label className="inline-filter">
        {t('public.workOf')}
        <select data-testid="work-of" value={of} onChange={(e) => setFilters({ trabajo: e.target.value })}>
          {OF.map((o) => <option key={o} value={o}>{t(`public.of.${o}` as MessageKey)}</option>)}
        </select>
      </label>
      <ChartCard
        title={t('public.workTitle', { of: ofLabel, period })}
        onDownload={() => downloadCsv(`ocupados-${of}-${period}.csv`, toCsv(rows, columns))}
        downloadTestId="download-work"
        explain={<SurveyExplain period={period} formula={t('explain.composition')} />}
        chart={<PlotFigure testId="work-chart" options={chart} describe={t('public.workAlt', { of: ofLabel, period })} />}
        table={<DataTable testId="work-table" rows={rows} columns={columns} caption={t('public.workTitle', { of: ofLabel, period })} format={format} />}
      />
    </section>
  );
}
