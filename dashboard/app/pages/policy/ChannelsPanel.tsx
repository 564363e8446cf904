import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { kpiParams } from './kpi-params.ts';
import { policyText } from './messages.ts';
import { channelLabel } from './PolicyFilters.tsx';

/**
 * Channels of the service (counselling, portal, fairs, workshops for seekers and for employers):
 * attendance and the share of attendees placed within 90 days. Picking a bar filters the page.
 */
export function ChannelsPanel() {
  const { lang, number, percent } = useT();
  const { view, setFilters } = useView();
  const answer = useQuery('kpi-channels', kpiParams(view.filters));
  const rows = (answer.data?.rows ?? []).map((r): Record<string, unknown> => ({ ...r, label: channelLabel(lang, String(r.channel)), conversion: r.conversion_90d === null ? null : Number(r.conversion_90d) }));
  const es = lang === 'es';
  const columns: Column[] = [
    { key: 'label', label: policyText(lang, 'channel') },
    { key: 'events', label: es ? 'Eventos' : 'Events' },
    { key: 'persons', label: es ? 'Personas' : 'Persons' },
    { key: 'firms', label: es ? 'Empresas' : 'Firms' },
    { key: 'persons_observable', label: es ? 'Personas con 90 días observables' : 'Persons with 90 observable days' },
    { key: 'persons_placed_90d', label: es ? 'Colocadas en 90 días' : 'Placed within 90 days' },
    { key: 'conversion_90d', label: es ? 'Conversión a 90 días' : '90-day conversion' },
  ];
  const format = (key: string, v: unknown) => (key === 'label' ? String(v) : key === 'conversion_90d' ? (v === null ? '—' : percent(Number(v))) : number(Number(v)));
  return (
    <ChartCard
      busy={answer.loading}
      explain={<p>{policyText(lang, 'explainChannels')}</p>}
      title={policyText(lang, 'channelsTitle')}
      onDownload={() => downloadCsv(`canales-${lang}.csv`, toCsv(rows, columns))}
      downloadTestId="download-channels"
      chart={
        <figure className="recharts-figure" data-testid="channels-chart" aria-label={policyText(lang, 'channelsAlt')}>
          <ResponsiveContainer width="100%" height={300}>
            <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#e5e5e5" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => percent(v, 0)} domain={[0, 'auto']} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => percent(Number(v))} />
              <Bar dataKey="conversion" name={es ? 'Conversión a 90 días' : '90-day conversion'} isAnimationActive={false} cursor="pointer"
                onClick={(d: { payload?: { channel?: unknown } }) => d.payload?.channel && setFilters({ canal: view.filters.canal === String(d.payload.channel) ? undefined : String(d.payload.channel) })}>
                {rows.map((r) => <Cell key={String(r.channel)} fill={view.filters.canal === r.channel ? '#D55E00' : '#0072B2'} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
      }
      table={<DataTable testId="channels-table" rows={rows} columns={columns} caption={policyText(lang, 'channelsTitle')} format={format} />}
    />
  );
}
