import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { kpiParams } from './kpi-params.ts';
import { policyText } from './messages.ts';

/** Vacancies by posting-month cohort: positions posted and filled, the fill rate and the median time to fill. */
export function CohortsPanel() {
  const { lang, number, percent, month } = useT();
  const { view } = useView();
  const answer = useQuery('kpi-vacancy-cohorts', kpiParams(view.filters));
  const rows = (answer.data?.rows ?? []).map((r): Record<string, unknown> => ({ ...r, month: String(r.month), fill: r.fill_rate === null ? null : Number(r.fill_rate) }));
  const es = lang === 'es';
  const columns: Column[] = [
    { key: 'month', label: policyText(lang, 'month') },
    { key: 'vacancies', label: es ? 'Vacantes' : 'Vacancies' },
    { key: 'positions', label: es ? 'Puestos' : 'Positions' },
    { key: 'vacancies_filled', label: es ? 'Vacantes cubiertas' : 'Vacancies filled' },
    { key: 'filled_positions', label: es ? 'Puestos cubiertos' : 'Positions filled' },
    { key: 'fill_rate', label: es ? 'Tasa de cobertura' : 'Fill rate' },
    { key: 'median_days_to_fill', label: es ? 'Días para cubrir (mediana)' : 'Days to fill (median)' },
  ];
  const format = (key: string, v: unknown) => (v === null || v === undefined ? '—' : key === 'month' ? month(String(v)) : key === 'fill_rate' ? percent(Number(v)) : number(Number(v)));
  return (
    <ChartCard
      busy={answer.loading}
      explain={<p>{policyText(lang, 'explainCohorts')}</p>}
      title={policyText(lang, 'cohortsTitle')}
      onDownload={() => downloadCsv(`cohortes-vacantes-${lang}.csv`, toCsv(rows, columns))}
      downloadTestId="download-cohorts"
      chart={
        <figure className="recharts-figure" data-testid="cohorts-chart" aria-label={policyText(lang, 'cohortsAlt')}>
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#e5e5e5" vertical={false} />
              <XAxis dataKey="month" tickFormatter={(m: string) => month(m)} minTickGap={24} />
              <YAxis yAxisId="n" tickFormatter={(v: number) => number(v)} width={60} />
              <YAxis yAxisId="r" orientation="right" tickFormatter={(v: number) => percent(v, 0)} domain={[0, 1]} width={48} />
              <Tooltip labelFormatter={(m) => month(String(m))} formatter={(v, name) => (name === columns[5]!.label ? percent(Number(v)) : number(Number(v)))} />
              <Legend />
              <Bar yAxisId="n" dataKey="positions" name={columns[2]!.label} fill="#56B4E9" isAnimationActive={false} />
              <Bar yAxisId="n" dataKey="filled_positions" name={columns[4]!.label} fill="#0072B2" isAnimationActive={false} />
              <Line yAxisId="r" dataKey="fill" name={columns[5]!.label} stroke="#D55E00" strokeWidth={2} dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </figure>
      }
      table={<DataTable testId="cohorts-table" rows={rows} columns={columns} caption={policyText(lang, 'cohortsTitle')} format={format} />}
    />
  );
}
