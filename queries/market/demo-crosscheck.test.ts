import { beforeAll, describe, expect, it } from 'vitest';
// The demo generator and the real loader make the data this test checks the SQL against; a test
// may use them (the queries themselves never import etl/).
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition, Viewer } from '../catalogue/query-definition.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { ageingVacancies } from '../outreach/ageing-vacancies.ts';
import { firmsToVisit } from '../outreach/firms-to-visit.ts';
import { followupDue } from '../outreach/followup-due.ts';
import { targetFirmComponents } from '../outreach/target-firm-components.ts';
import { targetFirms } from '../outreach/target-firms.ts';
import { visitLoop } from '../outreach/visit-loop.ts';
import { asRows } from './market-fixtures.ts';
import { marketSectors } from './market-sectors.ts';
import { marketShiftShare } from './market-shift-share.ts';
import { targetSectors } from './target-sectors.ts';

const demo = demoFixture('market', 7);
let w: Warehouse;
beforeAll(() => {
  w = demo.warehouse;
});

type Vac = { m: string; province: string; canton: string; sector: string };
const SECTION = (rama1: number) => String.fromCharCode(64 + rama1);
const tally = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

describe('market queries against a naive computation over the tiny demo', () => {
  it('location quotients of employment and vacancies match plain loops', async () => {
    const vacs = await w.rows<Vac>("SELECT strftime(posted_month, '%Y-%m') m, province_code province, canton_code canton, sector_code sector FROM vacancy");
    const people = await w.rows<{ period: string; province: string; condact: number; rama1: number | null; fexp: number }>(
      'SELECT period, province_code province, condact, rama1, fexp FROM survey_person');
    const to = vacs.map((v) => v.m).sort().at(-1)!;
    const [y, mo] = to.split('-').map(Number) as [number, number];
    const from = `${mo === 12 ? y : y - 1}-${String((mo % 12) + 1).padStart(2, '0')}`;
    const inWin = vacs.filter((v) => v.m >= from && v.m <= to);
    const period = people.map((p) => p.period).filter((p) => p >= from && p <= to).sort().at(-1)!;
    const employed = people.filter((p) => p.period === period && p.condact >= 1 && p.condact <= 6 && p.rama1 !== null && p.rama1 <= 21);
    const vt = tally(inWin.filter((v) => v.province === '17').map((v) => v.sector));
    const vn = tally(inWin.map((v) => v.sector));
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const et = new Map<string, number>();
    const en = new Map<string, number>();
    for (const p of employed) {
      const s = SECTION(p.rama1!);
      en.set(s, (en.get(s) ?? 0) + p.fexp);
      if (p.province === '17') et.set(s, (et.get(s) ?? 0) + p.fexp);
    }
    const rows = asRows(await runQuery(w, marketSectors, { territory: '17', from, to })) as Record<string, number | string | null>[];
    expect(rows.length).toBeGreaterThan(5);
    let checked = 0;
    for (const r of rows) {
      const s = r.sector_code as string;
      const lqV = vn.get(s) ? ((vt.get(s) ?? 0) / sum(vt)) / (vn.get(s)! / sum(vn)) : null;
      const lqE = en.get(s) ? ((et.get(s) ?? 0) / sum(et)) / (en.get(s)! / sum(en)) : null;
      if (lqV === null) expect(r.lq_vacancies).toBeNull();
      else expect(r.lq_vacancies as number).toBeCloseTo(lqV, 9);
      if (lqE === null) expect(r.lq_employment).toBeNull();
      else expect(r.lq_employment as number).toBeCloseTo(lqE, 9);
      if (lqV !== null && lqE !== null) checked++;
      expect(r.survey_period).toBe(period);
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('a ranking under new weights, worked out from the default answer, is the query\'s own (every sector of two provinces)', async () => {
    for (const territory of ['17', '09']) {
      const defaults = await runQuery(w, targetSectors, { territory });
      expect(defaults.rowCount).toBeGreaterThan(5);
      for (const weights of [{ w_lq: '0.9', w_growth: '0.05', w_tightness: '0', w_youth: '0.05' }, { w_lq: '0', w_growth: '1', w_tightness: '1', w_youth: '0' }, { w_lq: '0.2', w_growth: '0.2', w_tightness: '0.2', w_youth: '0.2' }]) {
        const derived = targetSectors.reuse!.derive(defaults, targetSectors.params.parse({ territory, ...weights }));
        expect(derived?.values).toEqual((await runQuery(w, targetSectors, { territory, ...weights })).values);
      }
    }
  });

  it('target-firms re-ranked in JS from its components is its single statement, ties and all (every firm of the demo)', async () => {
    const provinces = (await w.rows<{ p: string }>('SELECT DISTINCT province_code AS p FROM firm')).map((r) => r.p);
    const viewer: Viewer = { username: 'c', role: 'concertador', territories: provinces };
    const components = await runQuery(w, targetFirmComponents, {}, {}, viewer);
    expect(components.rowCount).toBeGreaterThan(50);
    for (const params of [{ limit: '9999' }, { limit: '40', w_contact: '1', w_sector: '0', w_posting: '0', w_fill: '0', w_youth: '0' }, { limit: '500', w_sector: '2', w_youth: '0.7' }]) {
      const single = await runQuery(w, targetFirms, params, {}, viewer);
      const scores = single.values[single.names.indexOf('score')]!;
      if (params.w_contact === '1') expect(new Set(scores).size, 'ties on the score, broken by firm id').toBeLessThan(scores.length);
      const p = targetFirms.params.parse(params);
      expect(targetFirms.parts!.combine([components], p).values, JSON.stringify(params)).toEqual(single.values);
    }
  });

  it('shift-share components match plain loops and add up to the change', async () => {
    const vacs = await w.rows<Vac>("SELECT strftime(posted_month, '%Y-%m') m, province_code province, canton_code canton, sector_code sector FROM vacancy");
    const months = vacs.map((v) => v.m).sort();
    const first = months[0]!;
    const last = months.at(-1)!;
    const shift = (m: string, k: number) => { const d = new Date(`${m}-01T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + k); return d.toISOString().slice(0, 7); };
    const base = { from: first, to: shift(first, 5) };
    const current = { from: shift(last, -5), to: last };
    const count = (p: { from: string; to: string }, here: boolean) => tally(vacs.filter((v) => v.m >= p.from && v.m <= p.to && (!here || v.province === '09')).map((v) => v.sector));
    const [e0, e1, n0, n1] = [count(base, true), count(current, true), count(base, false), count(current, false)];
    const N0 = [...n0.values()].reduce((a, b) => a + b, 0);
    const N1 = [...n1.values()].reduce((a, b) => a + b, 0);
    const rows = asRows(await runQuery(w, marketShiftShare, { territory: '09', base: `${base.from}:${base.to}`, current: `${current.from}:${current.to}` })) as Record<string, number>[];
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      const s = r.sector_code as unknown as string;
      const a0 = e0.get(s) ?? 0;
      const a1 = e1.get(s) ?? 0;
      const ns = a0 === 0 ? 0 : a0 * (N1 / N0 - 1);
      const im = a0 === 0 ? 0 : a0 * ((n1.get(s) ?? 0) / n0.get(s)! - N1 / N0);
      const ce = a0 === 0 ? a1 : a1 - (a0 * (n1.get(s) ?? 0)) / n0.get(s)!;
      expect([r.base_value, r.current_value]).toEqual([a0, a1]);
      expect(r.national_share).toBeCloseTo(ns, 9);
      expect(r.industry_mix).toBeCloseTo(im, 9);
      expect(r.competitive_effect).toBeCloseTo(ce, 9);
      expect(Math.abs(r.national_share! + r.industry_mix! + r.competitive_effect! - (a1 - a0))).toBeLessThan(1e-9);
    }
  });
});

describe('firm-level queries over the tiny demo', () => {
  const viewer: Viewer = { username: 'luis', role: 'concertador', territories: ['17'] };

  it('a viewer of province 17 never gets a firm of another province', async () => {
    const provinceOf = new Map((await w.rows<{ id: string; p: string }>('SELECT firm_id id, province_code p FROM firm')).map((f) => [f.id, f.p]));
    const firms17 = [...provinceOf.values()].filter((p) => p === '17').length;
    expect(firms17).toBeGreaterThan(0);
    expect(provinceOf.size).toBeGreaterThan(firms17);
    const seen = new Set<string>();
    const calls: [QueryDefinition, Record<string, string>][] = [
      [targetFirms, { limit: '9999' }], [followupDue, { days: '30', limit: '9999' }], [followupDue, { days: '1', limit: '9999' }],
      [ageingVacancies, { min_days: '1', max_referrals: '999' }], [firmsToVisit, { limit: '9999' }],
    ];
    for (const [q, params] of calls) {
      for (const r of asRows(await runQuery(w, q, params, {}, viewer))) {
        expect(provinceOf.get(r.firm_id as string)).toBe('17');
        seen.add(r.firm_id as string);
      }
    }
    expect(seen.size).toBe(firms17);
    const loop = asRows(await runQuery(w, visitLoop, {}, {}, viewer));
    expect(loop.reduce((n, r) => n + (r.firms as number), 0)).toBe(firms17);
  });
});
