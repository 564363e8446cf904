import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsMissing, rebuildFacts } from './facts.ts';
import { memoryWarehouse } from './testing/memory-warehouse.ts';
import type { Warehouse } from './warehouse.ts';

let w: Warehouse;

beforeAll(async () => {
  w = await memoryWarehouse();
  await w.run(`INSERT INTO office VALUES ('Q1', 'Quito', '1701', '17', 1), ('G1', 'Guayaquil', '0901', '09', 1)`);
  // Person pB holds two records (sB1, sB2); pA one.
  await w.run(`INSERT INTO seeker (seeker_id, registered_on, reg_month, birth_year, age_at_reg, age_band, sex, disability, canton_code, province_code, office_code, load_id, person_id, id_status)
    VALUES ('sA', '2024-01-10', '2024-01-01', 2000, 24, '18-24', 'F', false, '1701', '17', 'Q1', 1, 'pA', 'valid'),
           ('sB1', '2024-02-01', '2024-02-01', 1980, 44, '30-44', 'M', true, '0901', '09', 'G1', 1, 'pB', 'valid'),
           ('sB2', '2024-03-05', '2024-03-01', 1980, 44, '30-44', 'M', true, '0901', '09', 'G1', 1, 'pB', 'profile')`);
  await w.run(`INSERT INTO vacancy (vacancy_id, firm_id, office_code, posted_on, posted_month, closed_on, positions, occupation_code, sector_code, canton_code, province_code, load_id)
    VALUES ('v1', 'f1', 'Q1', '2024-01-05', '2024-01-01', NULL, 1, '5', 'G', '1701', '17', 1),
           ('v2', 'f1', 'G1', '2024-02-10', '2024-02-01', '2024-03-01', 3, '9', 'A', '0901', '09', 1)`);
  await w.run(`INSERT INTO placement (placement_id, seeker_id, vacancy_id, placed_on, month, office_code, province_code, canton_code, sector_code, occupation_code, sex, age_band, channel, load_id)
    VALUES ('c1', 'sA', 'v1', '2024-01-25', '2024-01-01', 'Q1', '17', '1701', 'G', '5', 'F', '18-24', 'portal', 1),
           ('c2', 'sB2', 'v1', '2024-04-01', '2024-04-01', 'Q1', '17', '1701', 'G', '5', 'M', '30-44', 'counselling', 1),
           ('c3', 'sB1', 'v2', '2024-02-20', '2024-02-01', 'G1', '09', '0901', 'A', '9', 'M', '30-44', 'job_fair', 1)`);
  await w.run(`INSERT INTO followup VALUES ('c1', 1, '2024-02-25', true, 1), ('c1', 3, '2024-04-25', false, 1), ('c3', 6, '2024-08-20', true, 1)`);
  await w.run(`INSERT INTO service_event (event_id, kind, event_on, month, office_code, seeker_id, firm_id, load_id)
    VALUES ('e1', 'counselling', '2024-01-05', '2024-01-01', 'Q1', 'sA', NULL, 1),
           ('e2', 'portal', '2024-01-12', '2024-01-01', 'G1', 'sA', NULL, 1),
           ('e3', 'workshop_employers', '2024-02-02', '2024-02-01', 'G1', NULL, 'f1', 1)`);
  await w.run(`INSERT INTO referral VALUES ('r1', 'sB1', 'v2', '2024-02-12', '2024-02-01', true, 1)`);
  // Firms f1 (Quito, the vacancies') and f0 (Guayaquil, numbered first by its province); a contact with f1.
  await w.run(`INSERT INTO firm (firm_id, name, sector_code, employees, size_band, canton_code, province_code, office_code, registered_on, load_id)
    VALUES ('f1', 'Uno', 'G', 5, 'micro', '1701', '17', 'Q1', '2020-01-01', 1), ('f0', 'Cero', 'A', 60, 'medium', '0901', '09', 'G1', '2020-01-01', 1)`);
  await w.run(`INSERT INTO firm_contact VALUES ('k1', 'f1', 'Q1', '2024-02-03', '2024-02-01', 'facilitation', 1)`);
  await rebuildFacts(w);
});
afterAll(() => w?.close());

