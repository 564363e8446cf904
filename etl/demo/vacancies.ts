import { join } from 'node:path';
import { followups } from '../sources/followups.ts';
import { placements } from '../sources/placements.ts';
import { referrals } from '../sources/referrals.ts';
import { vacancies } from '../sources/vacancies.ts';
import { basicWage, type DemoCalendar } from './calendar.ts';
import { CsvWriter } from './csv-writer.ts';
import type { DemoFirms } from './firms.ts';
import { cumulative, type Random } from './random.ts';
import { lastRegisteredBy, type DemoSeekers } from './seekers.ts';

/** Positions per vacancy and their shares (mean about 4). */
const POSITIONS = [1, 2, 3, 4, 5, 8, 15] as const;
const POSITION_WEIGHTS = cumulative([0.35, 0.2, 0.12, 0.08, 0.05, 0.12, 0.08]);

/** Major occupation groups (CIUO-08) typical of each sector, with weights. */
const OCCUPATIONS_BY_SECTOR: Readonly<Record<string, readonly [string, number][]>> = {
  A: [['6', 4], ['9', 5], ['8', 1]], B: [['8', 4], ['7', 3], ['9', 3]], C: [['7', 4], ['8', 4], ['9', 3], ['3', 1]],
  D: [['3', 3], ['7', 3], ['2', 1]], E: [['9', 4], ['8', 2], ['7', 1]], F: [['7', 5], ['9', 4], ['3', 1]],
  G: [['5', 6], ['4', 2], ['9', 2], ['8', 1]], H: [['8', 6], ['4', 2], ['9', 2]], I: [['5', 6], ['9', 4]],
  J: [['2', 4], ['3', 4], ['4', 2]], K: [['4', 4], ['3', 3], ['2', 2]], L: [['4', 3], ['3', 3], ['5', 2]],
  M: [['2', 5], ['3', 3], ['4', 2]], N: [['9', 4], ['4', 3], ['5', 3]], O: [['4', 4], ['2', 3], ['3', 3]],
  P: [['2', 6], ['3', 2], ['4', 1]], Q: [['2', 4], ['3', 4], ['5', 2]], R: [['3', 3], ['5', 3], ['2', 1]],
  S: [['5', 5], ['7', 2], ['9', 2]], T: [['9', 8], ['5', 2]], U: [['4', 5], ['2', 3]],
};
const OCC_TABLES = new Map(Object.entries(OCCUPATIONS_BY_SECTOR).map(([s, list]) => [s, { codes: list.map(([c]) => c), weights: cumulative(list.map(([, w]) => w)) }]));
const WAGE_FACTOR: Readonly<Record<string, number>> = { '0': 1.6, '1': 3, '2': 2.2, '3': 1.5, '4': 1.15, '5': 1.0, '6': 1.0, '7': 1.15, '8': 1.1, '9': 1.0 };
const CHANNELS = ['CONSEJERIA', 'PORTAL', 'FERIA', 'TALLER', 'CONCERTACION'] as const;
const CHANNEL_WEIGHTS = cumulative([0.35, 0.35, 0.12, 0.08, 0.1]);

/** Share of vacancies never filled through the service. */
export const NEVER_FILLED = 0.1;
/** Median days from posting to placement (lognormal, sigma 0.8). */
export const MEDIAN_DAYS_TO_FILL = 20;
/** Probability of still being employed at the 1-, 3- and 6-month follow-ups, and of the follow-up being done. */
export const RETENTION = { 1: 0.85, 3: 0.7, 6: 0.6 } as const;
const FOLLOWUP_DONE = { 1: 0.9, 3: 0.8, 6: 0.7 } as const;

/** Counts of what was written. */
export interface DemoVacancyCounts {
  vacancies: number;
  referrals: number;
  placements: number;
  followups: number;
  placementIds: string[];
  /** Placements per `office|YYYY-MM` (the office of the vacancy), to set the offices' demo targets. */
  placedByOfficeMonth: Map<string, number>;
}

/**
 * Writes `vacantes.csv`, `derivaciones.csv`, `colocaciones.csv` and `seguimientos.csv` together:
 * each vacancy gets referred candidates registered before the referral, some of whom are placed
 * after a lognormal time to fill; placements are followed up at 1, 3 and 6 months when due.
 */
