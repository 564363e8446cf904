import type { Warehouse } from '../../warehouse/warehouse.ts';

/**
 * Hand-made rows for the tests of the market and outreach queries: each helper inserts one row
 * with the columns a query reads and neutral filler for the rest.
 */
export interface Rows {
  vacancy(id: string, o: { firm?: string; posted: string; closed?: string | null; positions?: number; sector: string; occupation?: string; canton: string; wage?: number | null }): Promise<void>;
  placement(id: string, o: { vacancy?: string; seeker?: string; placed: string; sector: string; occupation?: string; canton: string; age?: string }): Promise<void>;
  survey(o: { period: string; province: string; condact: number; rama1?: number | null; grupo1?: number | null; ingrl?: number | null; fexp: number }): Promise<void>;
  seeker(id: string, o: { registered: string; canton: string }): Promise<void>;
  referral(id: string, o: { seeker: string; vacancy: string; on: string }): Promise<void>;
  firm(id: string, o: { sector: string; canton: string; size?: string }): Promise<void>;
  contact(id: string, o: { firm: string; on: string; step: string }): Promise<void>;
}

/** Row inserters bound to a warehouse (see {@link Rows}). */
export function rowsFor(w: Warehouse): Rows {
  let person = 0;
  return {
    vacancy: (id, o) => w.run(
      `INSERT INTO vacancy (vacancy_id, firm_id, office_code, posted_on, posted_month, closed_on, positions, occupation_code, sector_code, canton_code, province_code, wage_offered, load_id)
       VALUES (?, ?, 'OF', ?::DATE, date_trunc('month', ?::DATE)::DATE, ?::DATE, ?, ?, ?, ?, left(?, 2), ?, 1)`,
      [id, o.firm ?? 'F0', o.posted, o.posted, o.closed ?? null, o.positions ?? 1, o.occupation ?? '5', o.sector, o.canton, o.canton, o.wage ?? null],
    ),
    placement: (id, o) => w.run(
      `INSERT INTO placement (placement_id, seeker_id, vacancy_id, placed_on, month, office_code, province_code, canton_code, sector_code, occupation_code, sex, age_band, wage, channel, load_id)
       VALUES (?, ?, ?, ?::DATE, date_trunc('month', ?::DATE)::DATE, 'OF', left(?, 2), ?, ?, ?, 'F', ?, NULL, 'portal', 1)`,
      [id, o.seeker ?? 'S0', o.vacancy ?? 'V0', o.placed, o.placed, o.canton, o.canton, o.sector, o.occupation ?? '5', o.age ?? '30-44'],
    ),
    survey: (o) => w.run(
      `INSERT INTO survey_person (period, person_key, area, province_code, sex, age, condact, secemp, rama1, grupo1, ingrl, nivinst, attends, fexp, upm, estrato, load_id)
       VALUES (?, ?, 1, ?, 1, 30, ?, NULL, ?, ?, ?, NULL, false, ?, 'U1', 'E1', 1)`,
      [o.period, `P${++person}`, o.province, o.condact, o.rama1 ?? null, o.grupo1 ?? null, o.ingrl ?? null, o.fexp],
    ),
    seeker: (id, o) => w.run(
      `INSERT INTO seeker (seeker_id, match_key, registered_on, reg_month, birth_year, age_at_reg, age_band, sex, disability, education, canton_code, province_code, office_code, load_id, person_id, id_status)
       VALUES (?, NULL, ?::DATE, date_trunc('month', ?::DATE)::DATE, 1990, 30, '30-44', 'F', false, NULL, ?, left(?, 2), 'OF', 1, ?, 'valid')`,
      [id, o.registered, o.registered, o.canton, o.canton, id],
    ),
    referral: (id, o) => w.run(
      `INSERT INTO referral (referral_id, seeker_id, vacancy_id, referred_on, ref_month, interviewed, load_id)
       VALUES (?, ?, ?, ?::DATE, date_trunc('month', ?::DATE)::DATE, false, 1)`,
      [id, o.seeker, o.vacancy, o.on, o.on],
    ),
    firm: (id, o) => w.run(
      `INSERT INTO firm (firm_id, name, sector_code, employees, size_band, canton_code, province_code, office_code, registered_on, load_id)
       VALUES (?, 'Firma ' || ?, ?, 5, ?, ?, left(?, 2), 'OF', DATE '2020-01-01', 1)`,
      [id, id, o.sector, o.size ?? 'micro', o.canton, o.canton],
    ),
    contact: (id, o) => w.run(
      `INSERT INTO firm_contact (contact_id, firm_id, office_code, contacted_on, month, step, load_id)
       VALUES (?, ?, 'OF', ?::DATE, date_trunc('month', ?::DATE)::DATE, ?, 1)`,
      [id, o.firm, o.on, o.on, o.step],
    ),
  };
}

/** An answer as row objects, for comparing with hand-computed rows. */
export function asRows(a: { names: string[]; values: unknown[][]; rowCount: number }): Record<string, unknown>[] {
  return Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![r]])));
}
