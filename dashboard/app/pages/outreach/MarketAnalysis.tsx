import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { fileSuffix, labelMargin, shortLabel, PALETTE, QueryStatus, rowsOf } from './common.tsx';
import { useOutreachT } from './messages.ts';

/** A row of `market-sectors`. */
export interface SectorRow {
  sector_code: string;
  survey_period: string;
  employed_territory: number;
  vacancies_territory: number;
  placements_territory: number;
  employment_share_territory: number | null;
  employment_share_nation: number | null;
  vacancy_share_territory: number | null;
  vacancy_share_nation: number | null;
  placement_share_territory: number | null;
  placement_share_nation: number | null;
  lq_employment: number | null;
  lq_vacancies: number | null;
}

/** A row of `market-shift-share`. */
export interface ShiftRow {
  sector_code: string;
  base_period: string;
  current_period: string;
  base_value: number;
  current_value: number;
  change: number;
  national_share: number;
  industry_mix: number;
  competitive_effect: number;
}

const MEASURES = ['employment', 'vacancies', 'placements'] as const;
const EFFECTS = ['national_share', 'industry_mix', 'competitive_effect'] as const;
/** A period "2025-10:2026-09" as "oct 2025 – sep 2026". */
export function periodLabel(month: (m: string) => string, p: string | undefined): string {
  if (!p) return '';
  const [a, b] = p.split(':');
  return b && b !== a ? `${month(a!)} – ${month(b)}` : month(a!);
}

