import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { KpiSql, kpiParams, ratio, kpiWarm } from './kpi-filters.ts';

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
  sources: ['seeker', 'referral', 'placement', 'followup', 'placement_monthly'],
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
  build: (p) => {
    const { by, ...f } = p;
    const k = new KpiSql(f, 12);
    return k.bound(`WITH
      reg AS (
        SELECT s.person_id, s.registered_on, s.office_code, s.sex, s.age_band, s.disability,
          row_number() OVER (PARTITION BY s.person_id ORDER BY s.registered_on, s.seeker_id) AS k
        FROM seeker s WHERE ${k.inPeriod('s.reg_month')} AND ${k.where('seeker', 's')}),
      cohort AS (SELECT c.person_id, c.registered_on, ${GROUPS[by ?? 'none']} AS grp FROM reg c WHERE c.k = 1),
      rec AS (SELECT s.seeker_id, c.person_id, c.registered_on FROM seeker s JOIN cohort c ON c.person_id = s.person_id),
      refs AS (
        SELECT rec.person_id, bool_or(r.interviewed) AS interviewed
        FROM referral r JOIN rec ON r.seeker_id = rec.seeker_id
        WHERE r.ref_month >= ${k.lo} AND r.referred_on >= rec.registered_on GROUP BY rec.person_id),
      plc AS (
        SELECT rec.person_id, p.placement_id
        FROM placement p JOIN rec ON p.seeker_id = rec.seeker_id
        WHERE p.month >= ${k.lo} AND p.placed_on >= rec.registered_on),
      placed AS (
        SELECT plc.person_id, bool_or(f.months_after = 3 AND f.still_employed) AS r3, bool_or(f.months_after = 6 AND f.still_employed) AS r6
        FROM plc LEFT JOIN followup f ON f.placement_id = plc.placement_id AND f.checked_on >= ${k.lo} GROUP BY plc.person_id)
      SELECT c.grp AS "group", count(*)::INTEGER AS registered, count(refs.person_id)::INTEGER AS referred,
        count(*) FILTER (WHERE refs.interviewed)::INTEGER AS interviewed, count(placed.person_id)::INTEGER AS placed,
        count(*) FILTER (WHERE placed.r3)::INTEGER AS retained_3m, count(*) FILTER (WHERE placed.r6)::INTEGER AS retained_6m,
        ${ratio('count(placed.person_id)', 'count(*)')} AS placement_rate
      FROM cohort c LEFT JOIN refs ON refs.person_id = c.person_id LEFT JOIN placed ON placed.person_id = c.person_id
      GROUP BY c.grp ORDER BY c.grp`);
  },
});
