import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { KpiFilters } from './kpi-filters.ts';

/**
 * A naive reference implementation of the KPI definitions, for tests: the raw rows are read into
 * JS and every figure is computed with plain loops, independently of the SQL. Dates are
 * 'YYYY-MM-DD' strings; medians use the same convention as the SQL (`quantile_cont`: linear
 * interpolation between closest ranks, h = (n − 1)·q).
 */

/** The raw tables, as plain rows. */
export interface RawKpiData {
  offices: { office_code: string; name: string; province_code: string }[];
  seekers: { seeker_id: string; person_id: string; registered_on: string; age_band: string; sex: string; disability: boolean; province_code: string; office_code: string }[];
  vacancies: { vacancy_id: string; office_code: string; posted_on: string; closed_on: string | null; positions: number; occupation_code: string; sector_code: string; province_code: string }[];
  referrals: { seeker_id: string; vacancy_id: string; referred_on: string; interviewed: boolean }[];
  placements: { placement_id: string; seeker_id: string; vacancy_id: string; placed_on: string; office_code: string; province_code: string; sector_code: string; occupation_code: string; sex: string; age_band: string; channel: string }[];
  followups: { placement_id: string; months_after: number; checked_on: string; still_employed: boolean }[];
  events: { kind: string; event_on: string; office_code: string; seeker_id: string | null; firm_id: string | null }[];
}

/** Reads the raw rows of every table the KPIs use. */
export async function readRawKpiData(w: Warehouse): Promise<RawKpiData> {
  const d = (c: string) => `strftime(${c}, '%Y-%m-%d') AS ${c}`;
  return {
    offices: await w.rows('SELECT office_code, name, province_code FROM office'),
    seekers: await w.rows(`SELECT seeker_id, person_id, ${d('registered_on')}, age_band, sex, disability, province_code, office_code FROM seeker`),
    vacancies: await w.rows(`SELECT vacancy_id, office_code, ${d('posted_on')}, ${d('closed_on')}, positions, occupation_code, sector_code, province_code FROM vacancy`),
    referrals: await w.rows(`SELECT seeker_id, vacancy_id, ${d('referred_on')}, interviewed FROM referral`),
    placements: await w.rows(`SELECT placement_id, seeker_id, vacancy_id, ${d('placed_on')}, office_code, province_code, sector_code, occupation_code, sex, age_band, channel FROM placement`),
    followups: await w.rows(`SELECT placement_id, months_after::INTEGER AS months_after, ${d('checked_on')}, still_employed FROM followup`),
    events: await w.rows(`SELECT kind, ${d('event_on')}, office_code, seeker_id, firm_id FROM service_event`),
  };
}

const DAY = 86_400_000;
const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Days from a to b. */
export const daysBetween = (a: string, b: string) => Math.round((t(b) - t(a)) / DAY);
/** A date plus n days. */
export const addDays = (d: string, n: number) => iso(t(d) + n * DAY);
/** A date plus n calendar months, the day clamped to the month's last (as DuckDB does). */
export function addMonths(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const first = Date.UTC(y, m, 1);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(first + (Math.min(Number(d.slice(8, 10)), last) - 1) * DAY);
}
const monthOf = (d: string) => `${d.slice(0, 7)}-01`;
const lastDay = (m: string) => addDays(addMonths(m, 1), -1);

/** `quantile_cont`: linear interpolation between closest ranks; null for no values. */
export function quantileCont(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
}
const div = (a: number, b: number) => (b === 0 ? null : a / b);

/** The raw data indexed, with the filter predicates of each table written out plainly. */
export class NaiveKpis {
  private readonly seekerById = new Map<string, RawKpiData['seekers'][number]>();
  private readonly vacancyById = new Map<string, RawKpiData['vacancies'][number]>();
  private readonly officeProvince = new Map<string, string>();
  private readonly recordsOf = new Map<string, string[]>();
  /** Last day of the latest month with placements. */
  readonly dataEnd: string;
  /** Latest follow-up date. */
  readonly followupEnd: string;
  /** Latest month with placements (first day). */
  readonly latestMonth: string;

  constructor(readonly raw: RawKpiData) {
    for (const s of raw.seekers) {
      this.seekerById.set(s.seeker_id, s);
      this.recordsOf.set(s.person_id, [...(this.recordsOf.get(s.person_id) ?? []), s.seeker_id]);
    }
    for (const v of raw.vacancies) this.vacancyById.set(v.vacancy_id, v);
    for (const o of raw.offices) this.officeProvince.set(o.office_code, o.province_code);
    this.latestMonth = raw.placements.reduce((m, p) => (monthOf(p.placed_on) > m ? monthOf(p.placed_on) : m), '');
    this.dataEnd = lastDay(this.latestMonth);
    this.followupEnd = raw.followups.reduce((m, f) => (f.checked_on > m ? f.checked_on : m), '');
  }

