import { join } from 'node:path';
import { seekers as contract } from '../sources/seekers.ts';
import { makeCedula } from '../privacy/cedula.ts';
import type { DemoCalendar } from './calendar.ts';
import { CsvWriter } from './csv-writer.ts';
import type { DemoGeography } from './geography.ts';
import { GIVEN_NAMES_F, GIVEN_NAMES_M, SURNAMES } from './names.ts';
import { cumulative, type Random } from './random.ts';

/** Age bands of seekers at registration and their shares: youth (15-29) about half, 18-24 the largest band. */
export const SEEKER_AGE_BANDS = [
  { from: 15, to: 17, share: 0.04 },
  { from: 18, to: 24, share: 0.32 },
  { from: 25, to: 29, share: 0.18 },
  { from: 30, to: 44, share: 0.28 },
  { from: 45, to: 64, share: 0.165 },
  { from: 65, to: 75, share: 0.015 },
] as const;

const EDUCATION = ['NINGUNO', 'BASICA', 'BACHILLERATO', 'TECNICO', 'SUPERIOR', 'POSGRADO'] as const;
const EDUCATION_WEIGHTS = cumulative([0.02, 0.22, 0.43, 0.1, 0.21, 0.02]);
const AGE_WEIGHTS = cumulative(SEEKER_AGE_BANDS.map((b) => b.share));

/**
 * Share of people who registered twice under a new record with the same profile: 60% with the
 * same cédula, 30% with a mistyped one (a digit changed, so the check digit fails), 10% without.
 */
export const DUPLICATE_REGISTRATION_SHARE = 0.005;

/** The seekers made: record ids in registration order, and where and when each registered. */
export interface DemoSeekers {
  ids: string[];
  regDay: Int32Array;
  province: Uint8Array;
  /** Record indices per province code, in registration order. */
  byProvince: Map<string, Int32Array>;
}

/** Writes `buscadores.csv`: seekers by province population, youth over-represented, 52% women. */
export async function writeSeekers(dir: string, n: number, random: Random, calendar: DemoCalendar, geo: DemoGeography): Promise<DemoSeekers> {
  const out = new CsvWriter(join(dir, 'buscadores.csv'), contract.columns.map((c) => c.header));
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) days[i] = calendar.first + random.weighted(calendar.seasonal);
  days.sort();
  const ids: string[] = new Array(n);
  const province = new Uint8Array(n);
  const perProvince = new Map<string, number[]>();
  const serial = new Map<string, number>();
  let dupes = 0;
  for (let i = 0; i < n; i++) {
    const prov = geo.province(random);
    const canton = geo.canton(random, prov);
    const band = SEEKER_AGE_BANDS[random.weighted(AGE_WEIGHTS)]!;
    const age = random.int(band.from, band.to);
    const birth = days[i]! - age * 365 - random.int(5, 360);
    const woman = random.chance(0.52);
    const given = random.pick(woman ? GIVEN_NAMES_F : GIVEN_NAMES_M);
    const surnames = `${random.pick(SURNAMES)} ${random.pick(SURNAMES)}`;
    const k = (serial.get(prov) ?? 0) + 1;
    serial.set(prov, k);
    const cedula = makeCedula(`${prov}${Math.floor(k / 1_000_000) % 6}${String(k % 1_000_000).padStart(6, '0')}`);
    const id = `B${String(i + 1).padStart(8, '0')}`;
    ids[i] = id;
    province[i] = Number(prov);
    (perProvince.get(prov) ?? perProvince.set(prov, []).get(prov)!).push(i);
    const row = [id, cedula, given, surnames, calendar.date(birth), woman ? 'M' : 'H', random.chance(0.03) ? 'S' : 'N',
      random.chance(0.9) ? EDUCATION[random.weighted(EDUCATION_WEIGHTS)]! : '', canton, geo.officeFor(canton).code, calendar.date(days[i]!)];
    await out.row(row);
    if (random.chance(DUPLICATE_REGISTRATION_SHARE) && days[i]! + 30 <= calendar.last) {
      dupes++;
      const typo = random.chance(0.3);
      const again = typo ? cedula.slice(0, 8) + String((Number(cedula[8]) + 1) % 10) + cedula[9] : random.chance(0.1) ? '' : cedula;
      await out.row([`R${String(dupes).padStart(8, '0')}`, again, ...row.slice(2, 10), calendar.date(days[i]! + 30)]);
    }
  }
  await out.close();
  const byProvince = new Map([...perProvince].map(([p, list]) => [p, Int32Array.from(list)]));
  return { ids, regDay: days, province, byProvince };
}

/** Index of the last seeker registered on or before a day in a registration-ordered list, or -1. */
export function lastRegisteredBy(regDay: Int32Array, indices: Int32Array | null, day: number): number {
  let lo = 0;
  let hi = (indices ? indices.length : regDay.length) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = regDay[indices ? indices[mid]! : mid]!;
    if (d <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
