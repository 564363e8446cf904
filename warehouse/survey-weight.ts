/**
 * Survey expansion weights enter sums as whole millionths, so that every weighted total is an
 * exact integer sum: DuckDB adds a group's rows in whatever order its threads reach them, and sums
 * of doubles then differ in the last digit from run to run. Rounding a weight to a millionth
 * changes a total by less than one part in 10^9.
 */
export const WEIGHT_SCALE = 1_000_000;

/** The weight `fexp` (an SQL expression) as whole millionths, a BIGINT. */
export function weightSql(fexp: string): string {
  return `round(${fexp} * ${WEIGHT_SCALE})::BIGINT`;
}
