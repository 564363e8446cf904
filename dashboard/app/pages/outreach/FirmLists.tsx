import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import type { StaffUser } from '../../data/client.ts';
import { useQuery } from '../../data/client-context.tsx';
import { fileSuffix, labelMargin, shortLabel, ListCard, PALETTE, QueryStatus, rowsOf } from './common.tsx';
import { useOutreachT } from './messages.ts';
import { FIRM_WEIGHTS, type WeightDef } from './weights.ts';
import { WeightSliders } from './WeightSliders.tsx';

/** A row of `target-firms`. */
export interface TargetFirmRow {
  rank: number;
  firm_id: string;
  name: string;
  sector_code: string;
  size_band: string;
  canton_code: string;
  vacancies: number;
  placements: number;
  last_contact: string | null;
  days_since_contact: number | null;
  sector_contribution: number;
  posting_contribution: number;
  fill_contribution: number;
  contact_contribution: number;
  youth_contribution: number;
  score: number;
  reasons: string | string[] | null;
}

const COMPONENTS = ['sector', 'posting', 'fill', 'contact', 'youth'] as const;
const CHART_TOP = 15;

/** The weights hook's answer, as {@link FirmLists} uses it. */
interface Weights {
  params: Record<string, string>;
  values: Record<string, number>;
  change: (url: string, v: number) => void;
  reset: () => void;
}

/**
 * The firm-level lists of a concertador's territories: ranked firms (the visit list, exported as
 * CSV), follow-ups due, ageing vacancies and the visit loop. Other staff see why they are hidden.
 */
export function FirmLists({ user, weights }: { user: StaffUser; weights: Weights }) {
  const { m } = useOutreachT();
  if (user.role !== 'concertador') return <p className="notice" role="note" data-testid="only-concertadores">{m('onlyConcertadores')}</p>;
  return <Lists user={user} weights={weights} />;
}

