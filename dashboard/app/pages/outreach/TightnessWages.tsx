import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useView } from '../../view-context.tsx';
import { fileSuffix, labelMargin, shortLabel, PALETTE, QueryStatus, rowsOf } from './common.tsx';
import { useOutreachT } from './messages.ts';

/** A row of `market-tightness`. */
export interface TightRow {
  code: string;
  at: string;
  open_vacancies: number;
  open_positions: number;
  active_seekers: number;
  positions_per_seeker: number | null;
  seekers_per_position: number | null;
  flag: string | null;
}

/** A row of `market-wages`. */
export interface WageRow {
  occupation_code: string;
  vacancies_with_wage: number;
  median_wage_offered: number | null;
  median_wage_offered_nation: number | null;
  earned_n: number;
  median_wage_earned: number | null;
  median_wage_earned_nation: number | null;
  offered_to_earned: number | null;
  earned_flag: string | null;
}

/** Colours of the tightness flags (Okabe-Ito). */
export const FLAG_COLORS: Record<string, string> = { firms_lack_candidates: PALETTE[4], balanced: PALETTE[2], seekers_lack_vacancies: PALETTE[0] };

/** Tightness by sector or occupation (URL `tension`), and wages offered against earned by occupation. */
export function TightnessWages({ territory, territoryName }: { territory: string; territoryName: string }) {
  const { m, number, lang, sectorName, occupationName, decimal, money } = useOutreachT();
  const { view, setFilters } = useView();
  const by = view.filters.tension === 'ocupacion' ? 'occupation' : 'sector';
  const tight = useQuery('market-tightness', { territory, by });
  const wages = useQuery('market-wages', { territory });
  const name = by === 'sector' ? sectorName : occupationName;
  const all = rowsOf<TightRow>(tight);
  const whole = all.find((r) => r.code === '*');
  const tightRows = useMemo(() => all.filter((r) => r.code !== '*').map((r) => ({ ...r, name: name(r.code) })), [all, name]);
  const flagLabel = useCallback((f: unknown) => (f ? m(`flag.${String(f)}` as 'flag.balanced') : '—'), [m]);

  const tightChart = useCallback((width: number): PlotOptions => {
    const shown = tightRows.filter((r) => r.positions_per_seeker !== null);
    return {
      height: Math.max(140, shown.length * 26 + 70),
      marginLeft: labelMargin(width),
      x: { label: m('tightTitle').split(':')[1]?.trim() ?? '', grid: true, zero: true, tickFormat: (v: number) => number(v, 1), domain: [0, Math.max(1.2, ...shown.map((r) => r.positions_per_seeker!))] },
      y: { label: null, tickFormat: shortLabel(width), domain: [...shown].sort((a, b) => b.positions_per_seeker! - a.positions_per_seeker!).map((r) => r.name) },
      color: { domain: Object.keys(FLAG_COLORS), range: Object.values(FLAG_COLORS), legend: true, tickFormat: flagLabel },
      marks: [
        Plot.barX(shown, { y: 'name', x: 'positions_per_seeker', fill: 'flag', tip: true,
          title: (r: TightRow & { name: string }) => `${r.name}\n${r.open_positions} / ${r.active_seekers} = ${number(r.positions_per_seeker!, 2)}\n${flagLabel(r.flag)}` }),
        Plot.ruleX([1 / 3, 1], { stroke: '#1f2933', strokeDasharray: '4,3' }),
        Plot.ruleX([0]),
      ],
    };
  }, [tightRows, m, number, flagLabel]);

  const wageRows = useMemo(() => rowsOf<WageRow>(wages).filter((r) => r.median_wage_offered !== null || r.median_wage_earned !== null)
    .map((r) => ({ ...r, name: occupationName(r.occupation_code) })), [wages, occupationName]);
  const wagesChart = useCallback((width: number): PlotOptions => {
    const both = wageRows.filter((r) => r.median_wage_offered !== null && r.median_wage_earned !== null);
    const long = wageRows.flatMap((r) => [
      { name: r.name, kind: m('offered'), value: r.median_wage_offered, small: false },
      { name: r.name, kind: m('earned'), value: r.median_wage_earned, small: r.earned_flag === 'small_sample' },
    ]).filter((d) => d.value !== null);
    return {
      height: Math.max(140, wageRows.length * 26 + 70),
      marginLeft: labelMargin(width),
      x: { label: 'USD', grid: true, zero: true, tickFormat: (v: number) => money(v) },
      y: { label: null, tickFormat: shortLabel(width), domain: wageRows.map((r) => r.name) },
      color: { domain: [m('offered'), m('earned')], range: [PALETTE[0], PALETTE[4]], legend: true },
      symbol: { domain: [m('offered'), m('earned')], range: ['circle', 'square'] },
      marks: [
        Plot.link(both, { y1: 'name', y2: 'name', x1: 'median_wage_earned', x2: 'median_wage_offered', stroke: '#9aa5b1', strokeWidth: 2 }),
        Plot.dot(long.filter((d) => !d.small), { y: 'name', x: 'value', fill: 'kind', symbol: 'kind', r: 5, tip: true,
          title: (d: { name: string; kind: string; value: number }) => `${d.name}\n${d.kind}: ${money(d.value)}` }),
        Plot.dot(long.filter((d) => d.small), { y: 'name', x: 'value', stroke: 'kind', symbol: 'kind', fill: 'white', strokeWidth: 2, r: 5, tip: true,
          title: (d: { name: string; kind: string; value: number }) => `${d.name}\n${d.kind}: ${money(d.value)} (${m('flag.small_sample')})` }),
      ],
    };
  }, [wageRows, m, money]);

  const tightColumns: Column[] = [
    { key: 'name', label: by === 'sector' ? m('sector') : m('occupation') }, { key: 'open_vacancies', label: lang === 'es' ? 'Vacantes abiertas' : 'Open vacancies' },
    { key: 'open_positions', label: lang === 'es' ? 'Puestos abiertos' : 'Open positions' }, { key: 'active_seekers', label: lang === 'es' ? 'Buscadores activos' : 'Active seekers' },
    { key: 'positions_per_seeker', label: lang === 'es' ? 'Puestos por buscador' : 'Positions per seeker' }, { key: 'flag', label: lang === 'es' ? 'Señal' : 'Signal' },
  ];
  const wageColumns: Column[] = [
    { key: 'name', label: m('occupation') }, { key: 'median_wage_offered', label: m('offered') }, { key: 'median_wage_offered_nation', label: `${m('offered')} · ${m('nationShare')}` },
    { key: 'median_wage_earned', label: m('earned') }, { key: 'median_wage_earned_nation', label: `${m('earned')} · ${m('nationShare')}` },
    { key: 'offered_to_earned', label: lang === 'es' ? 'Razón ofrecido / percibido' : 'Offered / earned' }, { key: 'earned_n', label: 'n' }, { key: 'earned_flag', label: lang === 'es' ? 'Calidad' : 'Quality' },
  ];
  const format = (key: string, v: unknown) => {
    if (key === 'flag' || key === 'earned_flag') return flagLabel(v);
    if (v === null || v === undefined) return '—';
    if (key.startsWith('median_wage')) return money(v as number);
    if (key === 'positions_per_seeker' || key === 'offered_to_earned') return decimal(v);
    return typeof v === 'number' ? number(v) : String(v);
  };
  const suffix = fileSuffix(territory, lang);
  const byLabel = m(`by.${by}`);

  return (
    <section aria-labelledby="tight-title">
      <h2 id="tight-title" className="section-title">{m('tightTitle')}</h2>
      <label className="inline-filter">
        {m('tightBy')}
        <select data-testid="tightness-by" value={by} onChange={(e) => setFilters({ tension: e.target.value === 'occupation' ? 'ocupacion' : undefined })}>
          <option value="sector">{m('by.sector')}</option>
          <option value="occupation">{m('by.occupation')}</option>
        </select>
      </label>
      {whole && (
        <p className="kpi" data-testid="tightness-total">
          <span className="kpi-label">{m('allSectors')}</span>
          <span className="kpi-value">{decimal(whole.positions_per_seeker)}</span>
          <span className="kpi-note">{number(whole.open_positions)} / {number(whole.active_seekers)} · {flagLabel(whole.flag)}</span>
        </p>
      )}
      <QueryStatus state={tight} />
      <QueryStatus state={wages} />
      <div className="grid">
        {tight.data && (
          <ChartCard title={`${m('tightTitle')} (${byLabel.toLowerCase()})`}
            onDownload={() => downloadCsv(`tension-${by}-${suffix}.csv`, toCsv(tightRows, tightColumns))}
            chart={<figure className="outreach-figure"><PlotFigure testId="tightness-chart" options={tightChart}
              describe={m('tightAlt', { by: byLabel.toLowerCase(), territory: territoryName, at: whole?.at ?? '', n: tightRows.filter((r) => r.flag === 'firms_lack_candidates').length })} />
              <figcaption>{m('tightNote')}</figcaption></figure>}
            table={<DataTable testId="tightness-table" rows={tightRows} columns={tightColumns} caption={m('tightTitle')} format={format} />} />
        )}
        {wages.data && (
          <ChartCard title={m('wagesTitle')}
            onDownload={() => downloadCsv(`salarios-${suffix}.csv`, toCsv(wageRows, wageColumns))}
            chart={<figure className="outreach-figure"><PlotFigure testId="wages-chart" options={wagesChart} describe={m('wagesAlt', { territory: territoryName })} />
              <figcaption>{m('wagesNote')}</figcaption></figure>}
            table={<DataTable testId="wages-table" rows={wageRows} columns={wageColumns} caption={m('wagesTitle')} format={format} />} />
        )}
      </div>
    </section>
  );
}
