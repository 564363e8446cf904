import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primaryFirmReason, protectFirmTable, TOTAL, type FirmCell } from './firm-cells.ts';
import { LinearAttacker } from './linear-attacker.ts';

const cell = (row: string, col: string, value: number, firms: number, maxFirm: number): FirmCell => ({ row, col, value, firms, maxFirm });
const decisions = (cells: FirmCell[]) => Object.fromEntries(protectFirmTable(cells).map((c) => [`${c.row}/${c.col}`, c.reason ?? c.value]));

describe('primaryFirmReason', () => {
  it('hides cells of fewer than 3 firms, and cells where one firm holds 80% or more (integer test)', () => {
    expect(primaryFirmReason(cell('A', '01', 90, 2, 50))).toBe('few_firms');
    expect(primaryFirmReason(cell('A', '01', 100, 4, 80))).toBe('dominant_firm');
    expect(primaryFirmReason(cell('A', '01', 100, 4, 79))).toBeNull();
    expect(primaryFirmReason(cell('A', '01', 100, 3, 10))).toBeNull();
    expect(primaryFirmReason(cell('A', '01', 100, 4, 70), { minFirms: 5, dominanceNumerator: 2, dominanceDenominator: 3 })).toBe('few_firms');
    expect(primaryFirmReason(cell('A', '01', 90, 6, 60), { minFirms: 5, dominanceNumerator: 2, dominanceDenominator: 3 })).toBe('dominant_firm');
  });
});

describe('protectFirmTable, hand-computed', () => {
  it('hides a cell of one firm and closes the cheapest cycle of cells around it', () => {
    // col 09 -> C-09 (20) -> C-01 (40) -> A-01 (50) costs 110; via C-17 (60) and A-17 (31), 111.
    expect(decisions([
      cell('A', '01', 50, 5, 10), cell('A', '09', 4, 1, 4), cell('A', '17', 31, 4, 10),
      cell('C', '01', 40, 4, 12), cell('C', '09', 20, 3, 8), cell('C', '17', 60, 6, 15),
      cell('A', TOTAL, 85, 8, 10), cell('C', TOTAL, 120, 10, 15),
      cell(TOTAL, '01', 90, 9, 12), cell(TOTAL, '09', 24, 4, 8), cell(TOTAL, '17', 91, 10, 15), cell(TOTAL, TOTAL, 205, 18, 15),
    ])).toEqual({
      'A/01': 'complementary', 'A/09': 'few_firms', 'A/17': 31, 'C/01': 'complementary', 'C/09': 'complementary', 'C/17': 60,
      'A/*': 85, 'C/*': 120, '*/01': 90, '*/09': 24, '*/17': 91, '*/*': 205,
    });
  });

  it('hides a dominated cell and its equal province total, then protects both through the other province and its total', () => {
    expect(decisions([
      cell('A', '01', 100, 4, 80), cell('A', '09', 100, 4, 79), cell('A', TOTAL, 200, 6, 80),
      cell(TOTAL, '01', 100, 4, 80), cell(TOTAL, '09', 100, 4, 79), cell(TOTAL, TOTAL, 200, 6, 80),
    ])).toEqual({ 'A/01': 'dominant_firm', 'A/09': 'complementary', 'A/*': 200, '*/01': 'dominant_firm', '*/09': 'complementary', '*/*': 200 });
  });

  it('hides a margin when that is the cheapest protection', () => {
    // Province 01 has one firm (in A). Closing (*, 01): A-09 (100) + (*, 09) (200) = 300 beats A-* (105) + (*, *) (305).
    expect(decisions([
      cell('A', '01', 5, 1, 5), cell('A', '09', 100, 5, 30), cell('C', '09', 100, 5, 30),
      cell('A', TOTAL, 105, 6, 30), cell('C', TOTAL, 100, 5, 30),
      cell(TOTAL, '01', 5, 1, 5), cell(TOTAL, '09', 200, 10, 30), cell(TOTAL, TOTAL, 205, 11, 30),
    ])).toEqual({ 'A/01': 'few_firms', 'A/09': 'complementary', 'C/09': 100, 'A/*': 105, 'C/*': 100, '*/01': 'few_firms', '*/09': 'complementary', '*/*': 205 });
  });

  it('publishes a safe table whole, and refuses a table whose margins do not add up', () => {
    const safe = [cell('A', '01', 30, 3, 10), cell('A', TOTAL, 30, 3, 10), cell(TOTAL, '01', 30, 3, 10), cell(TOTAL, TOTAL, 30, 3, 10)];
    expect(protectFirmTable(safe)).toEqual(safe.map((c) => ({ row: c.row, col: c.col, value: c.value, reason: null })));
    expect(() => protectFirmTable([cell('A', '01', 30, 3, 10), cell('A', TOTAL, 31, 3, 10), cell(TOTAL, '01', 30, 3, 10), cell(TOTAL, TOTAL, 30, 3, 10)])).toThrow(/margin/);
    expect(() => protectFirmTable([cell('A', '01', 30, 3, 10)])).toThrow(/margin/);
  });
});

