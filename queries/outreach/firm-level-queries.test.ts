import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition, Viewer } from '../catalogue/query-definition.ts';
import { answerKey } from '../catalogue/answer-cache.ts';
import { answerFrom, ParamError, runQuery, type AnswerSource, type QueryAnswer } from '../catalogue/run-query.ts';
import { asRows, rowsFor } from '../market/market-fixtures.ts';
import { targetSectors } from '../market/target-sectors.ts';
import { ageingVacancies } from './ageing-vacancies.ts';
import { firmsToVisit } from './firms-to-visit.ts';
import { followupDue } from './followup-due.ts';
import { targetFirmComponents } from './target-firm-components.ts';
import { targetFirms } from './target-firms.ts';
import { visitLoop } from './visit-loop.ts';

let w: Warehouse;
const PICHINCHA: Viewer = { username: 'luis', role: 'concertador', territories: ['17'] };

beforeAll(async () => {
  w = await memoryWarehouse();
  const r = rowsFor(w);
  await r.firm('FA', { sector: 'C', canton: '1701', size: 'small' });
  for (const [id, sector, canton] of [['FB', 'G', '1701'], ['FC', 'C', '1702'], ['FD', 'G', '1701'], ['FE', 'G', '1701'], ['FX', 'C', '0901']] as const) await r.firm(id, { sector, canton });
  await r.vacancy('VA1', { firm: 'FA', posted: '2024-03-10', closed: '2024-04-01', positions: 2, sector: 'C', occupation: '7', canton: '1701' });
  await r.vacancy('VA2', { firm: 'FA', posted: '2024-06-10', closed: '2024-07-01', positions: 2, sector: 'C', occupation: '7', canton: '1701' });
  await r.vacancy('VA3', { firm: 'FA', posted: '2024-09-10', closed: '2024-10-01', positions: 1, sector: 'C', occupation: '7', canton: '1701' });
  await r.vacancy('VA4', { firm: 'FA', posted: '2024-11-01', positions: 3, sector: 'C', occupation: '7', canton: '1701' });
  await r.vacancy('VB1', { firm: 'FB', posted: '2024-12-05', sector: 'G', occupation: '5', canton: '1701' });
  await r.vacancy('VB2', { firm: 'FB', posted: '2024-12-25', sector: 'G', occupation: '5', canton: '1701' });
  await r.vacancy('VX1', { firm: 'FX', posted: '2024-05-01', sector: 'C', occupation: '5', canton: '0901' });
  await r.placement('P1', { vacancy: 'VA1', placed: '2024-03-20', sector: 'C', canton: '1701', age: '18-24' });
  await r.placement('P2', { vacancy: 'VA1', placed: '2024-03-25', sector: 'C', canton: '1701', age: '30-44' });
  await r.placement('P3', { vacancy: 'VA2', placed: '2024-06-20', sector: 'C', canton: '1701', age: '25-29' });
  await r.placement('PX', { vacancy: 'VX1', placed: '2024-05-20', sector: 'C', canton: '0901' });
  await r.contact('K1', { firm: 'FA', on: '2024-12-01', step: 'facilitation' });
  await r.contact('K2', { firm: 'FC', on: '2024-01-01', step: 'followup' });
  await r.contact('K3', { firm: 'FD', on: '2024-10-01', step: 'facilitation' });
  await r.contact('K4', { firm: 'FD', on: '2024-10-20', step: 'followup' });
  await r.contact('K5', { firm: 'FE', on: '2024-12-20', step: 'facilitation' });
  await r.contact('KX', { firm: 'FX', on: '2024-01-01', step: 'facilitation' });
  for (const [s, canton, vacancy] of [['S1', '1701', 'VB1'], ['S2', '1701', 'VX1'], ['S3', '1702', 'VB1'], ['S4', '1701', 'VA4'], ['S5', '1701', 'VA4'], ['S6', '1701', 'VA4']] as const) {
    await r.seeker(s, { registered: '2024-02-01', canton });
    await r.referral(`R${s}`, { seeker: s, vacancy, on: '2024-12-10' });
  }
  await rebuildAggregates(w);
});
afterAll(() => w.close());