/** Sector structure, location quotients and shift-share of a territory against the nation. */
export function MarketAnalysis({ territory, territoryName }: { territory: string; territoryName: string }) {
  const { t, m, number, percent, month, lang, sectorName, decimal } = useOutreachT();
  const sectors = useQuery('market-sectors', { territory });
  const shift = useQuery('market-shift-share', { territory });
  const rows = useMemo(() => rowsOf<SectorRow>(sectors).filter((r) => r.employed_territory > 0 || r.vacancies_territory > 0 || r.placements_territory > 0)
    .map((r) => ({ ...r, sector: sectorName(r.sector_code) })), [sectors, sectorName]);
  const shiftRows = useMemo(() => rowsOf<ShiftRow>(shift).map((r) => ({ ...r, sector: sectorName(r.sector_code) })), [shift, sectorName]);
  const measureLabel = useCallback((k: string) => m(`measure.${k}` as 'measure.employment'), [m]);
  const effectLabel = useCallback((k: string) => m(`effect.${k}` as 'effect.industry_mix'), [m]);

  const lqLong = useMemo(() => rows.flatMap((r) => [
    { sector: r.sector, measure: 'employment', lq: r.lq_employment, order: r.lq_employment ?? 0 },
    { sector: r.sector, measure: 'vacancies', lq: r.lq_vacancies, order: r.lq_employment ?? 0 },
  ]).filter((d) => d.lq !== null), [rows]);
  const top = [...rows].sort((a, b) => (b.lq_employment ?? 0) - (a.lq_employment ?? 0))[0];

  const lqChart = useCallback((width: number): PlotOptions => ({
    height: Math.max(160, rows.length * 24 + 60),
    marginLeft: labelMargin(width),
    x: { label: 'CL / LQ', grid: true, zero: true, tickFormat: (v: number) => number(v, 1) },
    y: { label: null, tickFormat: shortLabel(width), domain: [...rows].sort((a, b) => (b.lq_employment ?? 0) - (a.lq_employment ?? 0)).map((r) => r.sector) },
    color: { domain: ['employment', 'vacancies'], range: [PALETTE[0], PALETTE[1]], legend: true, tickFormat: measureLabel },
    symbol: { domain: ['employment', 'vacancies'], range: ['circle', 'diamond'] },
    marks: [
      Plot.ruleX([1], { stroke: '#1f2933', strokeDasharray: '4,3' }),
      Plot.ruleY(rows, { y: 'sector', stroke: '#d9e2ec' }),
      Plot.dot(lqLong, { y: 'sector', x: 'lq', fill: 'measure', symbol: 'measure', r: 5, tip: true, title: (d: { measure: string; lq: number; sector: string }) => `${d.sector}\n${measureLabel(d.measure)}: ${number(d.lq, 2)}` }),
    ],
  }), [rows, lqLong, number, measureLabel]);

  const shareLong = useMemo(() => rows.flatMap((r) => [
    { sector: r.sector, measure: 'employment', territory: r.employment_share_territory, nation: r.employment_share_nation },
    { sector: r.sector, measure: 'vacancies', territory: r.vacancy_share_territory, nation: r.vacancy_share_nation },
    { sector: r.sector, measure: 'placements', territory: r.placement_share_territory, nation: r.placement_share_nation },
  ]), [rows]);

  const structureChart = useCallback((width: number): PlotOptions => {
    const wide = width >= 720;
    return {
      height: wide ? Math.max(180, rows.length * 22 + 70) : 3 * (rows.length * 20 + 30) + 40,
      marginLeft: labelMargin(width),
      x: { label: m('share'), grid: true, tickFormat: (v: number) => percent(v, 0), ticks: wide ? 3 : 5 },
      y: { label: null, tickFormat: shortLabel(width) },
      fx: wide ? { label: null, tickFormat: measureLabel, domain: [...MEASURES] } : undefined,
      fy: wide ? undefined : { label: null, tickFormat: measureLabel, domain: [...MEASURES] },
      color: { domain: [m('territoryShare'), m('nationShare')], range: [PALETTE[0], '#1f2933'], legend: true },
      marks: [
        Plot.ruleY(shareLong, { [wide ? 'fx' : 'fy']: 'measure', y: 'sector', stroke: '#d9e2ec' }),
        Plot.tickX(shareLong.filter((d) => d.nation !== null), { [wide ? 'fx' : 'fy']: 'measure', y: 'sector', x: 'nation', stroke: () => m('nationShare'), strokeWidth: 2 }),
        Plot.dot(shareLong.filter((d) => d.territory !== null), { [wide ? 'fx' : 'fy']: 'measure', y: 'sector', x: 'territory', fill: () => m('territoryShare'), r: 4, tip: true,
          title: (d: { sector: string; measure: string; territory: number; nation: number | null }) => `${d.sector}\n${measureLabel(d.measure)}: ${percent(d.territory)} (${m('nationShare')} ${d.nation === null ? '—' : percent(d.nation)})` }),
      ],
    };
  }, [rows, shareLong, m, percent, measureLabel]);

  const shiftLong = useMemo(() => shiftRows.flatMap((r) => EFFECTS.map((e) => ({ sector: r.sector, effect: e, value: r[e] }))), [shiftRows]);
  const base = shiftRows[0]?.base_period;
  const currentPeriod = shiftRows[0]?.current_period;
  const shiftChart = useCallback((width: number): PlotOptions => ({
    height: Math.max(150, shiftRows.length * 30 + 70),
    marginLeft: labelMargin(width),
    x: { label: m('measure.vacancies'), grid: true, tickFormat: (v: number) => number(v, Math.abs(v) < 10 ? 1 : 0) },
    y: { label: null, tickFormat: shortLabel(width), domain: [...shiftRows].sort((a, b) => b.competitive_effect - a.competitive_effect).map((r) => r.sector) },
    color: { domain: [...EFFECTS], range: [PALETTE[5], PALETTE[1], PALETTE[0]], legend: true, tickFormat: effectLabel },
    marks: [
      Plot.barX(shiftLong, Plot.stackX({ y: 'sector', x: 'value', fill: 'effect', order: [...EFFECTS], tip: true,
        title: (d: { sector: string; effect: string; value: number }) => `${d.sector}\n${effectLabel(d.effect)}: ${number(d.value, 1)}` })),
      Plot.ruleX([0], { stroke: '#1f2933' }),
      Plot.dot(shiftRows, { y: 'sector', x: 'change', symbol: 'diamond', fill: '#1f2933', stroke: '#fff', r: 5 }),
    ],
  }), [shiftRows, shiftLong, m, number, effectLabel]);

  const lqColumns: Column[] = [
    { key: 'sector', label: m('sector') }, { key: 'lq_employment', label: `CL ${m('measure.employment')}` }, { key: 'lq_vacancies', label: `CL ${m('measure.vacancies')}` },
    { key: 'employed_territory', label: m('measure.employment') }, { key: 'vacancies_territory', label: m('measure.vacancies') }, { key: 'placements_territory', label: m('measure.placements') },
  ];
  const shareColumns: Column[] = [
    { key: 'sector', label: m('sector') },
    ...MEASURES.flatMap((k) => {
      const s = k === 'employment' ? 'employment_share' : k === 'vacancies' ? 'vacancy_share' : 'placement_share';
      return [{ key: `${s}_territory`, label: `${measureLabel(k)}: ${m('territoryShare')}` }, { key: `${s}_nation`, label: `${measureLabel(k)}: ${m('nationShare')}` }];
    }),
  ];
  const shiftColumns: Column[] = [
    { key: 'sector', label: m('sector') }, { key: 'base_value', label: `${m('measure.vacancies')} (${periodLabel(month, base)})` },
    { key: 'current_value', label: `${m('measure.vacancies')} (${periodLabel(month, currentPeriod)})` }, { key: 'change', label: 'Δ' },
    ...EFFECTS.map((e) => ({ key: e, label: effectLabel(e) })),
  ];
  const format = (key: string, v: unknown) => {
    if (v === null || v === undefined) return '—';
    if (key.startsWith('lq_')) return decimal(v);
    if (key.includes('_share_')) return percent(v as number);
    if (EFFECTS.includes(key as 'industry_mix')) return number(v as number, 1);
    return typeof v === 'number' ? number(v) : String(v);
  };
  const suffix = fileSuffix(territory, lang);

  return (
    <section aria-labelledby="analysis-title">
      <h2 id="analysis-title" className="section-title">{m('view.analisis')}: {territoryName}</h2>
      <QueryStatus state={sectors} />
      {rows[0] && <p className="note">{m('surveyPeriod', { period: rows[0].survey_period })}{currentPeriod ? ` · ${m('period', { period: periodLabel(month, currentPeriod) })}` : ''}</p>}
      {sectors.data && (
        <div className="grid">
          <ChartCard title={m('lqTitle')} downloadTestId="lq-download"
            onDownload={() => downloadCsv(`cociente-localizacion-${suffix}.csv`, toCsv(rows, lqColumns))}
            chart={<figure className="outreach-figure"><PlotFigure testId="lq-chart" options={lqChart} describe={m('lqAlt', { territory: territoryName, top: top?.sector ?? '', value: decimal(top?.lq_employment) })} /><figcaption>{m('lqNote')}</figcaption></figure>}
            table={<DataTable testId="lq-table" rows={rows} columns={lqColumns} caption={m('lqTitle')} format={format} />} />
          <QueryStatus state={shift} />
          {shift.data && (
            <ChartCard title={m('shiftTitle')}
              onDownload={() => downloadCsv(`shift-share-${suffix}.csv`, toCsv(shiftRows, shiftColumns))}
              chart={shiftRows.length === 0 ? <p>{t('common.noRows')}</p> : <figure className="outreach-figure"><PlotFigure testId="shift-chart" options={shiftChart} describe={m('shiftAlt', { territory: territoryName, base: periodLabel(month, base), current: periodLabel(month, currentPeriod) })} />
                <figcaption>{m('shiftNote', { base: periodLabel(month, base), current: periodLabel(month, currentPeriod) })}</figcaption></figure>}
              table={<DataTable testId="shift-table" rows={shiftRows} columns={shiftColumns} caption={m('shiftTitle')} format={format} />} />
          )}
        </div>
      )}
      {sectors.data && (
        <ChartCard title={m('structureTitle')}
          onDownload={() => downloadCsv(`estructura-sectorial-${suffix}.csv`, toCsv(rows, shareColumns))}
          chart={<PlotFigure testId="structure-chart" options={structureChart} describe={m('structureAlt', { territory: territoryName })} />}
          table={<DataTable rows={rows} columns={shareColumns} caption={m('structureTitle')} format={format} />} />
      )}
    </section>
  );
}
