import { join } from 'node:path';
import { firms as contract } from '../sources/firms.ts';
import type { DemoCalendar } from './calendar.ts';
import { CsvWriter, quote } from './csv-writer.ts';
import type { DemoGeography } from './geography.ts';
import { FIRM_SUFFIXES, FIRM_WORDS, SURNAMES } from './names.ts';
import { cumulative, type Random } from './random.ts';

/** Firm size bands by workers, and their shares among firms: micro and small the great majority. */
export const FIRM_SIZES = [
  { band: 'micro', from: 1, to: 9, share: 0.6, postingWeight: 1 },
  { band: 'small', from: 10, to: 49, share: 0.28, postingWeight: 2.5 },
  { band: 'medium', from: 50, to: 199, share: 0.09, postingWeight: 6 },
  { band: 'large', from: 200, to: 2000, share: 0.03, postingWeight: 15 },
] as const;

/** Sector mix of firms that use the service (CIIU Rev.4 sections), commerce first. */
export const SECTOR_MIX: Readonly<Record<string, number>> = {
  G: 30, C: 12, A: 10, I: 10, F: 7, H: 6, M: 5, N: 5, S: 4, Q: 3, P: 2, J: 2, K: 1, L: 1, B: 0.5, E: 0.5, D: 0.3, O: 0.4, R: 0.8, T: 0.3,
};
const SECTOR_CODES = Object.keys(SECTOR_MIX);
const SECTOR_WEIGHTS = cumulative(Object.values(SECTOR_MIX));
const SIZE_WEIGHTS = cumulative(FIRM_SIZES.map((s) => s.share));

/** The firms made: RUC, sector, canton, office and posting weight of each. */
export interface DemoFirms {
  ruc: string[];
  sector: string[];
  canton: string[];
  office: string[];
  /** Cumulative posting weights: bigger firms post more vacancies. */
  postingWeights: Float64Array;
}

/** Writes `empresas.csv`. */
export async function writeFirms(dir: string, n: number, random: Random, calendar: DemoCalendar, geo: DemoGeography): Promise<DemoFirms> {
  const out = new CsvWriter(join(dir, 'empresas.csv'), contract.columns.map((c) => c.header));
  const firms: DemoFirms = { ruc: [], sector: [], canton: [], office: [], postingWeights: new Float64Array(n) };
  let weight = 0;
  for (let i = 0; i < n; i++) {
    const prov = geo.province(random);
    const canton = geo.canton(random, prov);
    const size = FIRM_SIZES[random.weighted(SIZE_WEIGHTS)]!;
    const sector = SECTOR_CODES[random.weighted(SECTOR_WEIGHTS)]!;
    const ruc = `${prov}9${String(i + 1).padStart(7, '0')}001`;
    const office = geo.officeFor(canton).code;
    firms.ruc.push(ruc);
    firms.sector.push(sector);
    firms.canton.push(canton);
    firms.office.push(office);
    weight += size.postingWeight;
    firms.postingWeights[i] = weight;
    const name = `${random.pick(FIRM_WORDS)} ${random.pick(SURNAMES)}${random.pick(FIRM_SUFFIXES)}`;
    const registered = calendar.first - random.int(0, 3000) + random.int(0, Math.max(0, calendar.last - calendar.first - 400));
    await out.row([ruc, quote(name), `${sector}${String(random.int(10, 99))}${String(random.int(10, 99))}`, random.int(size.from, size.to), canton, office, calendar.date(registered)]);
  }
  await out.close();
  return firms;
}
