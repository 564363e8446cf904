import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { kpiParams } from './kpi-params.ts';
import { policyText } from './messages.ts';
import { SERIES_COLORS } from './TrendPanel.tsx';

const STAGES = [
  { key: 'registered', es: 'Registro', en: 'Registered' },
  { key: 'referred', es: 'Derivación', en: 'Referred' },
  { key: 'interviewed', es: 'Entrevista', en: 'Interviewed' },
  { key: 'placed', es: 'Colocación', en: 'Placed' },
  { key: 'retained_3m', es: 'Permanece 3 m', en: 'Retained 3 m' },
  { key: 'retained_6m', es: 'Permanece 6 m', en: 'Retained 6 m' },
] as const;

const BY = ['none', 'sex', 'age_band', 'disability', 'office'] as const;
const BY_LABELS: Record<(typeof BY)[number], { es: string; en: string }> = {
  none: { es: 'Sin desagregar', en: 'No breakdown' },
  sex: { es: 'Sexo', en: 'Sex' },
  age_band: { es: 'Grupo de edad', en: 'Age group' },
  disability: { es: 'Discapacidad', en: 'Disability' },
  office: { es: 'Oficina', en: 'Office' },
};

/** At most this many groups are drawn side by side; the table holds them all. */
const MAX_DRAWN = 6;

/** The cohort funnel, registration to retention at 6 months, whole or by a chosen group (URL `embudo`). */
export function FunnelPanel({ officeNames }: { officeNames: Map<string, string> }) {
  const { lang, number, percent } = useT();
  const { view, setFilters } = useView();
  const by = (BY as readonly string[]).includes(view.filters.embudo ?? '') ? (view.filters.embudo as (typeof BY)[number]) : 'none';
  const answer = useQuery('kpi-funnel', { ...kpiParams(view.filters), by });
  const groupLabel = (g: unknown) => {
    const s = String(g ?? '');
    if (by === 'sex') return s === 'F' ? policyText(lang, 'sexF') : s === 'M' ? policyText(lang, 'sexM') : s;
    if (by === 'disability') return s === 'true' ? (lang === 'es' ? 'Con discapacidad' : 'With disability') : s === 'false' ? (lang === 'es' ? 'Sin discapacidad' : 'Without disability') : s;
    if (by === 'office') return officeNames.get(s) ?? s;
    return s === '*' || s === 'all' || s === '' ? policyText(lang, 'total') : s;
  };
  const rows = (answer.data?.rows ?? []).map((r): Record<string, unknown> => ({ ...r, group: groupLabel(r.group) }));
  const drawn = [...rows].sort((a, b) => Number(b.registered) - Number(a.registered)).slice(0, MAX_DRAWN);
  const stages = STAGES.map((s) => ({ stage: s[lang], ...Object.fromEntries(drawn.map((r) => [String(r.group), Number(r[s.key])])) }));
  const columns: Column[] = [{ key: 'group', label: policyText(lang, 'group') }, ...STAGES.map((s) => ({ key: s.key, label: s[lang] })), { key: 'placement_rate', label: lang === 'es' ? 'Tasa de colocación' : 'Placement rate' }];
  const format = (key: string, v: unknown) => (key === 'group' ? String(v) : key === 'placement_rate' ? (v === null ? '—' : percent(Number(v))) : number(Number(v)));
  return (
    <ChartCard
      busy={answer.loading}
      explain={<p>{policyText(lang, 'explainFunnel')}</p>}
      title={policyText(lang, 'funnelTitle')}
      onDownload={() => downloadCsv(`embudo-${by}-${lang}.csv`, toCsv(rows, columns))}
      downloadTestId="download-funnel"
      chart={
        <figure className="recharts-figure" data-testid="funnel-chart" aria-label={policyText(lang, 'funnelAlt')}>
          <label className="inline-filter">
            {policyText(lang, 'funnelBy')}
            <select data-testid="funnel-by" value={by} onChange={(e) => setFilters({ embudo: e.target.value === 'none' ? undefined : e.target.value })}>
              {BY.map((b) => <option key={b} value={b}>{BY_LABELS[b][lang]}</option>)}
            </select>
          </label>
          <ResponsiveContainer width="100%" height={Math.max(260, 40 + STAGES.length * (18 + 10 * drawn.length))}>
            <BarChart data={stages} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#e5e5e5" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => number(v)} />
              <YAxis type="category" dataKey="stage" width={120} interval={0} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => number(Number(v))} />
              {drawn.length > 1 && <Legend />}
              {drawn.map((r, i) => <Bar key={String(r.group)} dataKey={String(r.group)} fill={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />)}
            </BarChart>
          </ResponsiveContainer>
        </figure>
      }
      table={<DataTable testId="funnel-table" rows={rows} columns={columns} caption={policyText(lang, 'funnelTitle')} format={format} />}
    />
  );
}
