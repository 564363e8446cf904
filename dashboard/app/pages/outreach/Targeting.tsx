import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import type { StaffUser } from '../../data/client.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useView } from '../../view-context.tsx';
import { fileSuffix, labelMargin, shortLabel, PALETTE, QueryStatus, rowsOf } from './common.tsx';
import { FirmLists } from './FirmLists.tsx';
import { useOutreachT } from './messages.ts';
import { useSavedWeights, type SavedWeightsState } from './saved-weights.ts';
import { effectiveWeights, FIRM_WEIGHTS, formatWeight, SECTOR_WEIGHTS, type WeightDef } from './weights.ts';
import { WeightSliders } from './WeightSliders.tsx';

/** A row of `target-sectors`. */
export interface TargetSectorRow {
  rank: number;
  sector_code: string;
  vacancies: number;
  lq_vacancies: number | null;
  competitive_effect: number | null;
  tightness_share: number | null;
  youth_share: number | null;
  lq_contribution: number;
  growth_contribution: number;
  tightness_contribution: number;
  youth_contribution: number;
  score: number;
  reasons: string | string[] | null;
}

const COMPONENTS = ['lq', 'growth', 'tightness', 'youth'] as const;
/** The weights of one score: in force (URL, then the saved ones, then defaults) and how to change them. */
export function useWeights(defs: readonly WeightDef[], store: SavedWeightsState) {
  const { view, setFilters } = useView();
  const { saved } = store;
  const { params, values } = effectiveWeights(defs, view.filters, saved);
  const missing = defs.filter((d) => saved[d.url] && !view.filters[d.url]);
  // Saved weights go into the URL, so that a shared link shows the same ranking.
  useEffect(() => {
    if (missing.length > 0) setFilters(Object.fromEntries(missing.map((d) => [d.url, saved[d.url]])));
  });
  const change = (url: string, v: number) => {
    setFilters({ [url]: formatWeight(v) });
    store.save({ ...saved, ...Object.fromEntries(defs.map((d) => [d.url, formatWeight(values[d.url]!)])), [url]: formatWeight(v) });
  };
  const reset = () => {
    setFilters(Object.fromEntries(defs.map((d) => [d.url, undefined])));
    const rest = { ...saved };
    for (const d of defs) delete rest[d.url];
    store.save(rest);
  };
  return { params, values, change, reset };
}

/** Targeting: ranked sectors with their score contributions and reasons, weight sliders, and the firm lists. */
export function Targeting({ territory, territoryName, user }: { territory: string; territoryName: string; user: StaffUser }) {
  const { m, number, lang, sectorName, reasons, decimal } = useOutreachT();
  const store = useSavedWeights(user);
  const sw = useWeights(SECTOR_WEIGHTS, store);
  const fw = useWeights(FIRM_WEIGHTS, store);
  const answer = useQuery('target-sectors', { territory, ...sw.params });
  const rows = useMemo(() => rowsOf<TargetSectorRow>(answer).map((r) => ({ ...r, sector: sectorName(r.sector_code), reasons_text: reasons(r.reasons) })), [answer, sectorName, reasons]);
  const componentLabel = useCallback((k: string) => m(`w.${k}` as 'w.lq'), [m]);

  const chart = useCallback((width: number): PlotOptions => {
    const long = rows.flatMap((r) => COMPONENTS.map((k) => ({ sector: r.sector, component: k, value: r[`${k}_contribution`] })));
    return {
      height: Math.max(150, rows.length * 30 + 70),
      marginLeft: labelMargin(width),
      marginRight: 50,
      x: { label: m('score'), grid: true, zero: true, tickFormat: (v: number) => number(v, 1) },
      y: { label: null, tickFormat: shortLabel(width), domain: rows.map((r) => r.sector) },
      color: { domain: [...COMPONENTS], range: [PALETTE[0], PALETTE[1], PALETTE[4], PALETTE[2]], legend: true, tickFormat: componentLabel },
      marks: [
        Plot.barX(long, Plot.stackX({ y: 'sector', x: 'value', fill: 'component', order: [...COMPONENTS], tip: true,
          title: (d: { sector: string; component: string; value: number }) => `${d.sector}\n${componentLabel(d.component)}: ${number(d.value, 2)}` })),
        Plot.text(rows, { y: 'sector', x: 'score', text: (r: TargetSectorRow) => number(r.score, 2), dx: 6, textAnchor: 'start', fill: '#1f2933' }),
        Plot.ruleX([0]),
      ],
    };
  }, [rows, m, number, componentLabel]);

  const columns: Column[] = [
    { key: 'rank', label: m('rank') }, { key: 'sector', label: m('sector') }, { key: 'score', label: m('score') },
    ...COMPONENTS.map((k) => ({ key: `${k}_contribution`, label: `${m('contribution')}: ${componentLabel(k)}` })),
    { key: 'lq_vacancies', label: 'CL' }, { key: 'reasons_text', label: m('reasons') },
  ];
  const format = (key: string, v: unknown) => (v === null || v === undefined ? '—' : key === 'rank' ? String(v) : typeof v === 'number' ? decimal(v) : String(v));
  const top = rows[0];

  return (
    <section aria-labelledby="targeting-title">
      <h2 id="targeting-title" className="section-title">{m('sectorsTitle')}: {territoryName}</h2>
      <div className="targeting">
        <div className="weights-panel">
          <WeightSliders title={m('weightsTitle')} defs={SECTOR_WEIGHTS} values={sw.values} onChange={sw.change} onReset={sw.reset} testId="sector-weights" />
          <p className="note" data-testid="weights-saved">{m(store.where === 'office' ? 'weightsSavedOffice' : 'weightsSaved', { user: user.username, office: user.territories[0] ?? '' })}</p>
        </div>
        <div className="targeting-main">
          <QueryStatus state={answer} />
          {answer.data && (
            <ChartCard title={m('sectorsTitle')}
              onDownload={() => downloadCsv(`sectores-prioritarios-${fileSuffix(territory, lang)}.csv`, toCsv(rows, columns))}
              chart={<PlotFigure testId="sector-score-chart" options={chart} describe={m('sectorsAlt', { territory: territoryName, top: top?.sector ?? '', score: decimal(top?.score) })} />}
              table={<DataTable testId="sector-score-table" rows={rows} columns={columns} caption={m('sectorsTitle')} format={format} />} />
          )}
          <ol className="reasons-list" data-testid="sector-ranking" aria-busy={answer.loading}>
            {rows.map((r) => (
              <li key={r.sector_code} data-sector={r.sector_code}>
                <strong>{r.sector}</strong> <span className="score">{decimal(r.score)}</span>
                {r.reasons_text && <span className="why">{r.reasons_text}</span>}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <FirmLists user={user} weights={fw} />
    </section>
  );
}