export async function writeVacancies(dir: string, n: number, random: Random, calendar: DemoCalendar, firms: DemoFirms, seekers: DemoSeekers): Promise<DemoVacancyCounts> {
  const header = (c: { columns: readonly { header: string }[] }) => c.columns.map((x) => x.header);
  const vOut = new CsvWriter(join(dir, 'vacantes.csv'), header(vacancies));
  const rOut = new CsvWriter(join(dir, 'derivaciones.csv'), header(referrals));
  const pOut = new CsvWriter(join(dir, 'colocaciones.csv'), header(placements));
  const fOut = new CsvWriter(join(dir, 'seguimientos.csv'), header(followups));
  const placementIds: string[] = [];
  const keepIds = n <= 200_000;
  const placedByOfficeMonth = new Map<string, number>();
  const pick = (day: number, province: string): number => {
    const local = random.chance(0.9) ? seekers.byProvince.get(province) ?? null : null;
    const last = lastRegisteredBy(seekers.regDay, local, day);
    if (last < 0) return -1;
    const k = random.int(0, last);
    return local ? local[k]! : k;
  };
  for (let v = 0; v < n; v++) {
    const firm = random.weighted(firms.postingWeights);
    const posted = calendar.first + 30 + random.weighted(calendar.seasonal.subarray(0, Math.max(1, calendar.seasonal.length - 30)));
    const positions = POSITIONS[random.weighted(POSITION_WEIGHTS)]!;
    const occ = OCC_TABLES.get(firms.sector[firm]!)!;
    const major = occ.codes[random.weighted(occ.weights)]!;
    const wage = Math.round(basicWage(calendar.year(posted)) * WAGE_FACTOR[major]! * Math.exp(0.25 * random.normal()) * 100) / 100;
    const vid = `V${String(v + 1).padStart(8, '0')}`;
    const province = firms.canton[firm]!.slice(0, 2);
    const filled = random.chance(NEVER_FILLED) ? 0 : Math.max(1, Math.round(positions * (0.5 + 0.5 * random.next())));
    let lastPlacement = -1;
    for (let k = 0; k < filled; k++) {
      const day = posted + Math.max(1, Math.round(MEDIAN_DAYS_TO_FILL * Math.exp(0.8 * random.normal())));
      if (day > calendar.last) continue;
      const referredOn = Math.max(posted, day - random.int(3, 15));
      const s = pick(referredOn, province);
      if (s < 0) continue;
      const rid = `D${String(rOut.rows + 1).padStart(9, '0')}`;
      await rOut.row([rid, vid, seekers.ids[s]!, calendar.date(referredOn), 'S']);
      const pid = `C${String(pOut.rows + 1).padStart(9, '0')}`;
      if (keepIds) placementIds.push(pid);
      const salary = random.chance(0.85) ? (wage * (0.95 + 0.1 * random.next())).toFixed(2) : '';
      await pOut.row([pid, vid, seekers.ids[s]!, calendar.date(day), salary, CHANNELS[random.weighted(CHANNEL_WEIGHTS)]!]);
      const officeMonth = `${firms.office[firm]!}|${calendar.date(day).slice(0, 7)}`;
      placedByOfficeMonth.set(officeMonth, (placedByOfficeMonth.get(officeMonth) ?? 0) + 1);
      lastPlacement = Math.max(lastPlacement, day);
      let employed = true;
      for (const months of [1, 3, 6] as const) {
        const due = day + months * 30;
        if (due > calendar.last) break;
        const prior = months === 1 ? 1 : RETENTION[months === 3 ? 1 : 3];
        employed = employed && random.chance(RETENTION[months] / prior);
        if (random.chance(FOLLOWUP_DONE[months])) await fOut.row([pid, months, calendar.date(Math.min(calendar.last, due + random.int(0, 10))), employed ? 'S' : 'N']);
      }
    }
    const extra = random.int(1, 3) * Math.max(1, filled);
    for (let k = 0; k < extra; k++) {
      const day = posted + random.int(1, 40);
      if (day > calendar.last) continue;
      const s = pick(day, province);
      if (s < 0) continue;
      await rOut.row([`D${String(rOut.rows + 1).padStart(9, '0')}`, vid, seekers.ids[s]!, calendar.date(day), random.chance(0.35) ? 'S' : 'N']);
    }
    const closed = filled > 0 && lastPlacement > 0 ? lastPlacement : posted + 60 <= calendar.last && random.chance(0.7) ? posted + 60 : -1;
    await vOut.row([vid, firms.ruc[firm]!, firms.office[firm]!, calendar.date(posted), closed > 0 ? calendar.date(closed) : '', positions,
      `${major}${String(random.int(100, 999))}`, firms.canton[firm]!, random.chance(0.9) ? wage.toFixed(2) : '']);
  }
  await Promise.all([vOut.close(), rOut.close(), pOut.close(), fOut.close()]);
  return { vacancies: vOut.rows, referrals: rOut.rows, placements: pOut.rows, followups: fOut.rows, placementIds, placedByOfficeMonth };
}
