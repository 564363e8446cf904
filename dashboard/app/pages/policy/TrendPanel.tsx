import { useEffect, useMemo, useRef } from 'react';
import { Brush, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { kpiParams } from './kpi-params.ts';
import { policyText } from './messages.ts';

/** Okabe-Ito colours, safe for colour-blind readers. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const;

const SERIES = [
  { key: 'registrations', es: 'Registros', en: 'Registrations' },
  { key: 'referrals', es: 'Derivaciones', en: 'Referrals' },
  { key: 'placements', es: 'Colocaciones', en: 'Placements' },
  { key: 'vacancies', es: 'Vacantes', en: 'Vacancies' },
] as const;

/**
 * Monthly trend over the 36 months up to the latest data, under every filter but the period;
 * its brush chooses the period (`desde`, `hasta`) that the rest of the dashboard follows.
 */
export function TrendPanel() {
  const { lang, number, month, t } = useT();
  const { view, setFilters } = useView();
  const f = view.filters;
  const answer = useQuery('kpi-trend', kpiParams(f, { desde: undefined, hasta: undefined }));
  const rows = useMemo(() => (answer.data?.rows ?? []).map((r) => ({ ...r, month: String(r.month) })), [answer.data]);
  const months = rows.map((r) => r.month);
  const start = f.desde ? Math.max(0, months.indexOf(f.desde)) : Math.max(0, months.length - 12);
  const endAt = f.hasta ? months.indexOf(f.hasta) : -1;
  const end = endAt >= 0 ? endAt : months.length - 1;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onBrush = (range: { startIndex?: number; endIndex?: number }) => {
    clearTimeout(timer.current);
    // The brush reports every step of a drag: follow it only once the hand rests.
    timer.current = setTimeout(() => {
      const from = months[range.startIndex ?? 0];
      const to = months[range.endIndex ?? months.length - 1];
      if (from && to && (from !== f.desde || to !== f.hasta)) setFilters({ desde: from, hasta: to });
    }, 350);
  };
  const columns: Column[] = [{ key: 'month', label: policyText(lang, 'month') }, ...SERIES.map((s) => ({ key: s.key, label: s[lang] })), { key: 'positions', label: lang === 'es' ? 'Puestos' : 'Positions' }];
  const format = (key: string, v: unknown) => (key === 'month' ? month(String(v)) : number(Number(v)));
  return (
    <ChartCard
      busy={answer.loading}
      explain={<p>{policyText(lang, 'explainTrend')}</p>}
      title={policyText(lang, 'trendTitle')}
      onDownload={() => downloadCsv(`tendencia-${lang}.csv`, toCsv(rows, columns))}
      downloadTestId="download-trend"
      chart={
        answer.error ? <p role="alert" className="error">{t('common.error', { message: answer.error.message })}</p> :
        <figure className="recharts-figure" data-testid="trend-chart" aria-label={policyText(lang, 'trendAlt', { from: months[0] ? month(months[0]) : '', to: months.at(-1) ? month(months.at(-1)!) : '' })}>
          <ResponsiveContainer width="100%" height={320}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#e5e5e5" vertical={false} />
              <XAxis dataKey="month" tickFormatter={(m: string) => month(m)} minTickGap={24} />
              <YAxis tickFormatter={(v: number) => number(v)} width={64} />
              <Tooltip labelFormatter={(m) => month(String(m))} formatter={(v) => number(Number(v))} />
              <Legend />
              {SERIES.map((s, i) => <Line key={s.key} type="monotone" dataKey={s.key} name={s[lang]} stroke={SERIES_COLORS[i]} strokeWidth={2} dot={false} isAnimationActive={false} />)}
              {rows.length > 1 && <Brush dataKey="month" height={28} stroke="#0072B2" startIndex={start} endIndex={end} tickFormatter={(m: string) => month(m)} onChange={onBrush} />}
            </LineChart>
          </ResponsiveContainer>
          <figcaption className="note">{policyText(lang, 'trendHelp')}</figcaption>
        </figure>
      }
      table={<DataTable rows={rows} columns={columns} caption={policyText(lang, 'trendTitle')} format={format} />}
    />
  );
}
