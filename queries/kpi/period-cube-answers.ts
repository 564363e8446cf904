import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { columnsOfRows } from '../catalogue/columns-of-rows.ts';
import { FACT_FILTERS, PERSON_OR_PLACE, monthText, periodMonths, without, type KpiFilters } from './kpi-filters.ts';
import { FUNNEL_COUNTS, firstRowFrom, histogramQuantile, monthRows, periodCubes, periodHistogram, periodSums, periodTotal, type PeriodCubes } from './period-cubes.ts';

/**
 * The KPI answers that the period cubes give for a period without a person or place filter,
 * worked out in memory from them (period-cubes.ts): the same columns, types and values as the
 * cube route of each query's SQL, which tests hold equal for every period. Each returns null
 * for the filters its SQL counts from the records, and for a warehouse without placements when
 * no `to` is given (the default period ends at the latest placement month).
 */

/** `num / den`, null when the denominator is 0: the SQL `ratio`. */
const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

/** The cubes and the period (month numbers; `defaultMonths` up to the latest placement month unless given). */
async function cubesAndPeriod(w: Warehouse, f: KpiFilters, defaultMonths: number): Promise<{ c: PeriodCubes; lo: number; hi: number } | null> {
  const c = await periodCubes(w);
  const period = periodMonths(f, c.latest, defaultMonths);
  return period && { c, ...period };
}

/** The kinds of service event a channel filter keeps: its own, and for `workshop` both kinds of workshop (as the SQL's `kind` condition). */
function kindsOf(channel: string, codes: readonly (string | null)[]): Uint8Array {
  return Uint8Array.from(codes, (kind) => (kind === channel || (channel === 'workshop' && (kind === 'workshop_seekers' || kind === 'workshop_employers')) ? 1 : 0));
}

/** `kpi-summary-registrations` without a person or place filter (its registration cube route). */
export async function summaryRegistrationsInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, PERSON_OR_PLACE)) return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const latestActive = firstRowFrom(c.activeByMonth, hi + 1) - 1;
  return columnsOfRows([['registrations', 'INTEGER'], ['persons_registered', 'INTEGER'], ['active_seekers', 'INTEGER'], ['median_days_to_first_service', 'DOUBLE']], [[
    periodTotal(c.registrations, lo, hi, 'n'),
    periodTotal(c.registrationReach, lo, hi, 'persons', true),
    latestActive >= 0 ? c.activeByMonth.col.active[latestActive]! : 0,
    histogramQuantile(periodHistogram(c.firstServiceDays, lo, hi), 0.5),
  ]]);
}

/** `kpi-summary-attended` without a person or place filter, under no channel or one kind of event (its attendance and channel cube routes). */
export async function summaryAttendedInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, PERSON_OR_PLACE) || f.channel === 'workshop') return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const attended = f.channel === undefined
    ? periodTotal(c.attendanceReach, lo, hi, 'persons', true)
    : periodSums(c.channelReach, lo, hi, ['persons'], { reach: true, keep: { column: 'kind', allowed: kindsOf(f.channel, c.channelReach.codes.kind!) } }).sums[0]![0]!;
  return columnsOfRows([['seekers_attended', 'INTEGER']], [[attended]]);
}

/** `kpi-summary-placements` without a placement filter (its flow cube route). */
export async function summaryPlacementsFromCubes(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, FACT_FILTERS.placement_fact)) return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const days = periodHistogram(c.placementDays, lo, hi);
  const [placements, followed3, retained3, followed6, retained6, done, due] = periodSums(c.placementMonth, lo, hi,
    ['placements', 'followed_up_3m', 'retained_3m', 'followed_up_6m', 'retained_6m', 'done', 'due']).sums.map((s) => s[0]!) as number[] as [number, number, number, number, number, number, number];
  return columnsOfRows([
    ['period_from', 'VARCHAR'], ['period_to', 'VARCHAR'], ['referrals', 'INTEGER'], ['placements', 'INTEGER'], ['persons_placed', 'INTEGER'],
    ['median_days_to_placement', 'DOUBLE'], ['p75_days_to_placement', 'DOUBLE'], ['followed_up_3m', 'INTEGER'], ['retention_3m', 'DOUBLE'],
    ['followed_up_6m', 'INTEGER'], ['retention_6m', 'DOUBLE'], ['followup_completion', 'DOUBLE'],
  ], [[
    monthText(lo), monthText(hi), periodTotal(c.referralMonth, lo, hi, 'referrals'), placements, periodTotal(c.placementReach, lo, hi, 'persons', true),
    histogramQuantile(days, 0.5), histogramQuantile(days, 0.75), followed3, ratio(retained3, followed3), followed6, ratio(retained6, followed6), ratio(done, due),
  ]]);
}

/** `kpi-summary-vacancies` without a vacancy filter (its flow cube route). */
export async function summaryVacanciesInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, FACT_FILTERS.vacancy_fact)) return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const days = periodHistogram(c.fillDays, lo, hi);
  const [vacancies, positions, filled, observable30, open30] = periodSums(c.vacancyMonth, lo, hi,
    ['vacancies', 'positions', 'filled', 'observable_30', 'open_30']).sums.map((s) => s[0]!) as [number, number, number, number, number];
  return columnsOfRows([
    ['vacancies', 'INTEGER'], ['positions', 'INTEGER'], ['filled_positions', 'INTEGER'], ['fill_rate', 'DOUBLE'],
    ['median_days_to_fill', 'DOUBLE'], ['p75_days_to_fill', 'DOUBLE'], ['share_open_30d', 'DOUBLE'],
  ], [[vacancies, positions, filled, ratio(filled, positions), histogramQuantile(days, 0.5), histogramQuantile(days, 0.75), ratio(open30, observable30)]]);
}

