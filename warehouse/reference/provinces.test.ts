import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceByCode } from './provinces.ts';

describe('provinces', () => {
  it('lists 24 provinces plus the non-delimited zones', () => {
    expect(PROVINCES).toHaveLength(25);
    expect(PROVINCES.filter((p) => p.code !== '90').map((p) => Number(p.code))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('places them in the four regions with six in the Amazon special territory', () => {
    expect(new Set(PROVINCES.map((p) => p.region).filter(Boolean))).toEqual(new Set(['Costa', 'Sierra', 'Amazonía', 'Insular']));
    expect(PROVINCES.filter((p) => p.amazonSpecial).map((p) => p.code)).toEqual(['14', '15', '16', '19', '21', '22']);
    expect(provinceByCode('20')).toMatchObject({ name: 'Galápagos', region: 'Insular' });
  });

  it("adds up to Ecuador's 2022 census population within 3%", () => {
    const total = PROVINCES.reduce((n, p) => n + (p.population ?? 0), 0);
    expect(Math.abs(total - 16_938_986) / 16_938_986).toBeLessThan(0.03);
    expect(PROVINCES.filter((p) => p.code !== '90').every((p) => (p.population ?? 0) > 0)).toBe(true);
  });
});
