import type { Viewer } from '../catalogue/query-definition.ts';

/**
 * CTE `mine`: the firms of the viewer's territories (bound `$territories`, a province or canton
 * code list); every firm-level query reads firms only through it.
 */
export const MINE_CTE = `mine AS (
    SELECT * FROM firm
    WHERE list_contains($territories::VARCHAR[], province_code) OR list_contains($territories::VARCHAR[], canton_code)
  )`;

/** A row (vacancy, placement, seeker) of the viewer's territories, by its own province or canton. */
export function inScope(alias: string): string {
  return `(list_contains($territories::VARCHAR[], ${alias}.province_code) OR list_contains($territories::VARCHAR[], ${alias}.canton_code))`;
}

/** The bound value of `$territories`: the viewer's codes (none without a viewer: nothing is answered). */
export function territoriesParam(viewer: Viewer | null): string {
  return JSON.stringify(viewer?.territories ?? []);
}

/** A calendar date `YYYY-MM-DD`, as text. */
export const DATE_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Min-max normalisation over all rows: 0 the lowest, 1 the highest, 0 when all are equal or missing. */
export function minMax(x: string): string {
  return `coalesce((${x} - min(${x}) OVER ()) / nullif(max(${x}) OVER () - min(${x}) OVER (), 0), 0)`;
}
