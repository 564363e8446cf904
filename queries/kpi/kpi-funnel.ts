import { z } from 'zod';
import { defineQuery, type BoundSql } from '../catalogue/query-definition.ts';
import { funnelInMemory } from './period-cube-answers.ts';
import { KpiSql, PERSON_OR_PLACE, kpiParams, ratio, kpiWarm, without, type KpiFilters } from './kpi-filters.ts';

/** Groupings of the funnel, and the SQL of each over the cohort's first registration (`c`). */
const GROUPS = {
  office: 'c.office_code',
  sex: 'c.sex',
  age_band: 'c.age_band',
  disability: "CASE WHEN c.disability THEN 'yes' ELSE 'no' END",
  none: "'total'",
} as const;

/**
 * The registration cohort's funnel: the persons registered in the period (under the seeker
 * filters), and how many of them were then referred, interviewed, placed, and found still employed
 * at the 3- and 6-month follow-ups, by office, sex, age band, disability or in total.
 *
 * A person enters the cohort by their first registration in the period (which gives their group);
 * a step counts the referrals and placements of any of the person's records dated on or after that
 * registration, up to the end of the data (so recent cohorts have had less time). Retained at k
 * months: a placement of the step whose k-month follow-up says still employed. Sector, occupation and
 * channel do not apply (the cohort is of persons).
 */
export const kpiFunnel = defineQuery({
  name: 'kpi-funnel',
  audience: 'policy',
  title: { es: 'Embudo de la cohorte de registro', en: 'Registration cohort funnel' },
  description: {
    es: 'De las personas registradas en el periodo, cuántas fueron derivadas a una vacante, entrevistadas, colocadas y seguían empleadas a los 3 y 6 meses, por oficina, sexo, grupo de edad o discapacidad. Cada persona cuenta una vez, por su primer registro del periodo.',
    en: 'Of the persons registered in the period, how many were referred to a vacancy, interviewed, placed and still employed at 3 and 6 months, by office, sex, age band or disability. Each person counts once, by their first registration in the period.',
  },
  formula: {
    es: 'cohorte = personas con registro en el periodo; paso = personas de la cohorte con al menos un evento del paso desde su registro; tasa de colocación = colocadas / registradas',
    en: 'cohort = persons registered in the period; step = cohort persons with at least one event of the step since registering; placement rate = placed / registered',
  },
  sources: ['seeker_fact', 'referral_fact', 'placement_fact', 'funnel_reach', 'placement_monthly'],
  params: kpiParams({ by: z.enum(['office', 'sex', 'age_band', 'disability', 'none']).optional() }),
  columns: [
    { name: 'group', kind: 'string', label: { es: 'Grupo', en: 'Group' } },
    { name: 'registered', kind: 'integer', label: { es: 'Personas registradas', en: 'Persons registered' } },
    { name: 'referred', kind: 'integer', label: { es: 'Derivadas', en: 'Referred' } },
    { name: 'interviewed', kind: 'integer', label: { es: 'Entrevistadas', en: 'Interviewed' } },
    { name: 'placed', kind: 'integer', label: { es: 'Colocadas', en: 'Placed' } },
    { name: 'retained_3m', kind: 'integer', label: { es: 'Empleadas a los 3 meses', en: 'Retained at 3 months' } },
    { name: 'retained_6m', kind: 'integer', label: { es: 'Empleadas a los 6 meses', en: 'Retained at 6 months' } },
    { name: 'placement_rate', kind: 'number', label: { es: 'Tasa de colocación de la cohorte', en: 'Cohort placement rate' } },
  ],
  example: { from: '2025-10', to: '2026-09', by: 'sex' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm({ by: 'none' }),
  // The cohort is of persons: sector, occupation and channel do not apply.
  inert: ['sector', 'occupation', 'channel'],
  compute: (w, { by, ...f }) => funnelInMemory(w, f, by),
  build: ({ by, ...f }) => (cubeAnswers(f) ? funnelFromCube(f, by) : funnelFromFacts(f, by)),
});

/** True when the funnel cube answers these filters: no person or place filter (sector, occupation and channel are inert). */
export function cubeAnswers(f: KpiFilters): boolean {
  return without(f, PERSON_OR_PLACE);
}

/** The funnel of any period from the funnel cube (warehouse/funnel-cube.ts): same rows, values and types as {@link funnelFromFacts}. */
export function funnelFromCube(f: KpiFilters, by: keyof typeof GROUPS = 'none'): BoundSql {
  const k = new KpiSql(f, 12);
  return k.bound(`SELECT ${GROUPS[by]} AS "group", sum(c.registered)::INTEGER AS registered, sum(c.referred)::INTEGER AS referred,
          sum(c.interviewed)::INTEGER AS interviewed, sum(c.placed)::INTEGER AS placed, sum(c.retained_3m)::INTEGER AS retained_3m,
          sum(c.retained_6m)::INTEGER AS retained_6m, ${ratio('sum(c.placed)', 'sum(c.registered)')} AS placement_rate
        FROM funnel_reach c WHERE ${k.inPeriod('c.month')} AND (c.prev IS NULL OR c.prev < ${k.lo})
        GROUP BY 1 ORDER BY 1`);
}

/** The funnel computed from the registrations, referrals and placements (any filters). */
export function funnelFromFacts(f: KpiFilters, by: keyof typeof GROUPS = 'none'): BoundSql {
  const k = new KpiSql(f, 12);
  return k.bound(`WITH
      reg AS (
        SELECT s.px, s.registered_on, s.office_code, s.sex, s.age_band, s.disability,
          row_number() OVER (PARTITION BY s.px ORDER BY s.registered_on, s.sx) AS k
        FROM seeker_fact s WHERE ${k.inPeriod('s.reg_month')} AND ${k.where('seeker_fact', 's')}),
      cohort AS (SELECT c.px, c.registered_on, ${GROUPS[by]} AS grp FROM reg c WHERE c.k = 1),
      refs AS (
        SELECT c.px, bool_or(r.interviewed) AS interviewed
        FROM referral_fact r JOIN cohort c ON r.px = c.px
        WHERE r.ref_month >= ${k.lo} AND r.referred_on >= c.registered_on GROUP BY c.px),
      placed AS (
        SELECT c.px, bool_or(p.emp3) AS r3, bool_or(p.emp6) AS r6
        FROM placement_fact p JOIN cohort c ON p.px = c.px
        WHERE p.month >= ${k.lo} AND p.placed_on >= c.registered_on GROUP BY c.px)
      SELECT c.grp AS "group", count(*)::INTEGER AS registered, count(refs.px)::INTEGER AS referred,
        count(*) FILTER (WHERE refs.interviewed)::INTEGER AS interviewed, count(placed.px)::INTEGER AS placed,
        count(*) FILTER (WHERE placed.r3)::INTEGER AS retained_3m, count(*) FILTER (WHERE placed.r6)::INTEGER AS retained_6m,
        ${ratio('count(placed.px)', 'count(*)')} AS placement_rate
      FROM cohort c LEFT JOIN refs ON refs.px = c.px LEFT JOIN placed ON placed.px = c.px
      GROUP BY c.grp ORDER BY c.grp`);
}
