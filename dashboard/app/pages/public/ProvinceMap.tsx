import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { PROVINCE_TILES } from '../../charts/province-tiles.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import type { MessageKey } from '../../i18n/es.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { choroplethOptions, hatchDefs, parseBoundaries } from './province-choropleth.ts';
import { SurveyExplain } from './SurveyExplain.tsx';
import type { Estimate } from './survey-format.ts';

type ProvinceEstimate = Estimate & { province_code: string; name: string };

/**
 * An indicator by province: a map (unpublishable estimates hatched, estimates to use with caution
 * outlined in dashes) and a ranked dot-and-interval chart of the published ones. The map is a
 * choropleth when province boundaries are loaded (URL `mapa_tipo=cuadricula` asks for the tile
 * grid instead), and a tile grid otherwise.
 */
export function ProvinceMap({ indicator, period }: { indicator: string; period: string }) {
  const { t, percent, number } = useT();
  const answer = useQuery('survey-indicator', { indicator, period, by: 'province' });
  const provinces = useQuery('provinces', {});
  const boundaryAnswer = useQuery('province-boundaries', {});
  const boundaries = useMemo(() => parseBoundaries(boundaryAnswer.data?.rows ?? []), [boundaryAnswer.data]);
  const { view, setFilters } = useView();
  const choropleth = boundaries.length > 0 && view.filters.mapa_tipo !== 'cuadricula';
  const rows = useMemo(() => {
    const names = new Map((provinces.data?.rows ?? []).map((p) => [String(p.code), String(p.name)]));
    return ((answer.data?.rows ?? []) as unknown as ProvinceEstimate[])
      .filter((r) => r.province_code in PROVINCE_TILES)
      .map((r) => ({ ...r, name: names.get(r.province_code) ?? r.province_code }));
  }, [answer.data, provinces.data]);
  const title = t(`ind.${indicator}` as MessageKey);

  const map = useCallback((width: number): PlotOptions => {
    const size = Math.min(70, Math.floor(width / 6.4));
    const tiles = rows.map((r) => ({ ...r, x: PROVINCE_TILES[r.province_code]![0], y: PROVINCE_TILES[r.province_code]![1], short: PROVINCE_TILES[r.province_code]![2] }));
    const shown = tiles.filter((r) => r.estimate !== null);
    return {
      width: size * 6 + 20,
      height: size * 6 + 60,
      x: { axis: null, domain: [0, 6] },
      y: { axis: null, domain: [6, 0] },
      color: { type: 'linear', scheme: 'cividis', reverse: true, legend: true, label: title, tickFormat: (v: number) => percent(v, 0) },
      marks: [
        Plot.rect(tiles.filter((r) => r.estimate === null), { x1: 'x', x2: (r: { x: number }) => r.x + 0.94, y1: 'y', y2: (r: { y: number }) => r.y + 0.94, fill: 'url(#faro-hatch)', stroke: '#9aa5b1' }),
        Plot.rect(shown, { x1: 'x', x2: (r: { x: number }) => r.x + 0.94, y1: 'y', y2: (r: { y: number }) => r.y + 0.94, fill: 'estimate',
          stroke: (r: Estimate) => (r.flag === 'caution' ? '#1f2933' : 'none'), strokeDasharray: '3,2', title: (r: ProvinceEstimate) => `${r.name}: ${percent(r.estimate!)}` }),
        Plot.text(tiles, { x: (r: { x: number }) => r.x + 0.47, y: (r: { y: number }) => r.y + 0.32, text: 'short', fill: (r: Estimate) => (r.estimate !== null && r.estimate > 0 ? 'white' : '#1f2933'), fontWeight: 'bold', fontSize: 10, stroke: (r: Estimate) => (r.estimate !== null ? 'black' : 'none'), strokeOpacity: 0.35 }),
        Plot.text(tiles, { x: (r: { x: number }) => r.x + 0.47, y: (r: { y: number }) => r.y + 0.66, text: (r: Estimate) => (r.estimate === null ? 'n/p' : percent(r.estimate, 0)), fill: (r: Estimate) => (r.estimate !== null ? 'white' : '#1f2933'), fontSize: 10, stroke: (r: Estimate) => (r.estimate !== null ? 'black' : 'none'), strokeOpacity: 0.35 }),
        hatchDefs,
      ],
    };
  }, [rows, percent, title]);

  const geo = useCallback((width: number): PlotOptions => choroplethOptions(boundaries, rows, width, {
    title, inset: t('public.mapInset'), percent,
    tip: (name, r) => (!r ? t('public.mapTipNoData', { name }) : r.estimate === null ? t('public.mapTipHidden', { name })
      : t('public.mapTip', { name, estimate: percent(r.estimate), low: r.ci_low === null ? '—' : percent(r.ci_low), high: r.ci_high === null ? '—' : percent(r.ci_high) })
        + (r.flag === 'caution' ? ` — ${t('public.mapTipCaution')}` : '')),
  }), [boundaries, rows, title, percent, t]);

  const ranking = useCallback((): PlotOptions => {
    const shown = rows.filter((r) => r.estimate !== null);
    return {
      height: Math.max(120, shown.length * 22 + 50),
      marginLeft: 190,
      x: { label: title, tickFormat: (v: number) => percent(v, 0), grid: true, zero: true },
      y: { label: null },
      marks: [
        Plot.ruleY(shown, { y: 'name', x1: 'ci_low', x2: 'ci_high', stroke: '#0072B2', strokeOpacity: 0.45, strokeWidth: 3, sort: { y: '-x' } }),
        Plot.dot(shown, { y: 'name', x: 'estimate', fill: (r: Estimate) => (r.flag === 'caution' ? '#fff' : '#0072B2'), stroke: '#0072B2', r: 4, tip: true }),
      ],
    };
  }, [rows, percent, title]);

  const columns: Column[] = [
    { key: 'name', label: t('col.province') }, { key: 'estimate', label: t('col.estimate') }, { key: 'ci_low', label: t('col.ciLow') },
    { key: 'ci_high', label: t('col.ciHigh') }, { key: 'cv', label: t('col.cv') }, { key: 'n', label: t('col.n') }, { key: 'flag', label: t('col.flag') },
  ];
  const format = (key: string, v: unknown) => (v === null || v === undefined ? '—'
    : ['estimate', 'ci_low', 'ci_high', 'cv'].includes(key) ? percent(v as number)
      : key === 'flag' ? t(`public.flag.${String(v)}` as MessageKey) : typeof v === 'number' ? number(v) : String(v));
  const hidden = rows.filter((r) => r.estimate === null && (!choropleth || boundaries.some((b) => b.code === r.province_code))).length;
  const mapKind = boundaries.length > 0 && (
    <div role="group" aria-label={t('public.mapKind')} className="toggle map-kind" data-testid="map-kind">
      <button type="button" aria-pressed={choropleth} onClick={() => setFilters({ mapa_tipo: undefined })}>{t('public.mapKind.map')}</button>
      <button type="button" aria-pressed={!choropleth} onClick={() => setFilters({ mapa_tipo: 'cuadricula' })}>{t('public.mapKind.tiles')}</button>
    </div>
  );
  const table = <DataTable testId="province-table" rows={rows} columns={columns} caption={title} format={format} />;
  const download = () => downloadCsv(`${indicator}-provincias-${period}.csv`, toCsv(rows, columns));
  return (
    <div className="grid">
      <ChartCard title={t('public.mapTitle', { indicator: title })} onDownload={download} explain={<SurveyExplain indicator={indicator} period={period} />}
        chart={<>{mapKind}<PlotFigure testId="province-map" options={choropleth ? geo : map} describe={t(choropleth ? 'public.choroplethAlt' : 'public.mapAlt', { indicator: title, period, hidden })} /></>} table={table} />
      <ChartCard title={t('public.rankTitle', { indicator: title })} onDownload={download} explain={<SurveyExplain indicator={indicator} period={period} />}
        chart={<PlotFigure testId="province-ranking" options={ranking} describe={t('public.rankAlt', { indicator: title, period })} />} table={table} />
    </div>
  );
}
