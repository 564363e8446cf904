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
    fresh.close();
  });
});
