import { placementsByMonthProvince } from '../placements/placements-by-month-province.ts';
import { youthPlacements } from '../placements/youth-placements.ts';
import { firmsToVisit } from '../outreach/firms-to-visit.ts';
import { kpiChannels } from '../kpi/kpi-channels.ts';
import { kpiFunnel } from '../kpi/kpi-funnel.ts';
import { kpiOffices } from '../kpi/kpi-offices.ts';
import { kpiSummary } from '../kpi/kpi-summary.ts';
import { kpiTrend } from '../kpi/kpi-trend.ts';
import { kpiVacancyCohorts } from '../kpi/kpi-vacancy-cohorts.ts';
import { marketOccupations } from '../market/market-occupations.ts';
import { marketSectors } from '../market/market-sectors.ts';
import { marketShiftShare } from '../market/market-shift-share.ts';
import { marketTightness } from '../market/market-tightness.ts';
import { marketWages } from '../market/market-wages.ts';
import { targetSectors } from '../market/target-sectors.ts';
import { ageingVacancies } from '../outreach/ageing-vacancies.ts';
import { followupDue } from '../outreach/followup-due.ts';
import { targetFirms } from '../outreach/target-firms.ts';
import { visitLoop } from '../outreach/visit-loop.ts';
import { provinces } from '../reference/provinces.ts';
import { provinceBoundaries } from '../reference/province-boundaries.ts';
import { cantons } from '../reference/cantons.ts';
import { classifications } from '../reference/classifications.ts';
import { internationalYouthUnemployment } from '../survey/international-youth-unemployment.ts';
import { surveyIndicator } from '../survey/survey-indicator.ts';
import { surveyComposition } from '../survey/survey-composition.ts';
import { surveyIndicatorList } from '../survey/survey-indicator-list.ts';
import { surveyPeriods } from '../survey/survey-periods.ts';
import { publicVacancies } from '../vacancies/public-vacancies.ts';
import type { QueryDefinition } from './query-definition.ts';

/** Every named query the API serves. */
export const CATALOGUE: readonly QueryDefinition[] = [placementsByMonthProvince, provinces, provinceBoundaries, cantons, classifications, surveyIndicator, surveyComposition, surveyPeriods, internationalYouthUnemployment, youthPlacements, publicVacancies, surveyIndicatorList, firmsToVisit, kpiSummary, kpiTrend, kpiFunnel, kpiChannels, kpiOffices, kpiVacancyCohorts, marketSectors, marketOccupations, marketShiftShare, marketTightness, marketWages, targetSectors, targetFirms, followupDue, ageingVacancies, visitLoop] as readonly QueryDefinition[];

/** Finds a query by name. */
export function findQuery(name: string): QueryDefinition | undefined {
  return CATALOGUE.find((q) => q.name === name);
}
