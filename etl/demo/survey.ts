import { join } from 'node:path';
import { surveyPersons } from '../sources/survey-persons.ts';
import { CsvWriter } from './csv-writer.ts';
import type { DemoGeography } from './geography.ts';
import { cumulative, type Random } from './random.ts';

/**
 * Targets the demo survey is calibrated on: INEC's published ENEMDU national figures of recent
 * years (2023-2025), rounded. The generator draws each person's activity from rates set so
 * that the weighted estimates land near them; the tests check the bands.
 */
export const SURVEY_TARGETS = {
  population: 18_100_000,
  urbanShare: 0.64,
  participation: 0.65,
  unemployment: 0.037,
  youthUnemployment15to24: 0.09,
  adequateEmployment: 0.35,
  informality: 0.55,
} as const;

const AGE_GROUPS = [[0, 14, 0.25], [15, 24, 0.17], [25, 29, 0.08], [30, 44, 0.2], [45, 64, 0.2], [65, 97, 0.1]] as const;
const AGE_WEIGHTS = cumulative(AGE_GROUPS.map((g) => g[2]));
const URBAN_CONDACT = cumulative([0.48, 0.07, 0.11, 0.27, 0.08, 0.02]);
const RURAL_CONDACT = cumulative([0.18, 0.1, 0.14, 0.33, 0.24, 0.01]);
const URBAN_RAMA = cumulative([8, 1, 11, 0.5, 0.7, 7, 24, 6, 8, 2, 1.5, 0.8, 3, 3, 4, 6, 4, 1.5, 4, 3, 0.1]);
const RURAL_RAMA = cumulative([58, 1, 7, 0.2, 0.3, 6, 10, 3, 3, 0.3, 0.2, 0.1, 0.5, 1, 1.5, 2.5, 1, 0.5, 2, 2, 0]);
const GRUPO = cumulative([2, 6, 7, 6, 20, 9, 14, 8, 27, 0.3]);
const NIVINST = cumulative([2, 3, 6, 25, 10, 24, 5, 18, 5, 2]);

