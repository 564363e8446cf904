/**
 * The "previous occurrence" rows of (key, month) pairs (`pairs`: a query with `px` and `month`,
 * and the grouping columns `by`): per month and previous month of the same person (within the
 * same `by` values), how many pairs.
 */
export function reachSql(pairs: string, by: readonly string[] = []): string {
  const cols = by.map((c) => `${c}, `).join('');
  return `SELECT ${cols}month, prev, count(*)::INTEGER
   FROM (SELECT ${cols}month, lag(month) OVER (PARTITION BY ${cols}px ORDER BY month) AS prev FROM (${pairs}))
   GROUP BY ALL ORDER BY ${cols}month, prev NULLS FIRST`;
}
