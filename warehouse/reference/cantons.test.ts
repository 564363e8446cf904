import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../testing/shared-data.ts';
import { CANTONS } from './cantons.ts';
import { PROVINCES } from './provinces.ts';

const dpaPath = sharedData('ecuador/dpa-provincias-cantones-parroquias.json');
const norm = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/\s+/g, ' ').trim().toUpperCase();

interface Dpa { [province: string]: { provincia: string; cantones: Record<string, { canton: string }> } }

describe.skipIf(!dpaPath)("the canton list against INEC's DPA", () => {
  const dpa = JSON.parse(readFileSync(dpaPath ?? '/dev/null', 'utf8') || '{}') as Dpa;
  const real = Object.entries(dpa).flatMap(([p, v]) => Object.entries(v.cantones).map(([c, x]) => ({ code: c.padStart(4, '0'), province: p.padStart(2, '0'), name: x.canton })));

  it('has exactly the real canton codes, each in its province and with its name', () => {
    expect(CANTONS.map((c) => c.code).sort()).toEqual(real.map((c) => c.code).sort());
    const byCode = new Map(CANTONS.map((c) => [c.code, c]));
    for (const r of real) {
      expect(byCode.get(r.code)?.provinceCode, r.code).toBe(r.province);
      expect(norm(byCode.get(r.code)!.name), r.code).toBe(norm(r.name));
    }
  });

  it('has the real provinces with their names', () => {
    const realProvinces = Object.entries(dpa).map(([p, v]) => ({ code: p.padStart(2, '0'), name: v.provincia }));
    expect(PROVINCES.map((p) => p.code).sort()).toEqual(realProvinces.map((p) => p.code).sort());
    for (const r of realProvinces.filter((x) => x.code !== '90')) {
      expect(norm(PROVINCES.find((p) => p.code === r.code)!.name)).toBe(norm(r.name));
    }
  });
});
