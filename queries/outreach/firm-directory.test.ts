import { describe, expect, it } from 'vitest';
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import { servedView } from '../../warehouse/testing/served-view.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition, Viewer } from '../catalogue/query-definition.ts';
import { parseParams } from '../catalogue/run-query.ts';
import { PackedStrings, firmDirectory, territoryMask } from './firm-directory.ts';
import { ageingVacancies } from './ageing-vacancies.ts';
import { firmsToVisit } from './firms-to-visit.ts';
import { followupDue } from './followup-due.ts';

const viewer = (territories: string[]): Viewer => ({ username: 'ana', role: 'concertador', territories });

describe('PackedStrings', () => {
  it('gives back each value, empty texts, NULLs and any script included', () => {
    const values = ['Ferretería Ñandú', null, '', 'x', '😀 Quito', null, 'Andes S.A.'];
    const packed = new PackedStrings(values);
    expect(values.map((_, i) => packed.at(i))).toEqual(values);
  });
});

/**
 * A firm list from the firm directory and from its SQL, for territory sets around the province
 * with most rows of `from` (and its first canton) and each parameter set, held equal: rows, order,
 * types, values. Returns the rows compared.
 */
async function compareList(w: Warehouse, query: QueryDefinition, from: string, paramSets: readonly Record<string, string>[]): Promise<number> {
  const served = servedView(w);
  const [{ p, c }] = (await w.rows<{ p: string; c: string }>(
    `SELECT province_code AS p, any_value(canton_code ORDER BY canton_code) AS c FROM ${from} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)) as [{ p: string; c: string }];
  let rows = 0;
  for (const territories of [[p], [c], [p, '09', '17'], ['99'], []]) {
    for (const raw of paramSets) {
      const params = parseParams(query, raw) as never;
      const fromMemory = await query.compute!(served, params, viewer(territories));
      const { sql, params: bound } = query.build(params, viewer(territories));
      const fromSql = await w.columns(sql, bound);
      const label = JSON.stringify({ territories, raw });
      expect(fromMemory, label).not.toBeNull();
      expect({ names: fromMemory!.names, types: fromMemory!.types, values: fromMemory!.values }, label)
        .toEqual({ names: fromSql.names, types: fromSql.types, values: fromSql.values });
      rows += fromSql.rowCount;
    }
  }
  return rows;
}

describe('firm lists from the firm directory in memory', () => {
  const demo = demoFixture('followup-due', 7);

  it('followup-due equals its SQL, rows, order and values, for territories, windows and limits', async () => {
    const limits: Record<string, string>[] = [{ limit: '1' }, { limit: '7' }, {}, { limit: '9999' }];
    const sets = ['1', '7', '30', '90', '366'].flatMap((days) => limits.map((limit) => ({ days, ...limit })));
    expect(await compareList(demo.warehouse, followupDue, 'firm_fact', sets)).toBeGreaterThan(200);
  });

  it('firms-to-visit equals its SQL, rows, order and values, for territories and limits', async () => {
    expect(await compareList(demo.warehouse, firmsToVisit, 'firm_fact', [{ limit: '0' }, { limit: '1' }, { limit: '25' }, {}, { limit: '9999' }])).toBeGreaterThan(100);
  });

  it('ageing-vacancies equals its SQL, rows, order and values, for territories, ages, referrals and limits', async () => {
    const w = demo.warehouse;
    const sets: Record<string, string>[] = [{}, { min_days: '1' }, { min_days: '45', max_referrals: '1' }, { max_referrals: '0' }, { max_referrals: '50', limit: '3' }, { min_days: '1', limit: '9999' }];
    expect(await compareList(w, ageingVacancies, 'vacancy_fact WHERE open_at_end', sets)).toBeGreaterThan(0);
    // The tiny demo has few vacancies open at its end: each again 30 times under other ids and
    // referral counts, for many rows of the same age, ordered by id.
    await w.run(`INSERT INTO vacancy_fact SELECT v.* REPLACE (vacancy_id || '-' || k AS vacancy_id, vx + k * 1000000 AS vx, (end_referrals + k) % 5 AS end_referrals)
      FROM vacancy_fact v, range(1, 31) t(k) WHERE open_at_end`);
    expect(await compareList(w, ageingVacancies, 'vacancy_fact WHERE open_at_end', sets)).toBeGreaterThan(250);
  });

  it('leaves a cut-off date and a window longer than the vacancies it keeps to the SQL', async () => {
    const served = servedView(demo.warehouse);
    expect(await followupDue.compute!(served, parseParams(followupDue, { asof: '2026-06-30' }) as never, viewer(['17']))).toBeNull();
    expect(await followupDue.compute!(served, parseParams(followupDue, { days: '400' }) as never, viewer(['17']))).toBeNull();
    expect(await ageingVacancies.compute!(served, parseParams(ageingVacancies, { asof: '2026-06-30' }) as never, viewer(['17']))).toBeNull();
  });

  it('keeps each firm of a province and of a canton in the territory mask, as the SQL scope does', async () => {
    const w = demo.warehouse;
    const d = await firmDirectory(servedView(w));
    const count = (mask: Uint8Array) => mask.reduce((a, b) => a + b, 0);
    const [{ n17 }] = (await w.rows<{ n17: number }>("SELECT count(*)::INTEGER AS n17 FROM firm_fact WHERE province_code = '17' OR canton_code = '0901'")) as [{ n17: number }];
    expect(count(territoryMask(d, ['17', '0901']))).toBe(n17);
    expect(n17).toBeGreaterThan(0);
  });
});
