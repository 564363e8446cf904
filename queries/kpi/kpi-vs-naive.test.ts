import { beforeAll, describe, expect, it } from 'vitest';
// The demo generator and the real loader make the data (the queries themselves never import etl/).
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition } from '../catalogue/query-definition.ts';
import { AnswerCache, cacheSource } from '../catalogue/answer-cache.ts';
import { answerFrom, runQuery } from '../catalogue/run-query.ts';
import type { KpiFilters } from './kpi-filters.ts';
import { channelsFromCube, channelsFromFacts, cubeAnswers, kpiChannels } from './kpi-channels.ts';
import { kpiFunnel } from './kpi-funnel.ts';
import { kpiOffices } from './kpi-offices.ts';
import { kpiSummary } from './kpi-summary.ts';
import { kpiTrend } from './kpi-trend.ts';
import { kpiVacancyCohorts } from './kpi-vacancy-cohorts.ts';
import { NaiveKpis, addDays, addMonths, daysBetween, div, lastDay, monthOf, quantileCont, readRawKpiData } from './naive-kpis.ts';

const demo = demoFixture('kpi', 7);
let w: Warehouse;
let n: NaiveKpis;
let combos: KpiFilters[] = [];

beforeAll(async () => {
  w = demo.warehouse;
  n = new NaiveKpis(await readRawKpiData(w));
  // The busiest province and office of the data, so that the filtered answers are not empty.
  const top = (values: string[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const province = top(n.raw.placements.map((p) => p.province_code));
  const office = top(n.raw.placements.map((p) => p.office_code));
  combos = [
    { from: '2025-04', to: '2026-03' },
    { from: '2025-01', to: '2026-06', province, sex: 'F', age: 'youth' },
    { from: '2024-10', to: '2026-09', office, sector: 'G', channel: 'portal' },
    { occupation: '5', channel: 'workshop', age: '25-29' },
  ];
});

const rows = async (q: QueryDefinition, params: KpiFilters & { by?: string }, composed = false) => {
  // `composed`: put together from the query's parts, as the server answers it.
  const a = composed ? await answerFrom(cacheSource(new AnswerCache(), w, null), w, q, params as Record<string, unknown>) : await runQuery(w, q, params as Record<string, unknown>);
  return Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((name, c) => [name, a.values[c]![r]])));
};
/** Same keys, integers equal, doubles within 1e-9, nulls null. */
function expectSame(actual: Record<string, unknown>[], expected: Record<string, unknown>[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    for (const [key, want] of Object.entries(expected[i]!)) {
      const got = row[key];
      if (typeof want === 'number' && !Number.isInteger(want)) expect(got, `${i}.${key}`).toBeCloseTo(want, 9);
      else expect(got, `${i}.${key}`).toEqual(want);
    }
  });
}

