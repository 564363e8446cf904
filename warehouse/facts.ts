import { REBUILD_ATTENDANCE_CUBE } from './attendance-cube.ts';
import { REBUILD_CHANNEL_CUBE } from './channel-cube.ts';
import { REBUILD_FLOW_CUBE } from './flow-cube.ts';
import { REBUILD_PAIR_COUNTS } from './pair-counts.ts';
import { REBUILD_FUNNEL_CUBE } from './funnel-cube.ts';
import { REBUILD_REGISTRATION_CUBE } from './registration-cube.ts';
import { REBUILD_FIRM_FACT } from './firm-fact.ts';
import { REBUILD_MARKET_MONTH, REBUILD_OFFERED_WAGE_END } from './market-month.ts';
import { REBUILD_MARKET_STOCK, endOfDayCte, openAtEnd } from './market-stock.ts';
import { REBUILD_SURVEY_EARNED } from './survey-earned.ts';
import { REBUILD_SURVEY_EMPLOYED } from './survey-employed.ts';
import { Warehouse, type Session } from './warehouse.ts';

/**
 * Statements that rebuild the derived facts (migration 012) from the base tables: every grouping
 * column joined in, persons, seeker records, vacancies and firms numbered densely, follow-up
 * outcomes and vacancy fills folded into their rows, each table sorted by month; then firms with
 * their activity at the end of the data (warehouse/firm-fact.ts), market counts by month
 * (warehouse/market-month.ts), survey wage medians (warehouse/survey-earned.ts), the stock of
 * active seekers and open vacancies at the end of the data (warehouse/market-stock.ts) and the
 * channel cube of events, persons and firms served by kind and month (warehouse/channel-cube.ts),
 * the attendance cube of persons served by month (warehouse/attendance-cube.ts), the funnel
 * cube of registration cohorts (warehouse/funnel-cube.ts), the registration cube
 * (warehouse/registration-cube.ts), the flow cube (warehouse/flow-cube.ts) and the pair cube of
 * counts under one or two filters (warehouse/pair-counts.ts).
 * Run in one transaction (see {@link rebuildFacts}).
 */
