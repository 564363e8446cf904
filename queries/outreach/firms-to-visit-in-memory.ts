import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { columnsOfRows } from '../catalogue/columns-of-rows.ts';
import type { Viewer } from '../catalogue/query-definition.ts';
import { NO_DAY, dayText, firmCode, firmDirectory, firstInOrder, scratchArrays, territoryMask } from './firm-directory.ts';

const COLUMNS = [
  ['firm_id', 'VARCHAR'], ['name', 'VARCHAR'], ['sector_code', 'VARCHAR'], ['size_band', 'VARCHAR'], ['canton_code', 'VARCHAR'],
  ['vacancies', 'INTEGER'], ['positions', 'INTEGER'], ['placements', 'INTEGER'], ['last_contact', 'VARCHAR'],
] as const;

/**
 * `firms-to-visit` from the firm directory held in memory: the first `limit` firms of the viewer's
 * territories, never contacted first, then longest without contact, more vacancies, firm_id. The
 * same rows, order, columns and values as its SQL, which tests hold equal.
 */
export async function firmsToVisitInMemory(w: Warehouse, p: { limit?: string }, viewer: Viewer | null): Promise<Columns> {
  const d = await firmDirectory(w);
  const limit = Number(p.limit ?? 200);
  const mine = territoryMask(d, viewer?.territories ?? []);
  const { lastContact, vacancies, idRank } = d;
  const [all, contactRank, vacancyRank] = scratchArrays(d, 3) as [Int32Array, Int32Array, Int32Array];
  let [count, first, most] = [0, Infinity, 0];
  for (let i = 0; i < d.firmCount; i++) {
    if (!mine[i]) continue;
    all[count++] = i;
    if (lastContact[i] !== NO_DAY && lastContact[i]! < first) first = lastContact[i]!;
    if (vacancies[i]! > most) most = vacancies[i]!;
  }
  // Never contacted first (NULLS FIRST), then by day of the last contact; more vacancies first; firm_id.
  const firms = all.subarray(0, count);
  for (const i of firms) {
    contactRank[i] = lastContact[i] === NO_DAY ? 0 : lastContact[i]! - first + 1;
    vacancyRank[i] = most - vacancies[i]!;
  }
  const top = firstInOrder(firms, [contactRank, vacancyRank], limit,
    (a, b) => contactRank[a]! - contactRank[b]! || vacancyRank[a]! - vacancyRank[b]! || idRank[a]! - idRank[b]!);
  const rows = top.map((i) => [d.firmId.at(i), d.name.at(i), firmCode(d, 'sector_code', i), firmCode(d, 'size_band', i), firmCode(d, 'canton_code', i),
    d.vacancies[i], d.positions[i], d.laterPlacements[i], dayText(d.lastContact[i]!)]);
  return columnsOfRows(COLUMNS, rows);
}
