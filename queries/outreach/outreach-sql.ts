import type { ColumnDoc, Viewer } from '../catalogue/query-definition.ts';

/** The columns that name a firm in every firm list: pseudonym, legal name, sector, size and canton (from `mine`). */
export const FIRM_COLUMNS: readonly ColumnDoc[] = [
  { name: 'firm_id', kind: 'string', label: { es: 'Empresa (seudónimo)', en: 'Firm (pseudonym)' } },
  { name: 'name', kind: 'string', label: { es: 'Razón social', en: 'Legal name' } },
  { name: 'sector_code', kind: 'string', label: { es: 'Sector', en: 'Sector' } },
  { name: 'size_band', kind: 'string', label: { es: 'Tamaño', en: 'Size' } },
  { name: 'canton_code', kind: 'string', label: { es: 'Cantón', en: 'Canton' } },
];

/**
 * CTE `mine(fx, firm_id, name, sector_code, size_band, canton_code, province_code)`: the firms of
 * the viewer's territories (bound `$territories`, a province or canton code list), from
 * `firm_fact`; every firm-level query reads firms only through it, and their vacancies,
 * placements and contacts by their number `fx`.
 */
export const MINE_CTE = `mine AS (
    SELECT * FROM firm_fact
    WHERE list_contains($territories::VARCHAR[], province_code) OR list_contains($territories::VARCHAR[], canton_code)
  )`;

/** A row (vacancy, placement, seeker, or their facts) of the viewer's territories, by its own province or canton. */
export function inScope(alias: string): string {
  return `(list_contains($territories::VARCHAR[], ${alias}.province_code) OR list_contains($territories::VARCHAR[], ${alias}.canton_code))`;
}

/** The bound value of `$territories`: the viewer's codes (none without a viewer: nothing is answered). */
export function territoriesParam(viewer: Viewer | null): string {
  return JSON.stringify(viewer?.territories ?? []);
}

/** A calendar date `YYYY-MM-DD`, as text. */
export const DATE_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