function Lists({ user, weights }: { user: StaffUser; weights: Weights }) {
  const { m, number, lang, sectorName, occupationName, reasons, decimal } = useOutreachT();
  const forbidden = <p className="notice" role="note" data-testid="only-concertadores">{m('onlyConcertadores')}</p>;
  const firms = useQuery('target-firms', { ...weights.params, limit: 500 });
  const followup = useQuery('followup-due', {});
  const ageing = useQuery('ageing-vacancies', {});
  const loop = useQuery('visit-loop', {});
  const componentLabel = useCallback((k: string) => m((FIRM_WEIGHTS.find((d: WeightDef) => d.param === `w_${k}`)?.label ?? 'w.sector')), [m]);
  const sizeLabel = useCallback((s: unknown) => (s ? m(`size.${String(s)}` as 'size.micro') : '—'), [m]);
  const firmRows = useMemo(() => rowsOf<TargetFirmRow>(firms).map((r) => ({ ...r, sector: sectorName(r.sector_code), size: sizeLabel(r.size_band), reasons_text: reasons(r.reasons), reason_codes: Array.isArray(r.reasons) ? r.reasons.join(',') : r.reasons ?? '' })),
    [firms, sectorName, sizeLabel, reasons]);
  const suffix = fileSuffix(user.territories.join('-'), lang);

  const firmChart = useCallback((width: number): PlotOptions => {
    const shown = firmRows.slice(0, CHART_TOP);
    const label = (r: { rank: number; name: string }) => `${r.rank}. ${r.name.length > 26 ? `${r.name.slice(0, 25)}…` : r.name}`;
    const long = shown.flatMap((r) => COMPONENTS.map((k) => ({ firm: label(r), component: k, value: r[`${k}_contribution`] })));
    return {
      height: shown.length * 26 + 80,
      marginLeft: labelMargin(width) + 20,
      marginRight: 46,
      x: { label: m('score'), grid: true, zero: true, tickFormat: (v: number) => number(v, 1) },
      y: { label: null, tickFormat: shortLabel(width), domain: shown.map(label) },
      color: { domain: [...COMPONENTS], range: [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4], PALETTE[3]], legend: true, tickFormat: componentLabel },
      marks: [
        Plot.barX(long, Plot.stackX({ y: 'firm', x: 'value', fill: 'component', order: [...COMPONENTS], tip: true,
          title: (d: { firm: string; component: string; value: number }) => `${d.firm}\n${componentLabel(d.component)}: ${number(d.value, 2)}` })),
        Plot.text(shown, { y: label, x: 'score', text: (r: TargetFirmRow) => number(r.score, 2), dx: 6, textAnchor: 'start', fill: '#1f2933' }),
        Plot.ruleX([0]),
      ],
    };
  }, [firmRows, m, number, componentLabel]);

  const visitColumns: Column[] = [
    { key: 'rank', label: m('rank') }, { key: 'name', label: m('firm') }, { key: 'sector', label: m('sector') }, { key: 'canton_code', label: m('canton') },
    { key: 'size', label: m('size') }, { key: 'vacancies', label: m('measure.vacancies') }, { key: 'placements', label: m('measure.placements') },
    { key: 'last_contact', label: lang === 'es' ? 'Último contacto' : 'Last contact' }, { key: 'score', label: m('score') }, { key: 'reasons_text', label: m('reasons') },
  ];
  const csvColumns: Column[] = [
    ...visitColumns.slice(0, 9), ...COMPONENTS.map((k) => ({ key: `${k}_contribution`, label: `${m('contribution')}: ${componentLabel(k)}` })),
    visitColumns[9]!, { key: 'reason_codes', label: `${m('reasons')} (codes)` }, { key: 'firm_id', label: 'firm_id' },
  ];
  const format = (key: string, v: unknown) => (v === null || v === undefined ? (key === 'last_contact' ? m('never') : '—')
    : key === 'rank' ? String(v) : key === 'score' || key.endsWith('_contribution') ? decimal(v) : typeof v === 'number' ? number(v) : String(v));
  const exportVisits = () => downloadCsv(`lista-de-visitas-${suffix}.csv`, toCsv(firmRows, csvColumns));

  const followRows = rowsOf<Record<string, unknown>>(followup).map((r) => ({ ...r, sector: sectorName(r.sector_code), size: sizeLabel(r.size_band), reasons_text: reasons(r.reasons) }));
  const followColumns: Column[] = [
    { key: 'name', label: m('firm') }, { key: 'sector', label: m('sector') }, { key: 'canton_code', label: m('canton') },
    { key: 'last_facilitation', label: lang === 'es' ? 'Última facilitación' : 'Last facilitation' }, { key: 'days_since_facilitation', label: lang === 'es' ? 'Días desde la facilitación' : 'Days since facilitation' },
    { key: 'new_vacancies', label: lang === 'es' ? 'Vacantes nuevas' : 'New vacancies' }, { key: 'last_contact', label: lang === 'es' ? 'Último contacto' : 'Last contact' }, { key: 'reasons_text', label: m('reasons') },
  ];
  const ageRows = rowsOf<Record<string, unknown>>(ageing).map((r) => ({ ...r, sector: sectorName(r.sector_code), occupation: occupationName(r.occupation_code), band: m(`band.${String(r.age_band)}` as 'band.over_30') }));
  const ageColumns: Column[] = [
    { key: 'vacancy_id', label: lang === 'es' ? 'Vacante' : 'Vacancy' }, { key: 'firm_name', label: m('firm') }, { key: 'occupation', label: m('occupation') },
    { key: 'canton_code', label: m('canton') }, { key: 'posted_on', label: lang === 'es' ? 'Publicada' : 'Posted' }, { key: 'age_days', label: lang === 'es' ? 'Días abierta' : 'Days open' },
    { key: 'band', label: lang === 'es' ? 'Tramo' : 'Band' }, { key: 'positions', label: lang === 'es' ? 'Puestos' : 'Positions' },
    { key: 'referrals', label: lang === 'es' ? 'Derivaciones' : 'Referrals' }, { key: 'compatible_seekers', label: lang === 'es' ? 'Buscadores compatibles' : 'Compatible seekers' },
  ];
  const loopRows = rowsOf<Record<string, number | string>>(loop).map((r) => ({ ...r, size: sizeLabel(r.size_band) }));
  const perContact = [lang === 'es' ? 'Vacantes por contacto' : 'Vacancies per contact', lang === 'es' ? 'Colocaciones por contacto' : 'Placements per contact'] as const;
  const loopColumns: Column[] = [
    { key: 'size', label: m('size') }, { key: 'firms', label: lang === 'es' ? 'Empresas' : 'Firms' }, { key: 'contacted_firms', label: lang === 'es' ? 'Contactadas' : 'Contacted' },
    { key: 'contacts', label: lang === 'es' ? 'Contactos' : 'Contacts' }, { key: 'vacancies_per_contact', label: perContact[0] }, { key: 'placements_per_contact', label: perContact[1] },
    { key: 'repeat_posting_share', label: lang === 'es' ? 'Publican de forma recurrente' : 'Post repeatedly' },
  ];
  const loopFormat = (key: string, v: unknown) => (v === null || v === undefined ? '—' : key.endsWith('_per_contact') ? decimal(v) : key.endsWith('_share') ? `${number((v as number) * 100, 0)} %` : typeof v === 'number' ? number(v) : String(v));

  return (
    <section aria-labelledby="firms-title" className="firm-lists">
      <h2 id="firms-title" className="section-title">{m('firmsTitle')}</h2>
      <p className="note" data-testid="scope-note">{m('scopeNote', { codes: user.territories.join(', ') })}</p>
      <div className="targeting">
        <div className="weights-panel">
          <WeightSliders title={m('firmWeightsTitle')} defs={FIRM_WEIGHTS} values={weights.values} onChange={weights.change} onReset={weights.reset} testId="firm-weights" />
        </div>
        <div className="targeting-main">
          <QueryStatus state={firms} forbidden={forbidden} />
          {firms.data && (
            <ChartCard title={m('firmsTitle')} onDownload={exportVisits}
              chart={<figure className="outreach-figure"><PlotFigure testId="firm-score-chart" options={firmChart} describe={m('firmsAlt', { n: Math.min(CHART_TOP, firmRows.length) })} />
                <figcaption>{m('showingTop', { n: Math.min(CHART_TOP, firmRows.length), total: firmRows.length })}</figcaption></figure>}
              table={<DataTable rows={firmRows} columns={csvColumns.slice(0, -2)} caption={m('firmsTitle')} format={format} />} />
          )}
        </div>
      </div>
      {firms.data && (
        <ListCard title={m('visitList')} onDownload={exportVisits} downloadLabel={m('exportVisits')} downloadTestId="export-visits">
          <DataTable testId="firms-table" rows={firmRows} columns={visitColumns} caption={m('firmsTitle')} format={format} />
        </ListCard>
      )}
      <ListCard title={m('followupTitle')} onDownload={followup.data ? () => downloadCsv(`seguimiento-${suffix}.csv`, toCsv(followRows, followColumns)) : undefined}>
        <QueryStatus state={followup} forbidden={forbidden} />
        {followup.data && (followRows.length === 0 ? <p>{m('followupNone')}</p>
          : <DataTable testId="followup-table" rows={followRows} columns={followColumns} caption={m('followupTitle')} format={format} />)}
      </ListCard>
      <ChartCard title={m('loopTitle')} onDownload={() => downloadCsv(`visitas-por-tamano-${suffix}.csv`, toCsv(loopRows, loopColumns))}
        chart={loopRows.length === 0 ? <QueryStatus state={loop} forbidden={forbidden} /> : (
          <figure className="outreach-figure loop-figure" role="img" aria-label={m('loopAlt')} data-testid="loop-chart">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart data={loopRows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} style={{ fontSize: '0.8rem' }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="size" />
                <YAxis tickFormatter={(v: number) => number(v, 1)} width={40} />
                <Tooltip formatter={(v) => decimal(Number(v))} />
                <Legend />
                <Bar dataKey="vacancies_per_contact" name={perContact[0]} fill={PALETTE[0]} />
                <Bar dataKey="placements_per_contact" name={perContact[1]} fill={PALETTE[1]} />
              </BarChart>
            </ResponsiveContainer>
          </figure>)}
        table={<DataTable testId="loop-table" rows={loopRows} columns={loopColumns} caption={m('loopTitle')} format={loopFormat} />} />
      <ListCard title={m('ageingTitle')} lead={m('ageingLead')} onDownload={ageing.data ? () => downloadCsv(`vacantes-envejecen-${suffix}.csv`, toCsv(ageRows, ageColumns)) : undefined}>
        <QueryStatus state={ageing} forbidden={forbidden} />
        {ageing.data && (ageRows.length === 0 ? <p>{m('ageingNone')}</p>
          : <DataTable testId="ageing-table" rows={ageRows} columns={ageColumns} caption={m('ageingTitle')} format={format} />)}
      </ListCard>
    </section>
  );
}
