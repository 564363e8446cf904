import { placementsByMonthProvince } from '../placements/placements-by-month-province.ts';
import { youthPlacements } from '../placements/youth-placements.ts';
import { firmsToVisit } from '../outreach/firms-to-visit.ts';
import { provinces } from '../reference/provinces.ts';
import { internationalYouthUnemployment } from '../survey/international-youth-unemployment.ts';
import { surveyIndicator } from '../survey/survey-indicator.ts';
import { surveyIndicatorList } from '../survey/survey-indicator-list.ts';
import { surveyPeriods } from '../survey/survey-periods.ts';
import type { QueryDefinition } from './query-definition.ts';

/** Every named query the API serves. */
export const CATALOGUE: readonly QueryDefinition[] = [placementsByMonthProvince, provinces, surveyIndicator, surveyPeriods, internationalYouthUnemployment, youthPlacements, surveyIndicatorList, firmsToVisit] as readonly QueryDefinition[];

/** Finds a query by name. */
export function findQuery(name: string): QueryDefinition | undefined {
  return CATALOGUE.find((q) => q.name === name);
}
