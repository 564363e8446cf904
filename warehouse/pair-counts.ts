/**
 * The pair cube (migration 021): each fact table's records counted by month under every single
 * filter and every pair of filters, from one GROUPING SETS aggregate over the facts grouped at
 * their finest grain. A count under at most two filters is then a sum over the rows of one
 * `dims` value, exact (counts add up), for any period.
 */

/** The filter dimensions, in the order `dims` lists them, with the fact column each groups by. */
export const PAIR_DIMENSIONS = {
  province: 'province_code',
  office: 'office_code',
  sector: 'sector_code',
  occupation: 'occupation_code',
  sex: 'sex',
  age: 'age_band',
  channel: 'channel',
} as const;

/** A filter dimension of the pair cube. */
export type PairDimension = keyof typeof PAIR_DIMENSIONS;

/** Each fact table counted in the pair cube: its month column and the dimensions it is grouped by. */
export const PAIR_FACTS = {
  seeker: { table: 'seeker_fact', month: 'reg_month', dims: ['province', 'office', 'sex', 'age'] },
  referral: { table: 'referral_fact', month: 'ref_month', dims: ['province', 'office', 'sector', 'occupation', 'sex', 'age'] },
  placement: { table: 'placement_fact', month: 'month', dims: ['province', 'office', 'sector', 'occupation', 'sex', 'age', 'channel'] },
  vacancy: { table: 'vacancy_fact', month: 'posted_month', dims: ['province', 'office', 'sector', 'occupation'] },
} as const satisfies Record<string, { table: string; month: string; dims: readonly PairDimension[] }>;

/** A fact of the pair cube. */
export type PairFact = keyof typeof PAIR_FACTS;

/** The `dims` value of a set of dimensions: their names in {@link PAIR_DIMENSIONS} order. */
export function dimsKey(dims: readonly PairDimension[]): string {
  return (Object.keys(PAIR_DIMENSIONS) as PairDimension[]).filter((d) => dims.includes(d)).join(',');
}

function insertSql(fact: PairFact): string {
  const { table, month, dims } = PAIR_FACTS[fact];
  const all = Object.keys(PAIR_DIMENSIONS) as PairDimension[];
  const col = (d: PairDimension) => PAIR_DIMENSIONS[d];
  const fine = dims.map((d) => (d === 'occupation' ? `left(occupation_code, 2) AS occupation_code` : col(d)));
  const sets = [[], ...dims.map((d) => [d]), ...dims.flatMap((a, i) => dims.slice(i + 1).map((b) => [a, b]))] as PairDimension[][];
  const positions = fact === 'vacancy' ? 'sum(positions)' : 'NULL::BIGINT';
  return `INSERT INTO pair_counts
   WITH fine AS (
     SELECT ${month} AS month, ${fine.join(', ')}, count(*) AS n, ${positions} AS positions
     FROM ${table} GROUP BY ALL
   )
   SELECT '${fact}', concat_ws(',', ${dims.map((d) => `CASE WHEN GROUPING(${col(d)}) = 0 THEN '${d}' END`).join(', ')}), month,
     ${all.map((d) => ((dims as readonly PairDimension[]).includes(d) ? col(d) : `NULL::VARCHAR`)).join(', ')}, sum(n), ${positions}
   FROM fine
   GROUP BY GROUPING SETS (${sets.map((s) => `(month${s.map((d) => `, ${col(d)}`).join('')})`).join(', ')})
   ORDER BY 2, 3`;
}

/** Statements that rebuild the pair cube from the facts (run after them). */
export const REBUILD_PAIR_COUNTS: readonly string[] = ['DELETE FROM pair_counts', ...(Object.keys(PAIR_FACTS) as PairFact[]).map(insertSql)];
