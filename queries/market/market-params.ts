import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import type { WarmSpec } from '../catalogue/query-definition.ts';
import { z } from 'zod';

/** A territory to analyse: a province (2-digit INEC code) or a canton (4-digit code). */
export const territoryCode = z
  .string()
  .regex(/^(0[1-9]|1\d|2[0-4]|90)(\d{2})?$/, 'expected a province code (2 digits, 01-24 or 90) or a canton code (4 digits)');

/** A score weight: a non-negative decimal number up to 100, given as text like every HTTP parameter. */
export const weight = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,6})?$/, 'expected a non-negative number such as 0.25')
  .transform(Number)
  .refine((n) => n <= 100, { message: 'expected a weight of at most 100' });

/** A whole number of days between 1 and 3650, as text. */
export const days = z
  .string()
  .regex(/^\d{1,4}$/, 'expected a whole number of days')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 3650, { message: 'expected between 1 and 3650 days' });

/** A month range parsed from `YYYY`, `YYYY-MM` or `A:B` with A and B either form; as first-of-month dates. */
export interface MonthRange {
  from: string;
  to: string;
}

const PART = '(?:19|20)\\d{2}(?:-(?:0[1-9]|1[0-2]))?';

/**
 * A period: `2024` (the whole year), `2024-03` (one month) or `2023-07:2024-06` (a range of
 * months, ends included). Parsed into the first day of its first and of its last month.
 */
export const monthRange = z
  .string()
  .regex(new RegExp(`^${PART}(?::${PART})?$`), 'expected YYYY, YYYY-MM or a range YYYY-MM:YYYY-MM')
  .transform((s): MonthRange => {
    const [a, b = a] = s.split(':') as [string, string?];
    return { from: a.length === 4 ? `${a}-01-01` : `${a}-01`, to: b!.length === 4 ? `${b}-12-01` : `${b}-01` };
  })
  .refine((r) => r.from <= r.to, { message: 'the range ends before it starts' });

/**
 * What the outreach page asks of an analysis query for each province with data, then each canton
 * with data, precomputed whenever a warehouse is served (with the query's own fixed parameters,
 * and its default weights).
 */
export function perTerritory(own: Record<string, string> = {}): WarmSpec {
  return { params: async (w) => (await territoriesWithData(w)).map((territory) => ({ territory, ...own })) };
}

/** The provinces, then the cantons, with vacancies: read once per warehouse for every analysis query. */
const territoriesWithData = oncePerWarehouse(async (w) => (await w.rows<{ t: string }>(
  'SELECT t FROM (SELECT DISTINCT province_code AS t FROM vacancy_fact UNION ALL SELECT DISTINCT canton_code FROM vacancy_fact) ORDER BY length(t), t'))
  .map(({ t }) => t));
