import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { youthPlacements } from './youth-placements.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

/** Replaces the placements with rows of (date, province, sex, age band). */
async function placements(rows: [string, string, string, string][]): Promise<void> {
  await w.run('DELETE FROM placement');
  await w.run(`INSERT INTO placement SELECT 'P' || i, 's', 'v', d::DATE, date_trunc('month', d::DATE)::DATE, 'OF', prov, prov || '01', 'G', '5', sex, band, 400, 'portal', 1
    FROM (SELECT unnest(from_json(?::JSON, '[["VARCHAR"]]')) AS r, generate_subscripts(from_json(?::JSON, '[["VARCHAR"]]'), 1) AS i)
    , LATERAL (SELECT r[1] AS d, r[2] AS prov, r[3] AS sex, r[4] AS band)`, [JSON.stringify(rows), JSON.stringify(rows)]);
  await rebuildAggregates(w);
}
const answer = async (params: Record<string, string>) => {
  const a = await runQuery(w, youthPlacements, params);
  return Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![r]])));
};
const repeat = (n: number, row: [string, string, string, string]) => Array.from({ length: n }, () => row);

describe('youth-placements', () => {
  it('counts young people placed, hand-checked, hiding small cells and one more', async () => {
    await placements([
      ...repeat(25, ['2025-03-10', '09', 'F', '18-24']), ...repeat(12, ['2025-05-10', '17', 'M', '25-29']),
      ...repeat(4, ['2025-06-10', '20', 'F', '15-17']), ...repeat(30, ['2025-07-10', '13', 'M', '18-24']),
      ...repeat(50, ['2025-07-10', '13', 'M', '30-44']), ...repeat(9, ['2024-07-10', '17', 'F', '18-24']),
    ]);
    expect(await answer({ year: '2025', by: 'province' })).toEqual([
      { year: 2025, group: '09', placements: 25, suppression: null },
      { year: 2025, group: '13', placements: 30, suppression: null },
      { year: 2025, group: '17', placements: null, suppression: 'complementary' },
      { year: 2025, group: '20', placements: null, suppression: 'primary' },
      { year: 2025, group: 'total', placements: 71, suppression: null },
    ]);
    expect(await answer({ year: '2025', by: 'sex' })).toEqual([
      { year: 2025, group: 'F', placements: 29, suppression: null },
      { year: 2025, group: 'M', placements: 42, suppression: null },
      { year: 2025, group: 'total', placements: 71, suppression: null },
    ]);
    expect(await answer({ year: '2024', by: 'sex' })).toEqual([
      { year: 2024, group: 'F', placements: null, suppression: 'primary' },
      { year: 2024, group: 'total', placements: null, suppression: 'primary' },
    ]);
  });

  it('lets no combination of public filters recover a hidden count (differencing attacker, every combination of 30 data sets)', async () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let hiddenSeen = 0;
    for (let dataset = 0; dataset < 30; dataset++) {
      const rows: [string, string, string, string][] = [];
      const n = 20 + Math.floor(rnd() * 400);
      for (let i = 0; i < n; i++) {
        const province = String(1 + Math.floor(rnd() ** 2 * 24)).padStart(2, '0');
        rows.push([`${2023 + Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 9)}-15`, province, rnd() < 0.5 ? 'F' : 'M', ['15-17', '18-24', '25-29', '30-44'][Math.floor(rnd() * 4)]!]);
      }
      await placements(rows);
      for (const year of ['2023', '2024', '2025']) {
        const truth = rows.filter((r) => r[0].startsWith(year) && r[3] !== '30-44');
        for (const by of ['province', 'sex', 'age_band'] as const) {
          const cells = await answer({ year, by });
          const total = cells.find((c) => c.group === 'total')!;
          const parts = cells.filter((c) => c.group !== 'total');
          const hidden = parts.filter((c) => c.placements === null);
          hiddenSeen += hidden.length;
          const column = { province: 1, sex: 2, age_band: 3 }[by];
          const trueCount = (g: unknown) => truth.filter((r) => r[column] === g).length;
          for (const c of parts.filter((p) => p.placements !== null)) expect(c.placements).toBe(trueCount(c.group));
          for (const c of cells.filter((p) => p.placements !== null)) expect((c.placements as number) === 0 || (c.placements as number) >= 10).toBe(true);
          if (total.placements !== null && hidden.length > 0) {
            // The attacker subtracts the published cells from the published total: with one hidden
            // cell that would be its value; with several, only their sum, which must stay >= 10.
            expect(hidden.length, `${dataset} ${year} ${by}`).toBeGreaterThanOrEqual(2);
            expect(hidden.reduce((s, c) => s + trueCount(c.group), 0)).toBeGreaterThanOrEqual(10);
          }
        }
      }
    }
    expect(hiddenSeen).toBeGreaterThan(50);
  }, 60_000);
});