describe('rebuildFacts', () => {
  it('numbers persons densely, one number per person across their records', async () => {
    const rows = await w.rows<{ px: number; sx: number; office_code: string; first_service_on: string | null }>(
      "SELECT px, sx, office_code, strftime(first_service_on, '%Y-%m-%d') AS first_service_on FROM seeker_fact ORDER BY registered_on");
    expect(rows.map((r) => r.px)).toEqual([1, 2, 2]);
    expect(rows.map((r) => r.sx)).toEqual([1, 2, 3]);
    // sA's first service on or after registering (2024-01-10) is the portal event of 01-12, not the counselling of 01-05.
    expect(rows.map((r) => r.first_service_on)).toEqual(['2024-01-12', null, null]);
  });

  it('folds the follow-ups into each placement and the days since the record placed registered', async () => {
    const rows = await w.rows("SELECT px, days, has1, has3, has6, emp3, emp6 FROM placement_fact ORDER BY placed_on");
    expect(rows).toEqual([
      { px: 1, days: 15, has1: true, has3: true, has6: false, emp3: false, emp6: false },
      { px: 2, days: 19, has1: false, has3: false, has6: true, emp3: false, emp6: true },
      { px: 2, days: 27, has1: false, has3: false, has6: false, emp3: false, emp6: false },
    ]);
  });

  it('counts each vacancy\'s placements of any date and its first', async () => {
    expect(await w.rows("SELECT placements, strftime(first_placed_on, '%Y-%m-%d') AS first FROM vacancy_fact ORDER BY posted_on")).toEqual([
      { placements: 2, first: '2024-01-25' },
      { placements: 1, first: '2024-02-20' },
    ]);
  });

  it('gives events the office\'s province and the person\'s attributes, and referrals the vacancy\'s', async () => {
    expect(await w.rows('SELECT kind, province_code, px, sex, age_band, firm_id FROM event_fact ORDER BY event_on')).toEqual([
      { kind: 'counselling', province_code: '17', px: 1, sex: 'F', age_band: '18-24', firm_id: null },
      { kind: 'portal', province_code: '09', px: 1, sex: 'F', age_band: '18-24', firm_id: null },
      { kind: 'workshop_employers', province_code: '09', px: null, sex: null, age_band: null, firm_id: 'f1' },
    ]);
    expect(await w.rows('SELECT px, sex, office_code, province_code, sector_code, occupation_code, interviewed FROM referral_fact')).toEqual([
      { px: 2, sex: 'M', office_code: 'G1', province_code: '09', sector_code: 'A', occupation_code: '9', interviewed: true },
    ]);
  });

  it('numbers firms by province and canton, vacancies by month, and gives each row its seeker record, vacancy and firm', async () => {
    expect(await w.rows('SELECT fx, firm_id, name, sector_code, size_band, canton_code, province_code FROM firm_fact ORDER BY fx')).toEqual([
      { fx: 1, firm_id: 'f0', name: 'Cero', sector_code: 'A', size_band: 'medium', canton_code: '0901', province_code: '09' },
      { fx: 2, firm_id: 'f1', name: 'Uno', sector_code: 'G', size_band: 'micro', canton_code: '1701', province_code: '17' },
    ]);
    // r1 (2024-02-12) comes after the latest posting (2024-02-10): no referral counts at the end of the data.
    expect(await w.rows('SELECT vx, vacancy_id, fx, canton_code, end_referrals FROM vacancy_fact ORDER BY vx')).toEqual([
      { vx: 1, vacancy_id: 'v1', fx: 2, canton_code: '1701', end_referrals: 0 },
      { vx: 2, vacancy_id: 'v2', fx: 2, canton_code: '0901', end_referrals: 0 },
    ]);
    // Records numbered by seeker_id: sA 1, sB1 2, sB2 3.
    expect(await w.rows("SELECT sx, fx, canton_code, strftime(posted_month, '%Y-%m') AS posted FROM placement_fact ORDER BY placed_on")).toEqual([
      { sx: 1, fx: 2, canton_code: '1701', posted: '2024-01' },
      { sx: 2, fx: 2, canton_code: '0901', posted: '2024-02' },
      { sx: 3, fx: 2, canton_code: '1701', posted: '2024-01' },
    ]);
    expect(await w.rows('SELECT sx, canton_code FROM seeker_fact ORDER BY sx')).toEqual([
      { sx: 1, canton_code: '1701' }, { sx: 2, canton_code: '0901' }, { sx: 3, canton_code: '0901' },
    ]);
    expect(await w.rows('SELECT sx, vx, seeker_province, seeker_canton, registered_later_on FROM referral_fact')).toEqual([
      { sx: 2, vx: 2, seeker_province: '09', seeker_canton: '0901', registered_later_on: null },
    ]);
    expect(await w.rows("SELECT strftime(contacted_on, '%Y-%m-%d') AS on, step, fx FROM contact_fact")).toEqual([{ on: '2024-02-03', step: 'facilitation', fx: 2 }]);
  });

  it('keeps each firm\'s activity at the end of the data: the 12 months to the latest month with vacancies, and that month\'s last day', async () => {
    // The window is 2023-03..2024-02: f1 posted v1 and v2 in it; c1 (aged 18-24) and c3 were placed in it, c2 after it, all on them.
    expect(await w.rows(`SELECT firm_id, vacancies, positions, posting_months, placements, young_placements, window_placements, later_placements, contacts,
        strftime(end_contact, '%Y-%m-%d') AS end_contact, strftime(last_contact, '%Y-%m-%d') AS last_contact,
        strftime(last_facilitation, '%Y-%m-%d') AS last_facilitation, last_followup FROM firm_fact ORDER BY fx`)).toEqual([
      { firm_id: 'f0', vacancies: 0, positions: 0, posting_months: 0, placements: 0, young_placements: 0, window_placements: 0, later_placements: 0, contacts: 0,
        end_contact: null, last_contact: null, last_facilitation: null, last_followup: null },
      { firm_id: 'f1', vacancies: 2, positions: 4, posting_months: 2, placements: 3, young_placements: 1, window_placements: 2, later_placements: 3, contacts: 1,
        end_contact: '2024-02-03', last_contact: '2024-02-03', last_facilitation: '2024-02-03', last_followup: null },
    ]);
    expect(await w.rows("SELECT strftime(contact_end, '%Y-%m-%d') AS c FROM fact_bounds")).toEqual([{ c: '2024-02-03' }]);
  });

  it('counts vacancies, positions and placements (and those of people aged 15-29) by month, place and sector or occupation', async () => {
    const row = (month: string, kind: string, code: string, canton: string, v: number, pos: number, pl: number, young: number) =>
      ({ month, kind, code, province_code: canton.slice(0, 2), canton_code: canton, vacancies: v, positions: pos, placements: pl, young });
    expect(await w.rows("SELECT strftime(month, '%Y-%m') AS month, kind, code, province_code, canton_code, vacancies, positions, placements, young FROM market_month ORDER BY ALL")).toEqual([
      row('2024-01', 'occupation', '5', '1701', 1, 1, 1, 1), row('2024-01', 'sector', 'G', '1701', 1, 1, 1, 1),
      row('2024-02', 'occupation', '9', '0901', 1, 3, 1, 0), row('2024-02', 'sector', 'A', '0901', 1, 3, 1, 0),
      row('2024-04', 'occupation', '5', '1701', 0, 0, 1, 0), row('2024-04', 'sector', 'G', '1701', 0, 0, 1, 0),
    ]);
  });

  it('keeps the stock of active seekers and open vacancies at the end of the data: the latest month\'s last day and the latest posting date', async () => {
    expect(await w.rows("SELECT strftime(vacancy_month, '%Y-%m-%d') AS m, strftime(vacancy_end, '%Y-%m-%d') AS e FROM fact_bounds")).toEqual([{ m: '2024-02-01', e: '2024-02-10' }]);
    // On 2024-02-29 sA and sB1 were placed after their last activity and sB2 had not registered;
    // on 2024-02-10 sB1 had registered (02-01) and was not yet referred (02-12) nor placed (02-20).
    expect(await w.rows("SELECT strftime(as_of, '%Y-%m-%d') AS as_of, kind, code, province_code, canton_code, seekers FROM market_stock WHERE seekers > 0")).toEqual([
      { as_of: '2024-02-10', kind: 'total', code: '*', province_code: '09', canton_code: '0901', seekers: 1 },
    ]);
    // v1 and v2 (closed on 03-01) are open on both days.
    expect(await w.rows(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of, canton_code, open_vacancies, open_positions FROM market_stock
      WHERE kind = 'total' ORDER BY ALL`)).toEqual([
      { as_of: '2024-02-10', canton_code: '0901', open_vacancies: 1, open_positions: 3 }, { as_of: '2024-02-10', canton_code: '1701', open_vacancies: 1, open_positions: 1 },
      { as_of: '2024-02-29', canton_code: '0901', open_vacancies: 1, open_positions: 3 }, { as_of: '2024-02-29', canton_code: '1701', open_vacancies: 1, open_positions: 1 },
    ]);
  });

  it('records the ends of the data, and a rebuild replaces rather than appends', async () => {
    expect(await w.rows("SELECT strftime(data_end, '%Y-%m-%d') AS d, strftime(followup_end, '%Y-%m-%d') AS f FROM fact_bounds")).toEqual([{ d: '2024-04-30', f: '2024-08-20' }]);
    await rebuildFacts(w);
    expect(await w.rows('SELECT (SELECT count(*) FROM placement_fact)::INTEGER AS p, (SELECT count(*) FROM fact_bounds)::INTEGER AS b')).toEqual([{ p: 3, b: 1 }]);
  });
});

describe('factsMissing', () => {
  it('is true only for a warehouse with data and no facts', async () => {
    const fresh = await memoryWarehouse();
    expect(await factsMissing(fresh)).toBe(false);
    await fresh.run(`INSERT INTO vacancy (vacancy_id, firm_id, office_code, posted_on, posted_month, closed_on, positions, occupation_code, sector_code, canton_code, province_code, load_id)
      VALUES ('v1', 'f1', 'Q1', '2024-01-05', '2024-01-01', NULL, 1, '5', 'G', '1701', '17', 1)`);
    expect(await factsMissing(fresh)).toBe(true);
    await rebuildFacts(fresh);
    expect(await factsMissing(fresh)).toBe(false);
    // Facts built before the latest migration (which may have added derived tables) are stale.
    await fresh.run('UPDATE fact_bounds SET schema_version = schema_version - 1');
    expect(await factsMissing(fresh)).toBe(true);
    fresh.close();
  });
});