/** A random table from firm contributions: firm f of sector s offers v positions in province p. */
const tableArb = fc
  .array(fc.record({ firm: fc.integer({ min: 0, max: 6 }), sector: fc.constantFrom('A', 'C', 'G', 'Q'), province: fc.constantFrom('01', '09', '17', '24'), value: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 10, max: 90 })) }), { minLength: 1, maxLength: 25 })
  .map((rows) => {
    const sectorOf = new Map<number, string>();
    for (const r of rows) if (!sectorOf.has(r.firm)) sectorOf.set(r.firm, r.sector);
    const contributions = rows.map((r) => ({ ...r, sector: sectorOf.get(r.firm)! }));
    const keys = new Set<string>();
    for (const r of contributions) for (const s of [r.sector, TOTAL]) for (const p of [r.province, TOTAL]) keys.add(`${s}/${p}`);
    return [...keys].map((k) => {
      const [row, col] = k.split('/') as [string, string];
      const byFirm = new Map<number, number>();
      for (const r of contributions) if ((row === TOTAL || r.sector === row) && (col === TOTAL || r.province === col)) byFirm.set(r.firm, (byFirm.get(r.firm) ?? 0) + r.value);
      const values = [...byFirm.values()];
      return cell(row, col, values.reduce((a, b) => a + b, 0), values.length, Math.max(...values));
    });
  });

describe('protectFirmTable (property, random firm tables)', () => {
  it('hides every sensitive cell, publishes the rest exactly, and lets no line arithmetic recover a hidden cell', () => {
    let hiddenSeen = 0;
    let recoveredWithoutComplements = 0;
    fc.assert(fc.property(tableArb, fc.nat(), (cells, seed) => {
      const out = protectFirmTable(cells);
      const attacker = new LinearAttacker();
      // A figure is the sum of the inner cells it covers; the attacker subtracts any published ones.
      const atoms = (c: { row: string; col: string }) => cells.filter((x) => x.row !== TOTAL && x.col !== TOTAL && (c.row === TOTAL || x.row === c.row) && (c.col === TOTAL || x.col === c.col)).map((x) => `${x.row}/${x.col}`);
      out.forEach((o, i) => {
        const primary = primaryFirmReason(cells[i]!);
        if (primary) expect(o.reason).toBe(primary);
        expect(o.value === null).toBe(o.reason !== null);
        if (o.value !== null) {
          expect(o.value).toBe(cells[i]!.value);
          attacker.learn(atoms(o));
        }
      });
      for (const line of [...new Set(cells.flatMap((c) => [`r${c.row}`, `c${c.col}`]))]) {
        const hidden = out.filter((o) => o.reason && (`r${o.row}` === line || `c${o.col}` === line)).length;
        expect(hidden === 0 || hidden >= 2).toBe(true);
      }
      for (const o of out.filter((x) => x.reason)) {
        hiddenSeen++;
        expect(attacker.canDerive(atoms(o)), `${o.row}/${o.col}`).toBe(false);
      }
      // The attacker has teeth: publishing the complementary cells would give primary cells away.
      const naive = new LinearAttacker();
      out.forEach((o, i) => {
        if (o.reason !== 'few_firms' && o.reason !== 'dominant_firm') naive.learn(atoms(cells[i]!));
      });
      recoveredWithoutComplements += out.filter((o) => (o.reason === 'few_firms' || o.reason === 'dominant_firm') && naive.canDerive(atoms(o))).length;
      // The decisions do not depend on the order of the rows (as a multi-threaded scan returns them).
      const shuffled = [...cells].sort((a, b) => ((a.value * 7919 + seed) % 101) - ((b.value * 7919 + seed) % 101));
      const again = new Map(protectFirmTable(shuffled).map((o) => [`${o.row}/${o.col}`, o.reason]));
      for (const o of out) expect(again.get(`${o.row}/${o.col}`)).toBe(o.reason);
    }), { numRuns: 1500, seed: 5 });
    expect(hiddenSeen).toBeGreaterThan(1000);
    expect(recoveredWithoutComplements).toBeGreaterThan(100);
  });
});