export const REBUILD_FACTS: readonly string[] = [
  `CREATE OR REPLACE TEMP TABLE fact_seeker_px AS
   SELECT seeker_id, dense_rank() OVER (ORDER BY person_id)::INTEGER AS px, row_number() OVER (ORDER BY seeker_id)::INTEGER AS sx,
     sex, age_band, registered_on, province_code, canton_code FROM seeker`,
  `CREATE OR REPLACE TEMP TABLE fact_firm_fx AS
   SELECT firm_id, row_number() OVER (ORDER BY province_code, canton_code, firm_id)::INTEGER AS fx FROM firm`,
  // Vacancies numbered in the order vacancy_fact keeps them (by month), with their firm's number.
  `CREATE OR REPLACE TEMP TABLE fact_vacancy_vx AS
   SELECT v.*, row_number() OVER (ORDER BY v.posted_month, v.province_code, v.office_code, v.vacancy_id)::INTEGER AS vx, f.fx
   FROM vacancy v LEFT JOIN fact_firm_fx f USING (firm_id)`,
  'DELETE FROM seeker_fact',
  `INSERT INTO seeker_fact
   WITH first_service AS (
     SELECT e.seeker_id, min(e.event_on) AS first_on
     FROM service_event e JOIN fact_seeker_px s ON s.seeker_id = e.seeker_id
     WHERE e.event_on >= s.registered_on GROUP BY e.seeker_id)
   SELECT x.px, x.sx, s.registered_on, s.reg_month, s.office_code, s.province_code, s.sex, s.age_band, s.disability, fs.first_on, s.canton_code
   FROM seeker s JOIN fact_seeker_px x USING (seeker_id) LEFT JOIN first_service fs USING (seeker_id)
   ORDER BY s.reg_month, s.province_code, s.office_code`,
  'DELETE FROM placement_fact',
  `INSERT INTO placement_fact
   WITH fu AS (
     SELECT placement_id, bool_or(months_after = 1) AS has1, bool_or(months_after = 3) AS has3, bool_or(months_after = 6) AS has6,
       bool_or(months_after = 3 AND still_employed) AS emp3, bool_or(months_after = 6 AND still_employed) AS emp6
     FROM followup GROUP BY placement_id)
   SELECT p.month, p.placed_on, p.office_code, p.province_code, p.sector_code, p.occupation_code, p.sex, p.age_band, p.channel,
     x.px, date_diff('day', x.registered_on, p.placed_on)::INTEGER,
     coalesce(fu.has1, false), coalesce(fu.has3, false), coalesce(fu.has6, false), coalesce(fu.emp3, false), coalesce(fu.emp6, false),
     p.canton_code, x.sx, v.fx, v.posted_month
   FROM placement p LEFT JOIN fact_seeker_px x USING (seeker_id) LEFT JOIN fu USING (placement_id)
     LEFT JOIN (SELECT vacancy_id, fx, posted_month FROM fact_vacancy_vx) v USING (vacancy_id)
   ORDER BY p.month, p.province_code, p.office_code`,
  'DELETE FROM event_fact',
  `INSERT INTO event_fact
   SELECT e.month, e.event_on, e.kind, e.office_code, o.province_code, x.px, x.sex, x.age_band, e.firm_id
   FROM service_event e JOIN office o USING (office_code) LEFT JOIN fact_seeker_px x USING (seeker_id)
   ORDER BY e.month, o.province_code, e.office_code`,
  'DELETE FROM referral_fact',
  `INSERT INTO referral_fact
   SELECT r.ref_month, r.referred_on, r.interviewed, x.px, x.sex, x.age_band, v.office_code, v.province_code, v.sector_code, v.occupation_code, x.sx, v.vx,
     x.province_code, x.canton_code, CASE WHEN x.registered_on > r.referred_on THEN x.registered_on END
   FROM referral r LEFT JOIN fact_seeker_px x USING (seeker_id)
     LEFT JOIN (SELECT vacancy_id, vx, office_code, province_code, sector_code, occupation_code FROM fact_vacancy_vx) v USING (vacancy_id)
   ORDER BY r.ref_month, v.province_code, v.office_code`,
  // After referral_fact: whether each vacancy is open at the latest posting date, and its referrals then, as
  // ageing-vacancies counts them.
  'DELETE FROM vacancy_fact',
  `INSERT INTO vacancy_fact
   WITH fill AS (SELECT vacancy_id, count(*)::INTEGER AS n, min(placed_on) AS first_on FROM placement GROUP BY vacancy_id),
   ${endOfDayCte('SELECT max(posted_on) FROM vacancy')},
   refs AS (
     SELECT r.vx, count(*)::INTEGER AS n FROM referral_fact r, e
     WHERE r.ref_month BETWEEN e.lo AND e.m AND r.referred_on <= e.d AND r.vx IS NOT NULL GROUP BY r.vx
   )
   SELECT v.posted_month, v.posted_on, v.closed_on, v.positions, v.office_code, v.province_code, v.sector_code, v.occupation_code,
     coalesce(fill.n, 0), fill.first_on, v.vx, v.vacancy_id, v.fx, v.canton_code, v.wage_offered, coalesce(refs.n, 0),
     coalesce(${openAtEnd('v')}, false)
   FROM fact_vacancy_vx v LEFT JOIN fill USING (vacancy_id) LEFT JOIN refs ON refs.vx = v.vx LEFT JOIN e ON true
   ORDER BY v.vx`,
  'DELETE FROM contact_fact',
  `INSERT INTO contact_fact
   SELECT c.month, c.contacted_on, c.step, f.fx FROM firm_contact c LEFT JOIN fact_firm_fx f USING (firm_id)
   ORDER BY c.month, f.fx`,
  ...REBUILD_MARKET_MONTH,
  ...REBUILD_SURVEY_EARNED,
  ...REBUILD_SURVEY_EMPLOYED,
  'DELETE FROM fact_bounds',
  `INSERT INTO fact_bounds (data_end, followup_end, vacancy_month, vacancy_end, contact_end, schema_version)
   SELECT (SELECT last_day(max(month)) FROM placement), (SELECT max(checked_on) FROM followup),
     (SELECT max(posted_month) FROM vacancy), (SELECT max(posted_on) FROM vacancy), (SELECT max(contacted_on) FROM firm_contact),
     (SELECT max(version) FROM schema_version)`,
  ...REBUILD_FIRM_FACT,
  ...REBUILD_OFFERED_WAGE_END,
  ...REBUILD_MARKET_STOCK,
  ...REBUILD_CHANNEL_CUBE,
  ...REBUILD_ATTENDANCE_CUBE,
  ...REBUILD_FUNNEL_CUBE,
  ...REBUILD_REGISTRATION_CUBE,
  ...REBUILD_FLOW_CUBE,
  ...REBUILD_PAIR_COUNTS,
  'DROP TABLE fact_seeker_px',
  'DROP TABLE fact_vacancy_vx',
  'DROP TABLE fact_firm_fx',
];

/**
 * Rebuilds the derived facts from the base tables, in one transaction when given a warehouse (a
 * session is used as it is, inside the caller's transaction). `onStep` hears each statement's
 * index as it starts, for progress.
 */
export async function rebuildFacts(target: Warehouse | Session, onStep?: (step: number, of: number) => void): Promise<void> {
  const run = async (s: Session) => {
    for (const [i, statement] of REBUILD_FACTS.entries()) {
      onStep?.(i, REBUILD_FACTS.length);
      await s.run(statement);
    }
  };
  if (target instanceof Warehouse) await target.transaction(run);
  else await run(target);
}

/**
 * Whether the warehouse holds data but no derived facts built at its current schema version
 * (a warehouse of an older version, or one migrated since its facts were built): its staff
 * answers would be empty or wrong until they are rebuilt.
 */
export async function factsMissing(w: Warehouse | Session): Promise<boolean> {
  const [row] = await w.rows<{ facts: boolean; data: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM fact_bounds WHERE schema_version = (SELECT max(version) FROM schema_version)) AS facts,
       EXISTS (SELECT 1 FROM seeker) OR EXISTS (SELECT 1 FROM vacancy) AS data`,
  ).catch(() => [{ facts: false, data: true }]);
  return !!row && row.data && !row.facts;
}
