import fc from 'fast-check';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { TOTAL } from '../disclosure/firm-cells.ts';

/** One vacancy of a test data set: its firm, sector letter, province, month (YYYY-MM) and positions. */
export interface TestVacancy {
  firm: string;
  sector: string;
  province: string;
  month: string;
  positions: number;
}

/** The filters of one public-vacancies call, as a model of the SQL reads them. */
export type VacancyFilter = {
  from: string;
  to: string;
  province?: string;
  sector?: string;
};

/** Replaces the warehouse's vacancies with `rows` (bound values, one JSON parameter). */
export async function insertVacancies(w: Warehouse, rows: readonly TestVacancy[]): Promise<void> {
  await w.run('DELETE FROM vacancy');
  if (rows.length === 0) return;
  await w.run(
    `INSERT INTO vacancy (vacancy_id, firm_id, office_code, posted_on, posted_month, closed_on, positions, occupation_code, sector_code, canton_code, province_code, wage_offered, load_id)
     SELECT 'V' || i, r.firm, 'OF', (r.month || '-15')::DATE, (r.month || '-01')::DATE, NULL, r.positions, '5', r.sector, r.province || '01', r.province, 500, 1
     FROM (SELECT unnest(from_json(?::JSON, '[{"firm":"VARCHAR","sector":"VARCHAR","province":"VARCHAR","month":"VARCHAR","positions":"INTEGER"}]')) AS r,
                  generate_subscripts(from_json(?::JSON, '["JSON"]'), 1) AS i)`,
    [JSON.stringify(rows), JSON.stringify(rows)],
  );
}

/** Whether a vacancy falls in the cell (sector, province) of the period, `*` matching all. */
export function inCell(v: TestVacancy, from: string, to: string, sector: string, province: string): boolean {
  return v.month >= from && v.month <= to && (sector === TOTAL || v.sector === sector) && (province === TOTAL || v.province === province);
}

/** The true value, firm count and largest firm of one cell, straight from the vacancies. */
export function truthOf(rows: readonly TestVacancy[], from: string, to: string, sector: string, province: string): { value: number; firms: number; maxFirm: number } {
  const byFirm = new Map<string, number>();
  for (const v of rows) if (v.positions > 0 && inCell(v, from, to, sector, province)) byFirm.set(v.firm, (byFirm.get(v.firm) ?? 0) + v.positions);
  const values = [...byFirm.values()];
  return { value: values.reduce((a, b) => a + b, 0), firms: values.length, maxFirm: Math.max(0, ...values) };
}

/**
 * What the query's SQL returns before protection (a plain-loop model of it, checked equal to the
 * SQL by the tests), for any month range, so that tests can also try ranges the query refuses.
 */
export function modelColumns(rows: readonly TestVacancy[], f: VacancyFilter): Columns {
  const live = rows.filter((v) => v.positions > 0 && v.month >= f.from && v.month <= f.to);
  const sectors = [...new Set(live.map((v) => v.sector))].sort();
  const provinces = [...new Set(live.map((v) => v.province))].sort();
  const keys: [string, string][] = [];
  for (const s of [...sectors, TOTAL]) for (const p of [...provinces, TOTAL]) keys.push([s, p]);
  const cells = keys
    .map(([s, p]) => ({ s, p, ...truthOf(live, f.from, f.to, s, p) }))
    .filter((c) => c.value > 0);
  const col = <T>(fn: (c: (typeof cells)[number]) => T) => cells.map(fn);
  return {
    names: ['year', 'sector', 'province', 'positions', 'firms', 'max_firm_positions', 'selected'],
    types: ['INTEGER', 'VARCHAR', 'VARCHAR', 'INTEGER', 'INTEGER', 'INTEGER', 'BOOLEAN'],
    values: [
      col(() => Number(f.from.slice(0, 4))), col((c) => c.s), col((c) => c.p), col((c) => c.value), col((c) => c.firms), col((c) => c.maxFirm),
      col((c) => (f.sector === undefined || c.s === f.sector) && (f.province === undefined || c.p === f.province)),
    ],
    rowCount: cells.length,
  };
}

/** The atoms (month, sector, province) of data behind a published figure, for the attacker. */
export function atomsOf(rows: readonly TestVacancy[], from: string, to: string, sector: string, province: string): string[] {
  return [...new Set(rows.filter((v) => v.positions > 0 && inCell(v, from, to, sector, province)).map((v) => `${v.month}|${v.sector}|${v.province}`))].sort();
}

/** Test provinces, sectors and years: few, so that cells are small and suppression frequent. */
export const TEST_PROVINCES = ['01', '09', '17'] as const;
/** Test sector letters. */
export const TEST_SECTORS = ['A', 'C', 'G'] as const;
/** Test years (2022 has no data). */
export const TEST_YEARS = ['2022', '2023', '2024'] as const;

/**
 * Random small data sets with skewed firms: up to 40 firms, each in one sector (as the ETL takes
 * the vacancy's sector from its firm), the first firms posting most vacancies, positions mostly
 * 1-3 with some of 20-120, months across 2023-2024, provinces per vacancy.
 */
export const vacanciesArb: fc.Arbitrary<TestVacancy[]> = fc.noBias(fc
  .tuple(fc.array(fc.constantFrom(...TEST_SECTORS), { minLength: 1, maxLength: 40, size: 'max' }), fc.integer({ min: 1, max: 400 }))
  .chain(([firmSectors, n]) =>
    fc.array(
      fc.noBias(fc.record({
        firmIndex: fc.integer({ min: 0, max: 99 }).map((x) => Math.min(firmSectors.length - 1, Math.floor((x / 100) ** 1.3 * firmSectors.length))),
        province: fc.constantFrom(...TEST_PROVINCES),
        month: fc.tuple(fc.constantFrom('2023', '2024'), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
        positions: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 4 }, { arbitrary: fc.integer({ min: 20, max: 120 }), weight: 1 }),
      })),
      { minLength: n, maxLength: n },
    ).map((rows) => rows.map((r) => ({ firm: `F${r.firmIndex}`, sector: firmSectors[r.firmIndex]!, province: r.province, month: r.month, positions: r.positions }))),
  ));

/**
 * Random public filter combinations: mostly a whole test year with or without a province and a
 * sector (some outside the data), sometimes a free month range the query must refuse.
 */
export const filterArb: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ year: fc.constantFrom(...TEST_YEARS), province: fc.option(fc.constantFrom(...TEST_PROVINCES, '24'), { nil: undefined }), sector: fc.option(fc.constantFrom(...TEST_SECTORS, 'Q'), { nil: undefined }) }).map(({ year, ...rest }) => clean({ from: `${year}-01`, to: `${year}-12`, ...rest })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })).map(([a, b]) => ({ from: monthOf(Math.min(a, b)), to: monthOf(Math.max(a, b)) })) },
);

const monthOf = (k: number) => `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
const clean = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;
