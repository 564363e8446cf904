import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { useKpiFormat } from './KpiCards.tsx';
import { kpiParams, previousPeriod } from './kpi-params.ts';
import { KPIS } from './kpis.ts';
import { policyText } from './messages.ts';
import { comparedOffices } from './OfficesPanel.tsx';

/**
 * Two views of the headline KPIs side by side: two offices ticked in the league table, or the
 * chosen period and the one just before it (URL `comparar=A~B` or `comparar=periodo`).
 */
export function ComparePanel({ period, officeNames }: { period: { from?: string; to?: string }; officeNames: Map<string, string> }) {
  const { lang, month } = useT();
  const { view, setFilters } = useView();
  const f = view.filters;
  const offices = comparedOffices(f);
  const mode = f.comparar === 'periodo' ? 'period' : offices.length === 2 ? 'offices' : offices.length === 1 ? 'hint' : 'none';
  const before = period.from && period.to ? previousPeriod(period.from, period.to) : undefined;
  const left = mode === 'offices' ? kpiParams(f, { oficina: offices[0] }) : mode === 'period' && before ? kpiParams(f, { desde: period.from, hasta: period.to }) : null;
  const right = mode === 'offices' ? kpiParams(f, { oficina: offices[1] }) : mode === 'period' && before ? kpiParams(f, { desde: before.from, hasta: before.to }) : null;
  return (
    <section className="card wide" aria-labelledby="compare-heading" data-testid="compare-panel">
      <header className="card-head">
        <h3 id="compare-heading">{policyText(lang, 'compareTitle')}</h3>
        <div className="card-tools">
          <label className="inline-filter">
            {policyText(lang, 'compare')}
            <select data-testid="compare-mode" value={f.comparar === 'periodo' ? 'period' : offices.length ? 'offices' : 'none'}
              onChange={(e) => setFilters({ comparar: e.target.value === 'period' ? 'periodo' : undefined })}>
              <option value="none">{policyText(lang, 'compareNone')}</option>
              <option value="period">{policyText(lang, 'comparePeriods')}</option>
              <option value="offices" disabled={offices.length === 0}>{policyText(lang, 'compareOffices')}</option>
            </select>
          </label>
        </div>
      </header>
      {(mode === 'hint' || mode === 'none') && <p className="note">{policyText(lang, 'compareHint')}</p>}
      {left && right && (
        <CompareTable
          left={left}
          right={right}
          leftLabel={mode === 'offices' ? officeNames.get(offices[0]!) ?? offices[0]! : `${policyText(lang, 'thisPeriod')} (${month(period.from!)} – ${month(period.to!)})`}
          rightLabel={mode === 'offices' ? officeNames.get(offices[1]!) ?? offices[1]! : `${policyText(lang, 'previousPeriod')} (${month(before!.from)} – ${month(before!.to)})`}
        />
      )}
    </section>
  );
}

function CompareTable({ left, right, leftLabel, rightLabel }: { left: Record<string, string>; right: Record<string, string>; leftLabel: string; rightLabel: string }) {
  const { lang } = useT();
  const format = useKpiFormat();
  const a = useQuery('kpi-summary', left).data?.rows[0];
  const b = useQuery('kpi-summary', right).data?.rows[0];
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={policyText(lang, 'compareTitle')}>
      <table data-testid="compare-table">
        <caption>{policyText(lang, 'compareTitle')}</caption>
        <thead>
          <tr><th scope="col">KPI</th><th scope="col">{leftLabel}</th><th scope="col">{rightLabel}</th></tr>
        </thead>
        <tbody>
          {KPIS.map((k) => (
            <tr key={k.column}>
              <th scope="row">{k.label[lang]}</th>
              <td className="num">{a ? format(k.kind, a[k.column]) : '…'}</td>
              <td className="num">{b ? format(k.kind, b[k.column]) : '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
