import { CANTONS } from '../../warehouse/reference/cantons.ts';
import { PROVINCES } from '../../warehouse/reference/provinces.ts';
import { cumulative, type Random } from './random.ts';

/** An office of the demo PES: in a canton, serving its province. */
export interface DemoOffice {
  code: string;
  name: string;
  canton: string;
  province: string;
}

/**
 * Where demo people and firms live: provinces by 2022 census population, cantons within a
 * province with the capital (canton 01) three times as likely as the next and the rest
 * decreasing; offices in every provincial capital and more in the populous provinces.
 */
export class DemoGeography {
  readonly provinces = PROVINCES.filter((p) => p.population !== null);
  readonly offices: DemoOffice[] = [];
  private readonly provinceWeights: Float64Array;
  private readonly cantonsOf = new Map<string, { codes: string[]; weights: Float64Array }>();
  private readonly officeOfCanton = new Map<string, DemoOffice>();

  constructor(officesPerMillion: number) {
    this.provinceWeights = cumulative(this.provinces.map((p) => p.population!));
    for (const p of this.provinces) {
      const codes = CANTONS.filter((c) => c.provinceCode === p.code).map((c) => c.code).sort();
      this.cantonsOf.set(p.code, { codes, weights: cumulative(codes.map((_, i) => (i === 0 ? 3 : 1 / i))) });
      const n = Math.min(codes.length, 1 + Math.floor((p.population! / 1e6) * officesPerMillion));
      for (let i = 0; i < n; i++) {
        const canton = CANTONS.find((c) => c.code === codes[i])!;
        const office = { code: `OF-${canton.code}`, name: `${canton.name}${i === 0 ? ' — matriz provincial' : ''}`, canton: canton.code, province: p.code };
        this.offices.push(office);
        this.officeOfCanton.set(canton.code, office);
      }
    }
  }

  /** Draws a province code by population. */
  province(random: Random): string {
    return this.provinces[random.weighted(this.provinceWeights)]!.code;
  }

  /** Draws a canton of a province. */
  canton(random: Random, province: string): string {
    const c = this.cantonsOf.get(province)!;
    return c.codes[random.weighted(c.weights)]!;
  }

  /** The office serving a canton: its own, or its province's capital office. */
  officeFor(canton: string): DemoOffice {
    return this.officeOfCanton.get(canton) ?? this.officeOfCanton.get(this.cantonsOf.get(canton.slice(0, 2))!.codes[0]!)!;
  }
}
