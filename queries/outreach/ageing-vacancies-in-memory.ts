import { endOfDayCte, storedMarketStockCte } from '../../warehouse/market-stock.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import { columnsOfRows } from '../catalogue/columns-of-rows.ts';
import type { Viewer } from '../catalogue/query-definition.ts';
import { openVacanciesCte } from '../market/market-sql.ts';
import { PackedStrings, firmDirectory, territoryMask } from './firm-directory.ts';

/** The vacancies open at the end of the data, oldest first, each with what `ageing-vacancies` shows of it. */
interface OpenVacancies {
  rowCount: number;
  /** The firm's number (`fx`), null for a vacancy of no known firm. */
  fx: (number | null)[];
  ageDays: number[];
  positions: number[];
  referrals: number[];
  compatibleSeekers: number[];
  /** The text columns, packed (see {@link PackedStrings}). */
  vacancyId: PackedStrings;
  postedOn: PackedStrings;
  sector: PackedStrings;
  occupation: PackedStrings;
  canton: PackedStrings;
}

/**
 * Every vacancy open at the end of the data, with its referrals then and the active seekers of its
 * canton and occupation (the stock kept at the end), in the order of the answer (oldest first,
 * then by id), read once per served warehouse: 24 k vacancies at mx. The SQL is the query's own
 * (`openVacanciesCte`, the stored stock), for every territory at once.
 */
async function readOpenVacancies(w: Warehouse): Promise<OpenVacancies> {
  const c = await w.columns(`WITH ${endOfDayCte('(SELECT vacancy_end FROM fact_bounds)')},
      ${openVacanciesCte('true', true)},
      ${storedMarketStockCte('true', ['occupation'])},
      pool AS (SELECT canton_code, code AS occupation_code, sum(seekers) AS n FROM stock GROUP BY ALL)
    SELECT o.vacancy_id, o.fx, (e.d - o.posted_on)::INTEGER AS age_days, strftime(o.posted_on, '%Y-%m-%d') AS posted_on, o.positions,
      o.sector_code, o.occupation_code, o.canton_code, o.end_referrals, coalesce(pool.n, 0)::INTEGER AS compatible_seekers
    FROM open_v o CROSS JOIN e LEFT JOIN pool ON pool.canton_code = o.canton_code AND pool.occupation_code = o.occupation_code
    ORDER BY age_days DESC, o.vacancy_id`);
  const [vacancyId, fx, ageDays, postedOn, positions, sector, occupation, canton, referrals, compatibleSeekers] = c.values;
  const packed = (values: unknown[] | undefined) => new PackedStrings(values!);
  return {
    rowCount: c.rowCount, fx, ageDays, positions, referrals, compatibleSeekers,
    vacancyId: packed(vacancyId), postedOn: packed(postedOn), sector: packed(sector), occupation: packed(occupation), canton: packed(canton),
  } as OpenVacancies;
}

const openVacancies = oncePerWarehouse(readOpenVacancies, { servedOnly: true });

const COLUMNS = [
  ['vacancy_id', 'VARCHAR'], ['firm_id', 'VARCHAR'], ['firm_name', 'VARCHAR'], ['sector_code', 'VARCHAR'], ['occupation_code', 'VARCHAR'],
  ['canton_code', 'VARCHAR'], ['posted_on', 'VARCHAR'], ['age_days', 'INTEGER'], ['age_band', 'VARCHAR'], ['positions', 'INTEGER'],
  ['referrals', 'INTEGER'], ['compatible_seekers', 'INTEGER'],
] as const;

/**
 * `ageing-vacancies` at the default cut-off (the latest posting), from the open vacancies and the
 * firm directory held in memory: the first `limit` of the viewer's territories' open vacancies,
 * oldest first, open `min_days` or more with fewer than `max_referrals` referrals. The same rows,
 * order, columns and values as its SQL, which tests hold equal; null for a cut-off date given.
 */
export async function ageingVacanciesInMemory(w: Warehouse, p: { min_days: number; max_referrals: number; limit: number; asof?: string }, viewer: Viewer | null): Promise<Columns | null> {
  if (p.asof !== undefined) return null;
  const [v, d] = await Promise.all([openVacancies(w), firmDirectory(w)]);
  const mine = territoryMask(d, viewer?.territories ?? []);
  const rows: unknown[][] = [];
  for (let r = 0; r < v.rowCount && rows.length < p.limit; r++) {
    const fx = v.fx[r];
    // Oldest first: once younger than min_days, so are the rest.
    if (v.ageDays[r]! < p.min_days) break;
    if (fx === null || fx === undefined || !mine[fx - 1] || v.referrals[r]! >= p.max_referrals) continue;
    const age = v.ageDays[r]!;
    rows.push([v.vacancyId.at(r), d.firmId.at(fx - 1), d.name.at(fx - 1), v.sector.at(r), v.occupation.at(r), v.canton.at(r), v.postedOn.at(r), age,
      age <= 30 ? 'up_to_30' : 'over_30', v.positions[r], v.referrals[r], v.compatibleSeekers[r]]);
  }
  return columnsOfRows(COLUMNS, rows);
}