/** One survey period's label: 'YYYYMM' of a quarter's last month. */
export function surveyPeriods(end: string, count: number): string[] {
  let year = Number(end.slice(0, 4));
  let month = Number(end.slice(5, 7));
  month -= month % 3;
  if (month === 0) {
    month = 12;
    year--;
  }
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}${String(month).padStart(2, '0')}`);
    month -= 3;
    if (month <= 0) {
      month += 12;
      year--;
    }
  }
  return out;
}

const comma = (x: number, digits: number) => x.toFixed(digits).replace('.', ',');

/**
 * Writes one `enemdu_personas_YYYYMM.csv` per period in INEC's layout (`;`, decimal comma, BOM):
 * a stratified cluster sample (strata = province x area, at least two PSUs each, 12 dwellings
 * per PSU) of whole households, with expansion weights summing to the population.
 */
export async function writeSurvey(dir: string, periods: readonly string[], dwellingsPerPeriod: number, random: Random, geo: DemoGeography): Promise<number> {
  const totalPop = geo.provinces.reduce((n, p) => n + p.population!, 0);
  let rows = 0;
  for (const [pi, period] of periods.entries()) {
    const out = new CsvWriter(join(dir, `enemdu_personas_${period}.csv`), surveyPersons.columns.map((c) => c.header), ';', true);
    const trend = 1 + 0.02 * (periods.length - 1 - pi);
    for (const p of geo.provinces) {
      for (const area of [1, 2] as const) {
        const stratumPop = (p.population! / totalPop) * SURVEY_TARGETS.population * (area === 1 ? SURVEY_TARGETS.urbanShare : 1 - SURVEY_TARGETS.urbanShare);
        const psus = Math.max(2, Math.round(((stratumPop / SURVEY_TARGETS.population) * dwellingsPerPeriod) / 12));
        const people: string[][] = [];
        const psuWeights: number[] = [];
        for (let u = 0; u < psus; u++) {
          const canton = geo.canton(random, p.code);
          const ciudad = String(Number(`${canton}${area === 1 ? '50' : String(random.int(51, 55))}`));
          const upm = `${p.code}${area}${String(u + 1).padStart(4, '0')}${period.slice(2)}`;
          const noise = 0.85 + 0.3 * random.next();
          for (let v = 1; v <= 12; v++) {
            const size = 1 + Math.min(7, Math.floor(-Math.log(1 - random.next()) * 2.6));
            for (let k = 1; k <= size; k++) {
              people.push(person(random, area, trend, [String(area), ciudad, upm.slice(0, 7), String(1 + (u % 4)), String(v), '1', String(k)], upm, `${p.code}${area}1`, period));
              psuWeights.push(noise);
            }
          }
        }
        const scale = stratumPop / psuWeights.reduce((a, b) => a + b, 0);
        for (const [i, row] of people.entries()) {
          row[16] = comma(psuWeights[i]! * scale, 4);
          await out.row(row);
        }
      }
    }
    await out.close();
    rows += out.rows;
  }
  return rows;
}

function person(random: Random, area: 1 | 2, trend: number, ids: string[], upm: string, estrato: string, period: string): string[] {
  const g = AGE_GROUPS[random.weighted(AGE_WEIGHTS)]!;
  const age = random.int(g[0], g[1]);
  const woman = random.chance(0.51);
  let condact = 0;
  let attends = age < 15 ? random.chance(0.95) : age < 18 ? random.chance(0.85) : age < 25 ? random.chance(0.45) : age < 30 ? random.chance(0.08) : random.chance(0.02);
  if (age >= 15) {
    const ageFactor = age < 18 ? 0.35 : age < 25 ? 0.95 : age < 65 ? 1.22 : 0.6;
    const participation = Math.min(0.97, (woman ? 0.57 : 0.8) * ageFactor * (attends ? 0.7 : 1));
    if (!random.chance(participation)) condact = 9;
    else {
      const base = age < 25 ? 0.09 : age < 30 ? 0.055 : 0.025;
      const u = base * (woman ? 1.3 : 0.85) * (area === 1 ? 1.2 : 0.6) * trend;
      if (random.chance(u)) condact = random.chance(0.85) ? 7 : 8;
      else {
        condact = 1 + random.weighted(area === 1 ? URBAN_CONDACT : RURAL_CONDACT);
        if (condact === 1 && age < 25 && random.chance(0.2)) condact = 4;
        if (age < 25 && random.chance(0.5)) attends = false;
      }
    }
  }
  const employed = condact >= 1 && condact <= 6;
  const secemp = employed ? (condact === 1 ? (random.chance(0.8) ? 1 : 2) : random.chance(0.05) ? 3 : random.chance(0.03) ? 4 : random.chance(0.22) ? 1 : 2) : '';
  const rama = employed ? (random.chance(0.01) ? 22 : 1 + random.weighted(area === 1 ? URBAN_RAMA : RURAL_RAMA)) : '';
  const grupo = employed ? (random.chance(0.005) ? 99 : rama === 1 ? (random.chance(0.5) ? 6 : 9) : 1 + random.weighted(GRUPO)) : '';
  let ingrl = '';
  if (employed) {
    const roll = random.next();
    ingrl = roll < 0.01 ? '999999' : roll < 0.02 ? '-1' : comma(Math.max(0, (condact === 1 ? 650 : condact === 5 ? 0 : 260) * Math.exp(0.6 * random.normal())), 2);
  }
  return [
    ...ids, String(woman ? 2 : 1), String(random.chance(0.001) ? 99 : age), age >= 5 ? (attends ? '1' : '2') : '',
    age >= 5 ? String(1 + random.weighted(NIVINST)) : '', String(condact), String(secemp), String(rama), String(grupo), ingrl, '', upm, estrato, period,
    employed ? String(employmentStatus(condact, Number(secemp), Number(rama), Number(grupo))) : '',
  ];
}

/**
 * The category of occupation (p42) of an employed person, from what is already drawn (no new
 * random draws, so the rest of the survey stays as it was): unpaid work (condact 6) is unpaid
 * family work, domestic work (secemp 3) domestic employment; formal jobs in public
 * administration, or professional jobs in education and health, are government jobs, managers
 * employers, other formal jobs private employment; informal farm labourers are day labourers,
 * other informal work mostly own account.
 */
function employmentStatus(condact: number, secemp: number, rama: number, grupo: number): number {
  if (condact === 6) return 7;
  if (secemp === 3) return 10;
  if (secemp === 1) return rama === 15 || ((rama === 16 || rama === 17) && grupo <= 3) ? 1 : grupo === 1 ? 5 : grupo % 7 === 3 ? 3 : 2;
  if (rama === 1) return grupo === 9 ? 4 : 6;
  return grupo >= 5 || grupo % 2 === 0 ? 6 : 2;
}
