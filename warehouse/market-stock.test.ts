import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildFacts } from './facts.ts';
import { STOCK_KINDS, endOfDayCte, marketStockCtes } from './market-stock.ts';
import { memoryWarehouse } from './testing/memory-warehouse.ts';
import type { Warehouse } from './warehouse.ts';

let w: Warehouse;

const seeker = (id: string, registered: string, canton: string) => w.run(
  `INSERT INTO seeker (seeker_id, registered_on, reg_month, birth_year, age_at_reg, age_band, sex, disability, canton_code, province_code, office_code, load_id, person_id, id_status)
   VALUES (?, ?::DATE, date_trunc('month', ?::DATE), 1990, 30, '30-44', 'F', false, ?, left(?, 2), 'OF', 1, ?, 'valid')`,
  [id, registered, registered, canton, canton, id],
);
const vacancy = (id: string, posted: string, sector: string, occupation: string) => w.run(
  `INSERT INTO vacancy (vacancy_id, firm_id, office_code, posted_on, posted_month, closed_on, positions, occupation_code, sector_code, canton_code, province_code, load_id)
   VALUES (?, 'F', 'OF', ?::DATE, date_trunc('month', ?::DATE), NULL, 1, ?, ?, '1701', '17', 1)`,
  [id, posted, posted, occupation, sector],
);
const referral = (id: string, seekerId: string, vacancyId: string, on: string) => w.run(
  `INSERT INTO referral VALUES (?, ?, ?, ?::DATE, date_trunc('month', ?::DATE), false, 1)`, [id, seekerId, vacancyId, on, on]);
const placement = (id: string, seekerId: string, vacancyId: string, on: string) => w.run(
  `INSERT INTO placement (placement_id, seeker_id, vacancy_id, placed_on, month, office_code, province_code, canton_code, sector_code, occupation_code, sex, age_band, channel, load_id)
   VALUES (?, ?, ?, ?::DATE, date_trunc('month', ?::DATE), 'OF', '17', '1701', 'C', '7', 'F', '30-44', 'portal', 1)`,
  [id, seekerId, vacancyId, on, on]);

beforeAll(async () => {
  w = await memoryWarehouse();
  // The latest posting is on 2024-06-15: the stock is kept at 2024-06-30 and at 2024-06-15.
  await vacancy('VC', '2024-03-01', 'C', '7');
  await vacancy('VG', '2024-06-15', 'G', '5');
  await seeker('a', '2024-03-05', '1701'); // registered in the window, never placed: active
  await seeker('b', '2022-01-01', '1701'); // referred, then placed: not active
  await referral('Rb', 'b', 'VC', '2024-05-10');
  await placement('Pb', 'b', 'VC', '2024-06-01');
  await seeker('c', '2022-01-01', '1702'); // referred, placed, referred again on 06-20: active at 06-30 only
  await referral('Rc1', 'c', 'VC', '2024-04-01');
  await placement('Pc', 'c', 'VC', '2024-05-01');
  await referral('Rc2', 'c', 'VG', '2024-06-20');
  await seeker('d', '2020-01-01', '0901'); // last referred before the 12 months
  await referral('Rd', 'd', 'VC', '2023-01-01');
  await seeker('f', '2020-01-01', '1701'); // referred to a vacancy the registry does not hold: no activity
  await referral('Rf', 'f', 'VX', '2024-06-10');
  await seeker('g', '2024-07-01', '0901'); // registered after the end
  await seeker('h', '2024-06-25', '1701'); // referred before registering: counts once registered (06-30), not at 06-15
  await referral('Rh', 'h', 'VG', '2024-06-12');
  await rebuildFacts(w);
});
afterAll(() => w?.close());

const stored = () => w.rows(
  "SELECT strftime(as_of, '%Y-%m-%d') AS as_of, kind, code, province_code, canton_code, seekers, open_vacancies, open_positions FROM market_stock ORDER BY ALL");

describe('market stock', () => {
  it('keeps the active seekers and open vacancies at the end of the data by province and canton, hand-checked', async () => {
    // VC and VG (1701, one position each) are open on both days.
    const row = (as_of: string, kind: string, code: string, canton: string, seekers: number, open: number) =>
      ({ as_of, kind, code, province_code: '17', canton_code: canton, seekers, open_vacancies: open, open_positions: open });
    expect(await stored()).toEqual([
      row('2024-06-15', 'occupation', '5', '1701', 0, 1), row('2024-06-15', 'occupation', '7', '1701', 0, 1),
      row('2024-06-15', 'sector', 'C', '1701', 0, 1), row('2024-06-15', 'sector', 'G', '1701', 0, 1),
      row('2024-06-15', 'total', '*', '1701', 1, 2),
      row('2024-06-30', 'occupation', '5', '1701', 1, 1), row('2024-06-30', 'occupation', '5', '1702', 1, 0),
      row('2024-06-30', 'occupation', '7', '1701', 0, 1), row('2024-06-30', 'occupation', '7', '1702', 1, 0),
      row('2024-06-30', 'sector', 'C', '1701', 0, 1), row('2024-06-30', 'sector', 'C', '1702', 1, 0),
      row('2024-06-30', 'sector', 'G', '1701', 1, 1), row('2024-06-30', 'sector', 'G', '1702', 1, 0),
      row('2024-06-30', 'total', '*', '1701', 2, 2), row('2024-06-30', 'total', '*', '1702', 1, 0),
    ]);
  });

  it('stores what the queries would compute at those days', async () => {
    for (const day of ['2024-06-15', '2024-06-30']) {
      const computed = await w.rows(
        `WITH ${endOfDayCte('$day')}, ${marketStockCtes('true', STOCK_KINDS)}
         SELECT strftime(e.d, '%Y-%m-%d') AS as_of, kind, code, province_code, canton_code, seekers, open_vacancies, open_positions FROM stock, e ORDER BY ALL`,
        { day },
      );
      expect(computed).toEqual((await stored()).filter((r) => r.as_of === day));
    }
  });

  it('keeps one day when the latest posting is a month\'s last day', async () => {
    await vacancy('VL', '2024-06-30', 'G', '5');
    await rebuildFacts(w);
    expect(new Set((await stored()).map((r) => r.as_of))).toEqual(new Set(['2024-06-30']));
  });
});
