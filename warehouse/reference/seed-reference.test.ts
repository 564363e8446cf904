import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { Warehouse } from '../warehouse.ts';
import { CANTONS } from './cantons.ts';
import { seedReference } from './seed-reference.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await migrate(w);
});
afterAll(() => w.close());

describe('seedReference', () => {
  it('fills every reference table, and the same again on a second run', async () => {
    const first = await seedReference(w);
    expect(first).toEqual({ territory: 1 + 25 + CANTONS.length, sector: 21, occupation: 10, calendar: 13_149 });
    expect(await seedReference(w)).toEqual(first);
  });

  it("gives each canton its province's region and Amazon flag", async () => {
    const mismatches = await w.rows(`SELECT c.code FROM territory c JOIN territory p ON p.code = c.province_code AND p.level = 'province'
      WHERE c.level = 'canton' AND (c.region IS DISTINCT FROM p.region OR c.amazon_special <> p.amazon_special)`);
    expect(mismatches).toEqual([]);
    expect(await w.rows("SELECT name, region, amazon_special FROM territory WHERE code = '1501'")).toEqual([{ name: 'Tena', region: 'Amazonía', amazon_special: true }]);
  });

  it('has a calendar with ISO weekdays and leap days', async () => {
    expect(await w.rows("SELECT weekday, iso_week, quarter, month_start::VARCHAR AS m FROM calendar WHERE date = DATE '2024-02-29'")).toEqual([{ weekday: 4, iso_week: 9, quarter: 1, m: '2024-02-01' }]);
  });
});