  /** The period's first and last months (first days), with the queries' defaults. */
  period(f: KpiFilters, defaultMonths: number): { lo: string; hi: string } {
    const hi = f.to ? `${f.to}-01` : this.latestMonth;
    return { lo: f.from ? `${f.from}-01` : addMonths(hi, -(defaultMonths - 1)), hi };
  }

  private ageOk(f: KpiFilters, band: string): boolean {
    if (!f.age) return true;
    return f.age === 'youth' ? ['15-17', '18-24', '25-29'].includes(band) : band === f.age;
  }
  private personOk(f: KpiFilters, seekerId: string | null): boolean {
    if (!f.sex && !f.age) return true;
    const s = seekerId === null ? undefined : this.seekerById.get(seekerId);
    return !!s && (!f.sex || s.sex === f.sex) && this.ageOk(f, s.age_band);
  }
  private vacancyOk(f: KpiFilters, v: RawKpiData['vacancies'][number] | undefined): boolean {
    if (!v) return !f.province && !f.office && !f.sector && !f.occupation;
    return (!f.province || v.province_code === f.province) && (!f.office || v.office_code === f.office)
      && (!f.sector || v.sector_code === f.sector) && (!f.occupation || v.occupation_code.startsWith(f.occupation));
  }
  /** Seeker filters. */
  seekerOk(f: KpiFilters, s: RawKpiData['seekers'][number]): boolean {
    return (!f.province || s.province_code === f.province) && (!f.office || s.office_code === f.office)
      && (!f.sex || s.sex === f.sex) && this.ageOk(f, s.age_band);
  }
  /** Service-event filters. */
  eventOk(f: KpiFilters, e: RawKpiData['events'][number]): boolean {
    const kindOk = !f.channel || e.kind === f.channel || (f.channel === 'workshop' && (e.kind === 'workshop_seekers' || e.kind === 'workshop_employers'));
    return kindOk && (!f.office || e.office_code === f.office) && (!f.province || this.officeProvince.get(e.office_code) === f.province)
      && this.personOk(f, e.seeker_id);
  }
  /** Referral filters. */
  referralOk(f: KpiFilters, r: RawKpiData['referrals'][number]): boolean {
    return this.vacancyOk(f, this.vacancyById.get(r.vacancy_id)) && this.personOk(f, r.seeker_id);
  }
  /** Placement filters. */
  placementOk(f: KpiFilters, p: RawKpiData['placements'][number]): boolean {
    return (!f.province || p.province_code === f.province) && (!f.office || p.office_code === f.office)
      && (!f.sector || p.sector_code === f.sector) && (!f.occupation || p.occupation_code.startsWith(f.occupation))
      && (!f.sex || p.sex === f.sex) && this.ageOk(f, p.age_band) && (!f.channel || p.channel === f.channel);
  }
  /** Vacancy filters. */
  vacancyFilterOk(f: KpiFilters, v: RawKpiData['vacancies'][number]): boolean {
    return this.vacancyOk(f, v);
  }
  /** The person of a seeker record. */
  person(seekerId: string): string | undefined {
    return this.seekerById.get(seekerId)?.person_id;
  }
  /** A seeker record. */
  seeker(seekerId: string): RawKpiData['seekers'][number] | undefined {
    return this.seekerById.get(seekerId);
  }
  /** The records of a person. */
  records(personId: string): string[] {
    return this.recordsOf.get(personId) ?? [];
  }
  /** Placements of a vacancy, any date. */
  placementsOf(vacancyId: string): RawKpiData['placements'] {
    return this.raw.placements.filter((p) => p.vacancy_id === vacancyId);
  }
  /** Follow-ups of a placement by months after. */
  followupsOf(placementId: string): Map<number, boolean> {
    return new Map(this.raw.followups.filter((x) => x.placement_id === placementId).map((x) => [x.months_after, x.still_employed]));
  }
  /** Whether a month (first day) is within a period. */
  static within(d: string, p: { lo: string; hi: string }): boolean {
    const m = monthOf(d);
    return m >= p.lo && m <= p.hi;
  }
  /** Fill statistics of vacancies: positions, capped filled positions, days to first placement. */
  fill(vacancies: RawKpiData['vacancies']): { positions: number; filled: number; days: number[] } {
    let positions = 0;
    let filled = 0;
    const days: number[] = [];
    for (const v of vacancies) {
      const ps = this.placementsOf(v.vacancy_id);
      positions += v.positions;
      filled += Math.min(ps.length, v.positions);
      if (ps.length) days.push(daysBetween(v.posted_on, ps.map((p) => p.placed_on).sort()[0]!));
    }
    return { positions, filled, days };
  }
}

export { div, lastDay, monthOf };