const run = async (q: QueryDefinition, params: Record<string, string>, viewer: Viewer = PICHINCHA) => asRows(await runQuery(w, q, params, {}, viewer));
const byFirm = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((x) => [x.firm_id, x as Record<string, number | string | null>]));

describe('target-firms', () => {
  it('ranks the viewer’s firms with hand-computed components whose contributions add up to the score', async () => {
    const rows = await run(targetFirms, { from: '2024-01', to: '2024-12' });
    expect(rows.map((x) => x.firm_id).sort()).toEqual(['FA', 'FB', 'FC', 'FD', 'FE']);
    const f = byFirm(rows);
    const sectors = Object.fromEntries(asRows(await runQuery(w, targetSectors, { territory: '17', from: '2024-01', to: '2024-12' })).map((x) => [x.sector_code, x.score as number]));
    expect(f.FA).toMatchObject({ vacancies: 4, positions: 8, posting_months: 4, placements: 3, last_contact: '2024-12-01', days_since_contact: 30, posting_norm: 1, fill_norm: 3 / 8 });
    expect(f.FA!.sector_norm).toBeCloseTo(sectors.C!, 12);
    expect(f.FB!.sector_norm).toBeCloseTo(sectors.G!, 12);
    expect(f.FA!.contact_norm).toBeCloseTo(30 / 365, 12);
    expect(f.FA!.youth_norm).toBeCloseTo(2 / 3, 12);
    expect(f.FB).toMatchObject({ vacancies: 2, posting_norm: 0.5, fill_norm: 0, contact_norm: 1, youth_norm: 0, last_contact: null, reasons: expect.stringContaining('never_contacted') });
    expect(f.FC).toMatchObject({ vacancies: 0, posting_norm: 0, days_since_contact: 365, contact_norm: 1, reasons: 'not_contacted_recently' });
    expect(f.FA!.reasons).toContain('posts_repeatedly');
    expect(f.FA!.reasons).toContain('hires_young_people');
    const fa = f.FA as Record<string, number>;
    expect(fa.score).toBeCloseTo(0.3 * sectors.C! + 0.25 + 0.15 * 3 / 8 + 0.2 * 30 / 365 + 0.1 * 2 / 3, 12);
    for (const x of rows as Record<string, number>[]) {
      expect(Math.abs(x.score! - (x.sector_contribution! + x.posting_contribution! + x.fill_contribution! + x.contact_contribution! + x.youth_contribution!))).toBeLessThan(1e-12);
    }
    expect(rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    const scores = rows.map((x) => x.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const onlyContact = await run(targetFirms, { from: '2024-01', to: '2024-12', w_sector: '0', w_posting: '0', w_fill: '0', w_contact: '1', w_youth: '0' });
    expect(byFirm(onlyContact).FA!.score).toBeCloseTo(30 / 365, 12);
  });

  it('answers nothing to a viewer of another territory’s firms, and only for a signed-in viewer', async () => {
    expect((await run(targetFirms, {}, { ...PICHINCHA, territories: ['09'] })).map((x) => x.firm_id)).toEqual(['FX']);
    expect((await run(targetFirms, {}, { ...PICHINCHA, territories: ['1702'] })).map((x) => x.firm_id)).toEqual(['FC']);
    await expect(runQuery(w, targetFirms, {})).rejects.toThrow(ParamError);
    await expect(runQuery(w, targetFirms, { w_fill: 'x' }, {}, PICHINCHA)).rejects.toThrow(ParamError);
  });

  it('put together from its components part, answers exactly what its single statement answers, for any weights and length', async () => {
    // A source that keeps every part (the memory warehouse is writable, which AnswerCache never caches).
    const kept = new Map<string, Promise<QueryAnswer>>();
    let statements = 0;
    const counted = new Proxy(w, {
      get: (target, key) => {
        if (key === 'columns') statements++;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const source = (viewer: Viewer): AnswerSource => ({
      cached: (key) => kept.get(key),
      keyOf: (q, p) => answerKey(q, p, viewer),
      part: (q, raw) => {
        const key = answerKey(q, q.params.parse(raw) as Record<string, unknown>, viewer);
        if (!kept.has(key)) kept.set(key, runQuery(w, q, raw, {}, viewer));
        return kept.get(key)!;
      },
    });
    for (const viewer of [PICHINCHA, { ...PICHINCHA, territories: ['1701', '09'] }]) {
      for (const params of [{}, { from: '2024-01', to: '2024-12' }, { w_contact: '1', w_sector: '0', limit: '2' }, { w_posting: '0', w_fill: '0', w_youth: '0', w_sector: '0', w_contact: '0' }]) {
        const single = await runQuery(w, targetFirms, params, {}, viewer);
        // The first answer for a territory set and period is the statement's; the part is computed behind it.
        const partKept = kept.has(answerKey(targetFirmComponents, targetFirmComponents.params.parse(params) as Record<string, unknown>, viewer));
        statements = 0;
        const first = await answerFrom(source(viewer), counted, targetFirms, params, {}, viewer);
        expect(statements, partKept ? 'from the kept part' : 'by the single statement').toBe(partKept ? 0 : 1);
        await Promise.all(kept.values());
        statements = 0;
        const composed = await answerFrom(source(viewer), counted, targetFirms, params, {}, viewer);
        expect(statements, 'worked out of the kept part').toBe(0);
        for (const answer of [first, composed]) {
          expect(answer.names).toEqual(single.names);
          expect(answer.types).toEqual(single.types);
          expect(answer.values, JSON.stringify(params)).toEqual(single.values);
        }
      }
    }
    expect(kept.size).toBe(4);
    await expect(answerFrom(source(PICHINCHA), w, targetFirms, {}, {}, null)).rejects.toThrow(ParamError);
  });

  it('keys its components by the territories and the period only, so that new weights re-rank without a query', () => {
    const key = (p: Record<string, unknown>, territories: string[]) => answerKey(targetFirmComponents, p, { ...PICHINCHA, territories });
    expect(key({ w_sector: 0.9, limit: '5' }, ['17'])).toBe(key({}, ['17']));
    expect(key({}, ['09'])).not.toBe(key({}, ['17']));
    expect(key({ from: '2024-01' }, ['17'])).not.toBe(key({}, ['17']));
  });
});

describe('followup-due', () => {
  it('lists facilitations without a follow-up after N days and new vacancies since the last contact', async () => {
    const rows = await run(followupDue, { asof: '2024-12-31', days: '30' });
    expect(rows.map((x) => [x.firm_id, x.days_since_facilitation, x.new_vacancies, x.reasons])).toEqual([
      ['FA', 30, 0, 'facilitation_without_followup'],
      ['FB', null, 2, 'new_vacancies_since_contact'],
    ]);
    expect(rows[1]).toMatchObject({ last_posted: '2024-12-25', asof: '2024-12-31', last_contact: null });
    expect((await run(followupDue, { asof: '2024-12-31', days: '31' })).map((x) => x.firm_id)).toEqual(['FB']);
    expect((await run(followupDue, { asof: '2024-12-31', days: '10' })).map((x) => [x.firm_id, x.reasons])).toEqual([
      ['FA', 'facilitation_without_followup'], ['FE', 'facilitation_without_followup'], ['FB', 'new_vacancies_since_contact'],
    ]);
    await expect(runQuery(w, followupDue, { asof: '2024-02-30x' }, {}, PICHINCHA)).rejects.toThrow(ParamError);
    await expect(runQuery(w, followupDue, { days: '0' }, {}, PICHINCHA)).rejects.toThrow(ParamError);
  });
});

describe('ageing-vacancies', () => {
  it('lists open vacancies aged 21+ days with few referrals and the compatible active seekers', async () => {
    expect((await run(ageingVacancies, { asof: '2024-12-31' })).map((x) => [x.vacancy_id, x.age_days, x.age_band, x.referrals, x.compatible_seekers])).toEqual([
      ['VB1', 26, 'up_to_30', 2, 2],
    ]);
    expect((await run(ageingVacancies, { asof: '2024-12-31', max_referrals: '4' })).map((x) => [x.vacancy_id, x.age_days, x.age_band, x.referrals, x.compatible_seekers])).toEqual([
      ['VA4', 60, 'over_30', 3, 3], ['VB1', 26, 'up_to_30', 2, 2],
    ]);
    expect(await run(ageingVacancies, { asof: '2024-12-31' }, { ...PICHINCHA, territories: ['1702'] })).toEqual([]);
    await expect(runQuery(w, ageingVacancies, { max_referrals: 'many' }, {}, PICHINCHA)).rejects.toThrow(ParamError);
  });
});

describe('the end of the data', () => {
  it('without a cut-off or period, the firm activity and seeker stock kept at the end of the data give the answers computed for it', async () => {
    for (const viewer of [PICHINCHA, { ...PICHINCHA, territories: ['1701', '09'] }]) {
      for (const params of [{}, { max_referrals: '4' }, { min_days: '1', max_referrals: '9' }]) {
        const kept = await runQuery(w, ageingVacancies, params, {}, viewer);
        expect(kept.values).toEqual((await runQuery(w, ageingVacancies, { ...params, asof: '2024-12-25' }, {}, viewer)).values);
      }
      expect((await runQuery(w, targetFirms, {}, {}, viewer)).values).toEqual((await runQuery(w, targetFirms, { to: '2024-12' }, {}, viewer)).values);
      expect((await runQuery(w, targetFirms, { from: '2024-01' }, {}, viewer)).values).toEqual((await runQuery(w, targetFirms, {}, {}, viewer)).values);
      expect((await runQuery(w, visitLoop, {}, {}, viewer)).values).toEqual((await runQuery(w, visitLoop, { to: '2024-12' }, {}, viewer)).values);
      for (const days of ['10', '30', '400']) {
        // The latest contact or vacancy is the posting of 2024-12-25.
        expect((await runQuery(w, followupDue, { days }, {}, viewer)).values).toEqual((await runQuery(w, followupDue, { days, asof: '2024-12-25' }, {}, viewer)).values);
      }
    }
    expect((await run(ageingVacancies, { max_referrals: '4' })).map((x) => [x.vacancy_id, x.compatible_seekers])).toEqual([['VA4', 3]]);
  });
});

describe('firms-to-visit', () => {
  it('lists the viewer’s firms with their last 12 months and last contact, longest without contact first, hand-checked', async () => {
    expect((await run(firmsToVisit, {})).map((x) => [x.firm_id, x.vacancies, x.positions, x.placements, x.last_contact])).toEqual([
      ['FB', 2, 2, 0, null], ['FC', 0, 0, 0, '2024-01-01'], ['FD', 0, 0, 0, '2024-10-20'], ['FA', 4, 8, 3, '2024-12-01'], ['FE', 0, 0, 0, '2024-12-20'],
    ]);
    // FX and FC were last contacted the same day; FX posted a vacancy.
    expect((await run(firmsToVisit, { limit: '2' }, { ...PICHINCHA, territories: ['1702', '09'] })).map((x) => x.firm_id)).toEqual(['FX', 'FC']);
  });
});

describe('visit-loop', () => {
  it('sums contacts, vacancies and placements per size band, hand-checked', async () => {
    expect(await run(visitLoop, { from: '2024-01', to: '2024-12' })).toEqual([
      { size_band: 'micro', firms: 4, contacted_firms: 3, contacts: 4, vacancies: 2, placements: 0, vacancies_contacted: 0, placements_contacted: 0,
        vacancies_per_contact: 0, placements_per_contact: 0, posting_firms: 1, repeat_posting_firms: 0, repeat_posting_share: 0 },
      { size_band: 'small', firms: 1, contacted_firms: 1, contacts: 1, vacancies: 4, placements: 3, vacancies_contacted: 4, placements_contacted: 3,
        vacancies_per_contact: 4, placements_per_contact: 3, posting_firms: 1, repeat_posting_firms: 1, repeat_posting_share: 1 },
    ]);
    await expect(runQuery(w, visitLoop, { from: '2024' }, {}, PICHINCHA)).rejects.toThrow(ParamError);
  });

  it('every firm-level query plans with EXPLAIN', async () => {
    for (const q of [targetFirms, followupDue, ageingVacancies, visitLoop] as QueryDefinition[]) {
      const { sql, params } = q.build(q.params.parse(q.example ?? {}), PICHINCHA);
      await w.run(`EXPLAIN ${sql}`, params);
    }
  });
});