function naiveSummary(f: KpiFilters) {
  const p = n.period(f, 12);
  const end = lastDay(p.hi);
  const regs = n.raw.seekers.filter((s) => NaiveKpis.within(s.registered_on, p) && n.seekerOk(f, s));
  const firstReg = new Map<string, string>();
  for (const s of n.raw.seekers) {
    if (!NaiveKpis.within(s.registered_on, { lo: addMonths(p.hi, -11), hi: p.hi }) || !n.seekerOk(f, s)) continue;
    if (!firstReg.has(s.person_id) || s.registered_on < firstReg.get(s.person_id)!) firstReg.set(s.person_id, s.registered_on);
  }
  let active = 0;
  for (const [person, first] of firstReg) {
    const records = new Set(n.records(person));
    if (!n.raw.placements.some((x) => records.has(x.seeker_id) && x.placed_on >= first && x.placed_on <= end)) active++;
  }
  const attended = new Set(n.raw.events.filter((e) => e.seeker_id && NaiveKpis.within(e.event_on, p) && n.eventOk(f, e)).map((e) => n.person(e.seeker_id!)));
  const firstService: number[] = [];
  for (const s of regs) {
    const after = n.raw.events.filter((e) => e.seeker_id === s.seeker_id && e.event_on >= s.registered_on).map((e) => e.event_on).sort();
    if (after.length) firstService.push(daysBetween(s.registered_on, after[0]!));
  }
  const placements = n.raw.placements.filter((x) => NaiveKpis.within(x.placed_on, p) && n.placementOk(f, x));
  const placedDays = placements.map((x) => daysBetween(n.seeker(x.seeker_id)!.registered_on, x.placed_on));
  const personsPlaced = new Set(placements.map((x) => n.person(x.seeker_id))).size;
  const personsRegistered = new Set(regs.map((s) => s.person_id)).size;
  const due = [0, 0, 0];
  const done = [0, 0, 0];
  const emp = [0, 0, 0];
  for (const x of placements) {
    const fu = n.followupsOf(x.placement_id);
    [1, 3, 6].forEach((k, i) => {
      if (addMonths(x.placed_on, k) > n.followupEnd) return;
      due[i]!++;
      if (fu.has(k)) done[i]!++;
      if (fu.get(k) === true) emp[i]!++;
    });
  }
  const vacs = n.raw.vacancies.filter((v) => NaiveKpis.within(v.posted_on, p) && n.vacancyFilterOk(f, v));
  const fill = n.fill(vacs);
  const observable = vacs.filter((v) => addDays(v.posted_on, 30) <= n.dataEnd);
  const open = observable.filter((v) => v.closed_on === null || v.closed_on > addDays(v.posted_on, 30));
  return {
    period_from: p.lo.slice(0, 7), period_to: p.hi.slice(0, 7),
    registrations: regs.length, persons_registered: personsRegistered, active_seekers: active, seekers_attended: attended.size,
    median_days_to_first_service: quantileCont(firstService, 0.5),
    referrals: n.raw.referrals.filter((r) => NaiveKpis.within(r.referred_on, p) && n.referralOk(f, r)).length,
    placements: placements.length, persons_placed: personsPlaced, placement_rate: div(placements.length, attended.size),
    persons_placed_per_registered: div(personsPlaced, personsRegistered),
    median_days_to_placement: quantileCont(placedDays, 0.5), p75_days_to_placement: quantileCont(placedDays, 0.75),
    vacancies: vacs.length, positions: fill.positions, filled_positions: fill.filled, fill_rate: div(fill.filled, fill.positions),
    median_days_to_fill: quantileCont(fill.days, 0.5), p75_days_to_fill: quantileCont(fill.days, 0.75),
    share_open_30d: div(open.length, observable.length),
    followed_up_3m: done[1], retention_3m: div(emp[1]!, done[1]!), followed_up_6m: done[2], retention_6m: div(emp[2]!, done[2]!),
    followup_completion: div(done[0]! + done[1]! + done[2]!, due[0]! + due[1]! + due[2]!),
  };
}

function naiveTrend(f: KpiFilters) {
  const p = n.period(f, 36);
  const out = [];
  for (let m = p.lo; m <= p.hi; m = addMonths(m, 1)) {
    const one = { lo: m, hi: m };
    const vacs = n.raw.vacancies.filter((v) => NaiveKpis.within(v.posted_on, one) && n.vacancyFilterOk(f, v));
    out.push({
      month: m.slice(0, 7),
      registrations: n.raw.seekers.filter((s) => NaiveKpis.within(s.registered_on, one) && n.seekerOk(f, s)).length,
      referrals: n.raw.referrals.filter((r) => NaiveKpis.within(r.referred_on, one) && n.referralOk(f, r)).length,
      placements: n.raw.placements.filter((x) => NaiveKpis.within(x.placed_on, one) && n.placementOk(f, x)).length,
      vacancies: vacs.length, positions: vacs.reduce((a, v) => a + v.positions, 0),
    });
  }
  return out;
}