/** `kpi-offices-attended` without a sex, age or channel filter (its office attendance cube route). */
export async function officesAttendedInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, ['sex', 'age', 'channel'])) return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const cube = c.officeAttendanceReach;
  const { rows: seen, sums: [persons] } = periodSums(cube, lo, hi, ['persons'], { reach: true, by: 'office_code' });
  const attended = new Map<string | null, number>(cube.codes.office_code!.map((code, i) => [code, seen[i] ? persons![i]! : 0]));
  const targets = new Map<string, number>();
  c.targets.month.forEach((m, i) => {
    const office = c.targets.office[i]!;
    if (m >= lo && m <= hi) targets.set(office, (targets.get(office) ?? 0) + c.targets.target[i]!);
  });
  const { code, name, province } = c.offices;
  const rows = code.flatMap((office, i) => (f.province !== undefined && province[i] !== f.province) || (f.office !== undefined && office !== f.office)
    ? [] : [[office, name[i], province[i], attended.get(office) ?? 0, targets.get(office) ?? null]]);
  return columnsOfRows([['office_code', 'VARCHAR'], ['office_name', 'VARCHAR'], ['province_code', 'VARCHAR'], ['seekers_attended', 'INTEGER'], ['target_placements', 'DOUBLE']], rows);
}

/** The funnel's groupings, as columns of the funnel cube. */
export type FunnelGrouping = 'office' | 'sex' | 'age_band' | 'disability' | 'none';
const FUNNEL_COLUMN = { office: 'office_code', sex: 'sex', age_band: 'age_band', disability: 'disability' } as const;

/** `kpi-funnel` without a person or place filter (its funnel cube route), grouped `by`. */
export async function funnelInMemory(w: Warehouse, f: KpiFilters, by: FunnelGrouping = 'none'): Promise<Columns | null> {
  if (!without(f, PERSON_OR_PLACE)) return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const column = by === 'none' ? undefined : FUNNEL_COLUMN[by];
  const { rows: seen, sums } = periodSums(c.funnelReach, lo, hi, FUNNEL_COUNTS, column ? { reach: true, by: column } : { reach: true });
  // The dictionaries are sorted as ORDER BY sorts; NULL (index 0) sorts last.
  const codes = column ? c.funnelReach.codes[column]! : ['total'];
  const order = column ? [...codes.keys()].slice(1).concat(0) : [0];
  const rows = order.filter((g) => seen[g]! > 0).map((g) => {
    const counts = sums.map((s) => s[g]!);
    return [codes[g], ...counts, ratio(counts[3]!, counts[0]!)];
  });
  return columnsOfRows([['group', 'VARCHAR'], ...FUNNEL_COUNTS.map((name) => [name, 'INTEGER'] as const), ['placement_rate', 'DOUBLE']], rows);
}

/** `kpi-channels` without a person or place filter (its channel cube route). */
export async function channelsInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, PERSON_OR_PLACE)) return null;
  const at = await cubesAndPeriod(w, f, 12);
  if (!at) return null;
  const { c, lo, hi } = at;
  const keep = (codes: readonly (string | null)[]) => (f.channel === undefined ? {} : { keep: { column: 'kind' as const, allowed: kindsOf(f.channel, codes) } });
  const kinds = c.channelMonth.codes.kind!;
  const events = periodSums(c.channelMonth, lo, hi, ['events'], { by: 'kind', ...keep(kinds) });
  const people = periodSums(c.channelReach, lo, hi, ['persons', 'firms', 'observable', 'converted'], { reach: true, by: 'kind', ...keep(c.channelReach.codes.kind!) });
  const peopleOf = new Map(c.channelReach.codes.kind!.map((kind, i) => [kind, people.rows[i] ? people.sums.map((s) => s[i]!) : [0, 0, 0, 0]]));
  const rows = [...kinds.keys()].slice(1).concat(0).filter((k) => events.rows[k]! > 0).map((k) => {
    const [persons, firms, observable, converted] = peopleOf.get(kinds[k]!) ?? [0, 0, 0, 0];
    return [kinds[k], events.sums[0]![k], persons, firms, observable, converted, ratio(converted!, observable!)];
  });
  return columnsOfRows([['channel', 'VARCHAR'], ['events', 'INTEGER'], ['persons', 'INTEGER'], ['firms', 'INTEGER'], ['persons_observable', 'INTEGER'],
    ['persons_placed_90d', 'INTEGER'], ['conversion_90d', 'DOUBLE']], rows);
}

/** `kpi-vacancy-cohorts` without a vacancy filter (its flow cube route): default 24 months, at most the last 120 of the period. */
export async function vacancyCohortsInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, FACT_FILTERS.vacancy_fact)) return null;
  const at = await cubesAndPeriod(w, f, 24);
  if (!at) return null;
  const { c, lo, hi } = at;
  const v = c.vacancyMonth;
  const { start, end } = monthRows(v, Math.max(lo, hi - 119), hi);
  const rows: unknown[][] = [];
  for (let r = start; r < end; r++) {
    const m = v.month[r]!;
    const days = periodHistogram(c.fillDays, m, m);
    const [positions, filled] = [v.col.positions[r]!, v.col.filled[r]!];
    rows.push([monthText(m), v.col.vacancies[r], positions, days.total, filled, ratio(filled, positions), histogramQuantile(days, 0.5)]);
  }
  return columnsOfRows([['month', 'VARCHAR'], ['vacancies', 'INTEGER'], ['positions', 'INTEGER'], ['vacancies_filled', 'INTEGER'], ['filled_positions', 'INTEGER'],
    ['fill_rate', 'DOUBLE'], ['median_days_to_fill', 'DOUBLE']], rows);
}
