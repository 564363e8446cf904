/** The sizes of demo data sets. */
export type Scale = 'tiny' | 'small' | 'mx';

/** Row targets per scale (placements follow from vacancies, positions and fill rates). */
export interface ScaleSpec {
  years: number;
  seekers: number;
  firms: number;
  vacancies: number;
  serviceEvents: number;
  surveyPeriods: number;
  /** Dwellings sampled per survey period. */
  surveyDwellings: number;
}

/** tiny for tests, small for `npm start`, mx the national reference scale of DESIGN.md. */
export const SCALES: Readonly<Record<Scale, ScaleSpec>> = {
  tiny: { years: 2, seekers: 400, firms: 60, vacancies: 150, serviceEvents: 1_000, surveyPeriods: 1, surveyDwellings: 150 },
  small: { years: 3, seekers: 20_000, firms: 2_000, vacancies: 14_000, serviceEvents: 120_000, surveyPeriods: 8, surveyDwellings: 2_300 },
  mx: { years: 10, seekers: 5_000_000, firms: 300_000, vacancies: 3_000_000, serviceEvents: 30_000_000, surveyPeriods: 12, surveyDwellings: 36_000 },
};
