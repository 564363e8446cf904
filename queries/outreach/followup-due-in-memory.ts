import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { columnsOfRows } from '../catalogue/columns-of-rows.ts';
import { countAtMost } from '../kpi/count-at-most.ts';
import type { Viewer } from '../catalogue/query-definition.ts';
import { NO_DAY, RECENT_VACANCY_DAYS, dayText, firmCode, firmDirectory, firstInOrder, scratchArrays, territoryMask } from './firm-directory.ts';

const COLUMNS = [
  'firm_id', 'name', 'sector_code', 'size_band', 'canton_code', 'asof', 'last_facilitation', 'last_followup', 'last_contact',
  'days_since_facilitation', 'new_vacancies', 'last_posted', 'reasons',
].map((name) => [name, name === 'days_since_facilitation' || name === 'new_vacancies' ? 'INTEGER' : 'VARCHAR'] as const);

/**
 * `followup-due` at the default cut-off (the latest contact or vacancy) for `days` up to
 * {@link RECENT_VACANCY_DAYS}, worked out from the firm directory held in memory: the same rows,
 * order, columns and values as its SQL, which tests hold equal. Null for a cut-off date given or a
 * longer window, which the SQL answers.
 */
export async function followupDueInMemory(w: Warehouse, p: { days: number; asof?: string; limit?: string }, viewer: Viewer | null): Promise<Columns | null> {
  if (p.asof !== undefined || p.days > RECENT_VACANCY_DAYS) return null;
  const d = await firmDirectory(w);
  if (d.end === null) return null;
  const { end } = d;
  const days = p.days;
  const limit = Number(p.limit ?? 200);
  const mine = territoryMask(d, viewer?.territories ?? []);

  const [newVacancies, lastPosted, overdueDays, all, overdueRank, vacancyRank] = scratchArrays(d, 6) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  // Vacancies of the last `days` days posted after the firm's last contact (or with none).
  newVacancies.fill(0);
  // The recent vacancies are by day: those posted after end − days follow the ones up to it.
  for (let r = countAtMost(d.recent.day, end - days); r < d.recent.day.length; r++) {
    const [firm, day] = [d.recent.firm[r]!, d.recent.day[r]!];
    if (!mine[firm] || (d.lastContact[firm] !== NO_DAY && day <= d.lastContact[firm]!)) continue;
    newVacancies[firm]!++;
    lastPosted[firm] = day;
  }

  // Overdue first, most days since the facilitation first; then most new vacancies; then firm_id.
  const { lastFacilitation, lastFollowup, idRank } = d;
  let [count, maxKey, most] = [0, -1, 0];
  for (let i = 0; i < d.firmCount; i++) {
    if (!mine[i]) continue;
    const [fac, fol] = [lastFacilitation[i]!, lastFollowup[i]!];
    const key = fac !== NO_DAY && (fol === NO_DAY || fol < fac) && end - fac >= days ? end - fac : -1;
    if (key >= 0 || newVacancies[i]! > 0) {
      overdueDays[i] = key;
      all[count++] = i;
      if (key > maxKey) maxKey = key;
      if (newVacancies[i]! > most) most = newVacancies[i]!;
    }
  }
  const due = all.subarray(0, count);
  for (const i of due) {
    overdueRank[i] = maxKey - overdueDays[i]!;
    vacancyRank[i] = most - newVacancies[i]!;
  }
  const top = firstInOrder(due, [overdueRank, vacancyRank], limit,
    (a, b) => overdueRank[a]! - overdueRank[b]! || vacancyRank[a]! - vacancyRank[b]! || idRank[a]! - idRank[b]!);

  const rows = top.map((i) => {
    const overdue = overdueDays[i]! >= 0;
    const fac = d.lastFacilitation[i]!;
    return [
      d.firmId.at(i), d.name.at(i), firmCode(d, 'sector_code', i), firmCode(d, 'size_band', i), firmCode(d, 'canton_code', i), dayText(end),
      dayText(fac), dayText(d.lastFollowup[i]!), dayText(d.lastContact[i]!), fac === NO_DAY ? null : end - fac,
      newVacancies[i], newVacancies[i] ? dayText(lastPosted[i]!) : null,
      [overdue ? 'facilitation_without_followup' : null, newVacancies[i] ? 'new_vacancies_since_contact' : null].filter(Boolean).join(','),
    ];
  });
  return columnsOfRows(COLUMNS, rows);
}