function naiveFunnel(f: KpiFilters, by: 'office' | 'sex' | 'age_band' | 'disability' | 'none') {
  const p = n.period(f, 12);
  const first = new Map<string, (typeof n.raw.seekers)[number]>();
  for (const s of n.raw.seekers) {
    if (!NaiveKpis.within(s.registered_on, p) || !n.seekerOk(f, s)) continue;
    const cur = first.get(s.person_id);
    if (!cur || s.registered_on < cur.registered_on || (s.registered_on === cur.registered_on && s.seeker_id < cur.seeker_id)) first.set(s.person_id, s);
  }
  const groups = new Map<string, number[]>();
  for (const [person, s] of first) {
    const g = by === 'none' ? 'total' : by === 'disability' ? (s.disability ? 'yes' : 'no') : by === 'office' ? s.office_code : s[by];
    const records = new Set(n.records(person));
    const refs = n.raw.referrals.filter((r) => records.has(r.seeker_id) && r.referred_on >= s.registered_on);
    const plcs = n.raw.placements.filter((x) => records.has(x.seeker_id) && x.placed_on >= s.registered_on);
    const r3 = plcs.some((x) => n.followupsOf(x.placement_id).get(3) === true);
    const r6 = plcs.some((x) => n.followupsOf(x.placement_id).get(6) === true);
    const c = groups.get(g) ?? [0, 0, 0, 0, 0, 0];
    [true, refs.length > 0, refs.some((r) => r.interviewed), plcs.length > 0, r3, r6].forEach((yes, i) => { if (yes) c[i]!++; });
    groups.set(g, c);
  }
  return [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([group, c]) => ({
    group, registered: c[0], referred: c[1], interviewed: c[2], placed: c[3], retained_3m: c[4], retained_6m: c[5], placement_rate: div(c[3]!, c[0]!),
  }));
}

function naiveChannels(f: KpiFilters) {
  const p = n.period(f, 12);
  const evs = n.raw.events.filter((e) => NaiveKpis.within(e.event_on, p) && n.eventOk(f, e));
  return [...new Set(evs.map((e) => e.kind))].sort().map((kind) => {
    const mine = evs.filter((e) => e.kind === kind);
    const firstOn = new Map<string, string>();
    for (const e of mine) {
      if (!e.seeker_id) continue;
      const person = n.person(e.seeker_id)!;
      if (!firstOn.has(person) || e.event_on < firstOn.get(person)!) firstOn.set(person, e.event_on);
    }
    let observable = 0;
    let placed = 0;
    for (const [person, on] of firstOn) {
      if (addDays(on, 90) > n.dataEnd) continue;
      observable++;
      const records = new Set(n.records(person));
      if (n.raw.placements.some((x) => records.has(x.seeker_id) && x.placed_on >= on && x.placed_on <= addDays(on, 90))) placed++;
    }
    return { channel: kind, events: mine.length, persons: firstOn.size, firms: new Set(mine.filter((e) => e.firm_id).map((e) => e.firm_id)).size,
      persons_observable: observable, persons_placed_90d: placed, conversion_90d: div(placed, observable) };
  });
}

function naiveOffices(f: KpiFilters) {
  const p = n.period(f, 12);
  const base = n.raw.offices.filter((o) => (!f.province || o.province_code === f.province) && (!f.office || o.office_code === f.office)).map((o) => {
    const plcs = n.raw.placements.filter((x) => x.office_code === o.office_code && NaiveKpis.within(x.placed_on, p) && n.placementOk(f, x));
    const attended = new Set(n.raw.events.filter((e) => e.office_code === o.office_code && e.seeker_id && NaiveKpis.within(e.event_on, p) && n.eventOk(f, e)).map((e) => n.person(e.seeker_id!))).size;
    const observed = plcs.filter((x) => addMonths(x.placed_on, 3) <= n.followupEnd && n.followupsOf(x.placement_id).has(3));
    const retained = observed.filter((x) => n.followupsOf(x.placement_id).get(3) === true).length;
    return { office_code: o.office_code, placements: plcs.length, seekers_attended: attended, placement_rate: plcs.length ? div(plcs.length, attended) : null,
      followed_up_3m: observed.length, retention_3m: div(retained, observed.length),
      median_days_to_placement: quantileCont(plcs.map((x) => daysBetween(n.seeker(x.seeker_id)!.registered_on, x.placed_on)), 0.5) };
  });
  const z = (values: (number | null)[]) => {
    const xs = values.filter((v): v is number => v !== null);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return values.map((v) => (v === null || !(sd > 1e-12) ? 0 : (v - mean) / sd / 4));
  };
  const zp = z(base.map((b) => b.placements));
  const zr = z(base.map((b) => b.placement_rate));
  const zt = z(base.map((b) => b.retention_3m));
  const zs = z(base.map((b) => (b.median_days_to_placement === null ? null : -b.median_days_to_placement)));
  return base.map((b, i) => ({ ...b, score_placements: zp[i]!, score_rate: zr[i]!, score_retention: zt[i]!, score_speed: zs[i]!, score: zp[i]! + zr[i]! + zt[i]! + zs[i]! }))
    .sort((a, b) => b.score - a.score || (a.office_code < b.office_code ? -1 : 1));
}

