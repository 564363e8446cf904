import { downloadCsv, toCsv, type Column } from '../../components/download-csv.ts';
import type { QueryState } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { policyText } from './messages.ts';

/** The offices ticked for comparison, from the URL (`comparar=A~B`). */
export function comparedOffices(filters: Readonly<Record<string, string>>): string[] {
  const value = filters.comparar ?? '';
  return value === 'periodo' ? [] : value.split('~').filter(Boolean).slice(0, 2);
}

/**
 * The office league table (`kpi-offices`, under every filter but the office), ranked by its
 * documented composite score with each part shown. Picking an office filters the dashboard;
 * ticking two compares them side by side.
 */
export function OfficesPanel({ answer }: { answer: QueryState }) {
  const { lang, number, percent, t } = useT();
  const { view, setFilters } = useView();
  const es = lang === 'es';
  const ticked = comparedOffices(view.filters);
  const rows = [...(answer.data?.rows ?? [])].sort((a, b) => Number(b.score ?? -Infinity) - Number(a.score ?? -Infinity)).map((r, i): Record<string, unknown> => ({ rank: i + 1, ...r }));
  const toggle = (code: string) => {
    const next = ticked.includes(code) ? ticked.filter((c) => c !== code) : [...ticked, code].slice(-2);
    setFilters({ comparar: next.length ? next.join('~') : undefined });
  };
  const columns: Column[] = [
    { key: 'rank', label: policyText(lang, 'rank') },
    { key: 'office_name', label: policyText(lang, 'office') },
    { key: 'province_code', label: t('col.province') },
    { key: 'placements', label: es ? 'Colocaciones' : 'Placements' },
    { key: 'placement_rate', label: es ? 'Tasa de colocación' : 'Placement rate' },
    { key: 'retention_3m', label: es ? 'Permanencia 3 m' : 'Retention 3 m' },
    { key: 'median_days_to_placement', label: es ? 'Días a colocación (mediana)' : 'Days to placement (median)' },
    { key: 'target_placements', label: policyText(lang, 'target') },
    { key: 'placements_vs_target', label: policyText(lang, 'vsTarget') },
    { key: 'score_placements', label: policyText(lang, 'scorePlacements') },
    { key: 'score_rate', label: policyText(lang, 'scoreRate') },
    { key: 'score_retention', label: policyText(lang, 'scoreRetention') },
    { key: 'score_speed', label: policyText(lang, 'scoreSpeed') },
    { key: 'score', label: policyText(lang, 'score') },
  ];
  const format = (key: string, v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (key === 'placement_rate' || key === 'retention_3m' || key === 'placements_vs_target') return percent(Number(v));
    if (key.startsWith('score')) return number(Number(v), 2);
    if (typeof v === 'number') return number(v);
    return String(v);
  };
  return (
    <section className="card wide" aria-labelledby="offices-heading">
      <header className="card-head">
        <h3 id="offices-heading">{policyText(lang, 'officesTitle')}</h3>
        <div className="card-tools">
          <button type="button" className="download" data-testid="download-offices" onClick={() => downloadCsv(`oficinas-${lang}.csv`, toCsv(rows, columns))}>{t('common.downloadCsv')}</button>
        </div>
      </header>
      <p className="note">{policyText(lang, 'officesHelp')}</p>
      {answer.error && <p role="alert" className="error">{t('common.error', { message: answer.error.message })}</p>}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={policyText(lang, 'officesTitle')}>
        <table data-testid="offices-table">
          <caption>{policyText(lang, 'officesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{policyText(lang, 'compare')}</th>
              {columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const code = String(r.office_code);
              return (
                <tr key={code} aria-selected={view.filters.oficina === code}>
                  <td>
                    <input type="checkbox" data-testid={`compare-${code}`} checked={ticked.includes(code)} onChange={() => toggle(code)}
                      aria-label={`${policyText(lang, 'compare')}: ${String(r.office_name)}`} />
                  </td>
                  {columns.map((c) => (
                    <td key={c.key} className={typeof r[c.key] === 'number' ? 'num' : undefined}>
                      {c.key === 'office_name'
                        ? <button type="button" className="link" data-testid={`office-${code}`} onClick={() => setFilters({ oficina: view.filters.oficina === code ? undefined : code })}>{format(c.key, r.office_name)}</button>
                        : format(c.key, r[c.key])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
