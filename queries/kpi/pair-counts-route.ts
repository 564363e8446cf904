import { PAIR_FACTS, dimsKey, type PairFact } from '../../warehouse/pair-counts.ts';
import { FACT_FILTERS, type KpiSql } from './kpi-filters.ts';

/**
 * A fact's records counted by month under the query's filters, from the pair cube
 * (warehouse/pair-counts.ts), as SQL with the columns `month`, `n` and `positions` (vacancies);
 * null when more than two of the filters apply to that fact, which the facts then answer. Filters
 * that do not apply to the fact are left out, as `KpiSql.where` leaves them. The SQL text is the
 * same whichever filters are given (`KpiSql.whereAny`), so it is planned once per connection.
 */
export function pairCountsByMonth(k: KpiSql, fact: PairFact): string | null {
  const { table } = PAIR_FACTS[fact];
  const given = FACT_FILTERS[table].filter((name) => k.filters[name] !== undefined);
  if (given.length > 2) return null;
  k.params[`dims_${fact}`] = dimsKey(given);
  return `SELECT c.month, sum(c.n) AS n, sum(c.positions) AS positions FROM pair_counts c
      WHERE c.fact = '${fact}' AND c.dims = $dims_${fact} AND ${k.inPeriod('c.month')} AND ${k.whereAny(table, 'c')}
      GROUP BY c.month`;
}
