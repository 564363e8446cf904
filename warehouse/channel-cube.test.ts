import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REBUILD_CHANNEL_CUBE } from './channel-cube.ts';
import { memoryWarehouse } from './testing/memory-warehouse.ts';
import type { Warehouse } from './warehouse.ts';

let w: Warehouse;

// Facts written directly (the cube reads only event_fact, placement_fact and fact_bounds). The data end on 2024-06-30.
beforeAll(async () => {
  w = await memoryWarehouse();
  const ev = (on: string, kind: string, px: number | null, firm: string | null) =>
    `(date_trunc('month', DATE '${on}')::DATE, DATE '${on}', '${kind}', 'Q1', '17', ${px ?? 'NULL'}, NULL, NULL, ${firm ? `'${firm}'` : 'NULL'})`;
  await w.run(`INSERT INTO event_fact VALUES ${[
    // Person 1, counselling in January (twice: the 5th is the month's first), March and April; portal in February.
    ev('2024-01-20', 'counselling', 1, null), ev('2024-01-05', 'counselling', 1, null), ev('2024-03-10', 'counselling', 1, null),
    ev('2024-04-02', 'counselling', 1, null), ev('2024-02-01', 'portal', 1, null),
    // Person 2 in February, person 3 in May (too late to be judged: May 1st + 90 days is July 30th).
    ev('2024-02-15', 'counselling', 2, null), ev('2024-05-01', 'counselling', 3, null),
    // Firm f1 in January (twice) and March, f2 in March; a job fair with neither a person nor a firm.
    ev('2024-01-10', 'workshop_employers', null, 'f1'), ev('2024-01-12', 'workshop_employers', null, 'f1'),
    ev('2024-03-03', 'workshop_employers', null, 'f1'), ev('2024-03-04', 'workshop_employers', null, 'f2'),
    ev('2024-02-02', 'job_fair', null, null),
  ].join(', ')}`);
  const pl = (on: string, px: number | null) =>
    `(date_trunc('month', DATE '${on}')::DATE, DATE '${on}', 'Q1', '17', 'G', '5', 'F', '18-24', 'portal', ${px ?? 'NULL'}, 10, false, false, false, false, false, '1701', NULL, NULL, NULL)`;
  // Person 1 placed before everything and on April 15th; person 2 on June 1st; a placement of no known person.
  await w.run(`INSERT INTO placement_fact VALUES ${[pl('2023-12-01', 1), pl('2024-04-15', 1), pl('2024-06-01', 2), pl('2024-02-20', null)].join(', ')}`);
  await w.run(`INSERT INTO fact_bounds (data_end) VALUES (DATE '2024-06-30')`);
  for (const statement of REBUILD_CHANNEL_CUBE) await w.run(statement);
});
afterAll(() => w?.close());

describe('the channel cube', () => {
  it('counts events per kind and month', async () => {
    expect(await w.rows("SELECT kind, strftime(month, '%Y-%m') AS m, events FROM channel_month")).toEqual([
      { kind: 'counselling', m: '2024-01', events: 2 },
      { kind: 'counselling', m: '2024-02', events: 1 },
      { kind: 'counselling', m: '2024-03', events: 1 },
      { kind: 'counselling', m: '2024-04', events: 1 },
      { kind: 'counselling', m: '2024-05', events: 1 },
      { kind: 'job_fair', m: '2024-02', events: 1 },
      { kind: 'portal', m: '2024-02', events: 1 },
      { kind: 'workshop_employers', m: '2024-01', events: 2 },
      { kind: 'workshop_employers', m: '2024-03', events: 2 },
    ]);
  });

  it('keeps each (person or firm, month) pair with its previous month of the kind, and whether its first event was judged and converted', async () => {
    const rows = await w.rows<Record<string, unknown>>(
      "SELECT kind, strftime(month, '%Y-%m') AS m, strftime(prev, '%Y-%m') AS prev, persons, observable, converted, firms FROM channel_reach");
    expect(rows.map((r) => Object.values(r))).toEqual([
      ['counselling', '2024-01', null, 1, 1, 0, 0], // person 1 from Jan 5th: window to Apr 4th, placed Apr 15th (too late)
      ['counselling', '2024-02', null, 1, 1, 0, 0], // person 2 from Feb 15th: window to May 15th, placed Jun 1st
      ['counselling', '2024-03', '2024-01', 1, 1, 1, 0], // person 1 from Mar 10th: window to Jun 8th, placed Apr 15th
      ['counselling', '2024-04', '2024-03', 1, 0, 0, 0], // person 1 from Apr 2nd: window to Jul 1st, after the data end
      ['counselling', '2024-05', null, 1, 0, 0, 0], // person 3
      ['portal', '2024-02', null, 1, 1, 1, 0], // person 1 from Feb 1st: window to May 1st, placed Apr 15th
      ['workshop_employers', '2024-01', null, 0, 0, 0, 1], // f1
      ['workshop_employers', '2024-03', null, 0, 0, 0, 1], // f2
      ['workshop_employers', '2024-03', '2024-01', 0, 0, 0, 1], // f1 again
    ]);
  });

  it('counts each person once in a period: the rows of its months whose previous month is none or before it', async () => {
    const persons = async (a: string, b: string) => (await w.rows<{ n: number }>(
      `SELECT coalesce(sum(persons), 0)::INTEGER AS n FROM channel_reach WHERE kind = 'counselling' AND month BETWEEN $a::DATE AND $b::DATE AND (prev IS NULL OR prev < $a::DATE)`,
      { a: `${a}-01`, b: `${b}-01` }))[0]!.n;
    expect(await persons('2024-01', '2024-05')).toBe(3);
    expect(await persons('2024-03', '2024-04')).toBe(1); // person 1 only, from March
    expect(await persons('2024-02', '2024-03')).toBe(2); // person 2 in February; person 1 in March, previously in January
  });

  it('rebuilds to the same rows', async () => {
    const before = await w.rows('SELECT * FROM channel_reach');
    for (const statement of REBUILD_CHANNEL_CUBE) await w.run(statement);
    expect(await w.rows('SELECT * FROM channel_reach')).toEqual(before);
  });
});
