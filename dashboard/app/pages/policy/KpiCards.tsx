import type { QueryState } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { COMPANIONS, KPIS, type Kpi, type KpiKind } from './kpis.ts';
import { policyText, type PolicyKey } from './messages.ts';

/** Formats a KPI value by its kind, or a dash when it cannot be observed (null). */
export function useKpiFormat(): (kind: KpiKind, value: unknown) => string {
  const { number, percent, lang } = useT();
  return (kind, value) => {
    if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
    const v = Number(value);
    if (kind === 'share') return percent(v);
    if (kind === 'days') return policyText(lang, 'days', { n: number(v, v < 10 && v % 1 !== 0 ? 1 : 0) });
    return number(v);
  };
}

/**
 * The headline KPIs of `kpi-summary`, in four groups, each card with its companion figure and a
 * "how is this computed?" disclosure holding its formula.
 */
export function KpiCards({ summary }: { summary: QueryState }) {
  const { t, lang, month } = useT();
  const format = useKpiFormat();
  const row = summary.data?.rows[0];
  if (summary.error) return <p role="alert" className="error">{t('common.error', { message: summary.error.message })}</p>;
  if (!row) return <p aria-live="polite">{t('common.loading')}</p>;
  const sections = [...new Set(KPIS.map((k) => k.section))];
  return (
    <section aria-labelledby="kpi-heading" className="kpi-sections" data-testid="kpi-cards" aria-busy={summary.loading}>
      <h2 id="kpi-heading" className="section-title">
        {month(String(row.period_from))} – {month(String(row.period_to))}
        {summary.loading && <span className="updating" role="status" data-testid="kpi-updating">{t('common.updating')}</span>}
      </h2>
      {sections.map((section) => (
        <div key={section} className="kpi-group">
          <h3>{policyText(lang, section as PolicyKey)}</h3>
          <div className="kpi-row">
            {KPIS.filter((k) => k.section === section).map((k) => <KpiCard key={k.column} kpi={k} row={row} format={format} />)}
          </div>
        </div>
      ))}
    </section>
  );
}

function KpiCard({ kpi, row, format }: { kpi: Kpi; row: Record<string, unknown>; format: (kind: KpiKind, value: unknown) => string }) {
  const { lang } = useT();
  const companion = COMPANIONS[kpi.column];
  const value = row[kpi.column];
  return (
    <div className="kpi-card" data-testid={`kpi-${kpi.column}`}>
      <span className="kpi-label">{kpi.label[lang]}</span>
      <span className="kpi-value" data-testid={`kpi-value-${kpi.column}`}>{format(kpi.kind, value)}</span>
      {companion && <span className="kpi-note">{companion.label[lang]}: {format(companion.kind, row[companion.column])}</span>}
      {value === null && <span className="kpi-note">{policyText(lang, 'notObservable')}</span>}
      <details className="explain">
        <summary>{policyText(lang, 'explain')}</summary>
        <p>{kpi.formula[lang]}</p>
      </details>
    </div>
  );
}