function naiveVacancyCohorts(f: KpiFilters) {
  const p = n.period(f, 24);
  const vacs = n.raw.vacancies.filter((v) => NaiveKpis.within(v.posted_on, p) && n.vacancyFilterOk(f, v));
  return [...new Set(vacs.map((v) => monthOf(v.posted_on)))].sort().map((m) => {
    const mine = vacs.filter((v) => monthOf(v.posted_on) === m);
    const fill = n.fill(mine);
    return { month: m.slice(0, 7), vacancies: mine.length, positions: fill.positions, vacancies_filled: fill.days.length, filled_positions: fill.filled,
      fill_rate: div(fill.filled, fill.positions), median_days_to_fill: quantileCont(fill.days, 0.5) };
  });
}

describe('every KPI against a naive computation over the tiny demo loaded through the ETL', () => {
  it('loaded a demo with every kind of record', () => {
    for (const [table, rowsOf] of Object.entries(n.raw)) expect(rowsOf.length, table).toBeGreaterThan(0);
    expect(new Set(n.raw.events.map((e) => e.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it('kpi-summary', async () => {
    for (const f of combos) {
      const want = naiveSummary(f);
      expectSame(await rows(kpiSummary, f), [want]);
      expectSame(await rows(kpiSummary, f, true), [want]);
      if (!f.office) expect(want.placements, JSON.stringify(f)).toBeGreaterThan(0);
    }
  });

  it('kpi-trend', async () => {
    for (const f of combos) expectSame(await rows(kpiTrend, f), naiveTrend(f));
  });

  it('kpi-funnel, by every grouping', async () => {
    // Periods with no person or place filter are counted from the funnel cube: several of them.
    for (const f of [...combos, { from: '2024-01', to: '2024-12' }, { from: '2025-07', to: '2025-09' }, { from: '2023-01', to: '2026-09' }]) {
      for (const by of ['none', 'office', 'sex', 'age_band', 'disability'] as const) expectSame(await rows(kpiFunnel, { ...f, by }), naiveFunnel(f, by));
    }
  });

  it('kpi-channels', async () => {
    for (const f of combos) expectSame(await rows(kpiChannels, f), naiveChannels(f));
  });

  it('kpi-channels from the channel cube, for any period: as computed from the events, and as the naive computation', async () => {
    // Every month from the first event to one past the last.
    const first = n.raw.events.map((e) => e.event_on).sort()[0]!;
    const last = n.raw.events.map((e) => e.event_on).sort().at(-1)!;
    const months: string[] = [];
    for (let m = monthOf(first); m <= addMonths(monthOf(last), 1); m = addMonths(m, 1)) months.push(m.slice(0, 7));
    expect(months.length).toBeGreaterThan(12);
    let naive = 0;
    for (const [i, from] of months.entries()) {
      for (const [j, to] of months.slice(i).entries()) {
        for (const f of [{}, { channel: 'workshop' }, { channel: 'portal', sector: 'G' }] as KpiFilters[]) {
          const params = { ...f, from, to };
          expect(cubeAnswers(params)).toBe(true);
          const cube = channelsFromCube(params);
          const facts = channelsFromFacts(params);
          expect(await w.columns(cube.sql, cube.params), JSON.stringify(params)).toEqual(await w.columns(facts.sql, facts.params));
          // The naive computation on a spread of periods: every third start, lengths 1, 2, 4, 7, 12, ...
          if (i % 3 === 0 && [0, 1, 3, 6, 11, 17, 23].includes(j)) {
            expectSame(await rows(kpiChannels, params), naiveChannels(params));
            naive++;
          }
        }
      }
    }
    expect(naive).toBeGreaterThan(20);
  });

  it('kpi-offices', async () => {
    for (const f of combos) {
      const want = naiveOffices(f);
      expectSame(await rows(kpiOffices, f), want);
      expectSame(await rows(kpiOffices, f, true), want);
    }
  });

  it('kpi-vacancy-cohorts', async () => {
    for (const f of combos) expectSame(await rows(kpiVacancyCohorts, f), naiveVacancyCohorts(f));
  });
});
