import type { SourceContract } from '../contract/source-contract.ts';
import { firmContacts } from './firm-contacts.ts';
import { firms } from './firms.ts';
import { followups } from './followups.ts';
import { mobilityCases } from './mobility-cases.ts';
import { offices } from './offices.ts';
import { officeTargets } from './office-targets.ts';
import { youthUnemploymentSeries } from './international/youth-unemployment-series.ts';
import { jobPostings } from './postings/job-postings.ts';
import { placements } from './placements.ts';
import { referrals } from './referrals.ts';
import { seekers } from './seekers.ts';
import { serviceEvents } from './service-events.ts';
import { surveyPersons } from './survey-persons.ts';
import { vacancies } from './vacancies.ts';

/** Every source Faro loads, in the order a folder is loaded (referenced tables first). */
export const SOURCES: readonly SourceContract[] = [
  offices,
  officeTargets,
  seekers,
  firms,
  vacancies,
  referrals,
  placements,
  followups,
  serviceEvents,
  firmContacts,
  mobilityCases,
  surveyPersons,
  jobPostings,
  youthUnemploymentSeries,
];

/** Finds a source by its id. */
export function sourceById(id: string): SourceContract | undefined {
  return SOURCES.find((s) => s.id === id);
}

/** Recognises the source of a file by its name (`colocaciones_2024-05.csv` is placements). */
export function sourceForFile(fileName: string): SourceContract | undefined {
  const base = fileName.toLowerCase().replace(/\.(csv|xlsx|txt)$/, '');
  return SOURCES.find((s) => s.fileNames.some((prefix) => base === prefix || base.startsWith(`${prefix}_`) || base.startsWith(`${prefix}-`)));
}
