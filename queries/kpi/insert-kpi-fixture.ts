import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';

/**
 * The tiny hand-made world of the KPI tests, small enough to compute every answer by hand.
 * Offices Q1 and Q2 (province 17) and G1 (09). The period the tests use is 2024-01..2024-03.
 */
export const KPI_FIXTURE = {
  offices: [
    ['Q1', 'Quito Norte', '1701', '17'],
    ['Q2', 'Quito Sur', '1701', '17'],
    ['G1', 'Guayaquil', '0901', '09'],
  ],
  /** seeker_id, person_id, registered_on, age_band, sex, disability, province, office. S5 is person P1 registered again. */
  seekers: [
    ['S1', 'P1', '2024-01-10', '18-24', 'F', false, '17', 'Q1'],
    ['S2', 'P2', '2024-01-20', '30-44', 'M', false, '17', 'Q1'],
    ['S3', 'P3', '2024-02-05', '25-29', 'F', true, '09', 'G1'],
    ['S4', 'P4', '2023-06-01', '45-64', 'M', false, '09', 'G1'],
    ['S5', 'P1', '2024-02-09', '18-24', 'F', false, '17', 'Q1'],
    ['S6', 'P6', '2022-05-01', '18-24', 'M', false, '17', 'Q1'],
    ['S7', 'P7', '2024-04-02', '18-24', 'F', false, '17', 'Q1'],
    ['S8', 'P8', '2023-09-15', '25-29', 'F', false, '17', 'Q1'],
  ],
  /** vacancy_id, office, posted_on, closed_on, positions, occupation, sector, province. */
  vacancies: [
    ['V0', 'Q1', '2023-11-01', '2023-12-15', 1, '4', 'C', '17'],
    ['V1', 'Q1', '2024-01-05', '2024-02-01', 2, '5', 'G', '17'],
    ['V2', 'G1', '2024-02-10', null, 1, '9', 'A', '09'],
    ['V3', 'Q1', '2024-03-01', null, 3, '5', 'G', '17'],
    ['V4', 'G1', '2024-01-20', null, 1, '9', 'A', '09'],
  ],
  /** referral_id, seeker, vacancy, referred_on, interviewed. */
  referrals: [
    ['R0', 'S6', 'V0', '2023-11-20', true],
    ['R1', 'S1', 'V1', '2024-01-15', true],
    ['R2', 'S2', 'V1', '2024-01-22', true],
    ['R3', 'S3', 'V2', '2024-02-12', false],
    ['R4', 'S4', 'V2', '2024-03-01', true],
    ['R5', 'S5', 'V3', '2024-03-05', false],
    ['R6', 'S3', 'V3', '2024-04-01', false],
  ],
  /** placement_id, seeker, vacancy, placed_on, channel (office, province, sector, occupation from the vacancy; sex, age band from the seeker). */
  placements: [
    ['C0', 'S6', 'V0', '2023-12-01', 'portal'],
    ['C1', 'S1', 'V1', '2024-01-25', 'counselling'],
    ['C2', 'S2', 'V1', '2024-02-01', 'portal'],
    ['C3', 'S4', 'V2', '2024-03-15', 'job_fair'],
    ['C4', 'S3', 'V3', '2024-04-10', 'portal'],
    ['C5', 'S8', 'V3', '2024-07-05', 'outreach'],
  ],
  /** placement_id, months_after, checked_on, still_employed. The latest check is 2024-08-20. */
  followups: [
    ['C0', 1, '2024-01-01', true], ['C0', 3, '2024-03-01', true], ['C0', 6, '2024-06-01', true],
    ['C1', 1, '2024-02-25', true], ['C1', 3, '2024-04-26', true], ['C1', 6, '2024-07-26', true],
    ['C2', 1, '2024-03-02', true], ['C2', 3, '2024-05-02', false],
    ['C3', 1, '2024-04-16', true],
    ['C4', 1, '2024-05-11', true], ['C4', 3, '2024-08-20', true],
  ],
  /** event_id, kind, event_on, office, seeker, firm. */
  events: [
    ['E1', 'counselling', '2024-01-12', 'Q1', 'S1', null],
    ['E2', 'workshop_seekers', '2024-01-18', 'Q1', 'S1', null],
    ['E3', 'counselling', '2024-01-25', 'Q1', 'S2', null],
    ['E4', 'portal', '2024-02-06', 'G1', 'S3', null],
    ['E5', 'job_fair', '2024-03-10', 'G1', 'S4', null],
    ['E6', 'workshop_employers', '2024-02-15', 'Q1', null, 'F1'],
    ['E7', 'job_fair', '2024-03-10', 'G1', null, 'F2'],
    ['E8', 'counselling', '2024-02-20', 'Q1', 'S5', null],
    ['E9', 'counselling', '2023-12-01', 'Q1', 'S6', null],
    ['E10', 'counselling', '2024-04-05', 'G1', 'S3', null],
    ['E11', 'counselling', '2024-03-20', 'G1', 'S8', null],
  ],
} as const;

/** Fills an empty warehouse with {@link KPI_FIXTURE} and rebuilds the placements aggregate. */
export async function insertKpiFixture(w: Warehouse): Promise<void> {
  const f = KPI_FIXTURE;
  for (const o of f.offices) await w.run('INSERT INTO office VALUES (?, ?, ?, ?, 1)', [...o]);
  for (const [id, person, on, band, sex, disability, province, office] of f.seekers) {
    await w.run(
      `INSERT INTO seeker (seeker_id, match_key, registered_on, reg_month, birth_year, age_at_reg, age_band, sex, disability, education,
         canton_code, province_code, office_code, load_id, person_id, id_status)
       VALUES ($id, NULL, $on::DATE, date_trunc('month', $on::DATE)::DATE, 1990, 30, $band, $sex, $disability, NULL, $province || '01', $province, $office, 1, $person, 'valid')`,
      { id, on, band, sex, disability, province, office, person },
    );
  }
  for (const [id, office, posted, closed, positions, occupation, sector, province] of f.vacancies) {
    await w.run(
      `INSERT INTO vacancy (vacancy_id, firm_id, office_code, posted_on, posted_month, closed_on, positions, occupation_code, sector_code, canton_code, province_code, wage_offered, load_id)
       VALUES ($id, 'F1', $office, $posted::DATE, date_trunc('month', $posted::DATE)::DATE, $closed::DATE, $positions, $occupation, $sector, $province || '01', $province, 500, 1)`,
      { id, office, posted, closed, positions, occupation, sector, province },
    );
  }
  for (const [id, seeker, vacancy, on, interviewed] of f.referrals) {
    await w.run(`INSERT INTO referral VALUES ($id, $seeker, $vacancy, $on::DATE, date_trunc('month', $on::DATE)::DATE, $interviewed, 1)`, { id, seeker, vacancy, on, interviewed });
  }
  for (const [id, seeker, vacancy, on, channel] of f.placements) {
    await w.run(
      `INSERT INTO placement (placement_id, seeker_id, vacancy_id, placed_on, month, office_code, province_code, canton_code, sector_code, occupation_code, sex, age_band, wage, channel, load_id)
       SELECT $id, s.seeker_id, v.vacancy_id, $on::DATE, date_trunc('month', $on::DATE)::DATE, v.office_code, v.province_code, v.canton_code,
         v.sector_code, v.occupation_code, s.sex, s.age_band, 500, $channel, 1
       FROM seeker s, vacancy v WHERE s.seeker_id = $seeker AND v.vacancy_id = $vacancy`,
      { id, seeker, vacancy, on, channel },
    );
  }
  for (const [id, months, on, employed] of f.followups) {
    await w.run('INSERT INTO followup VALUES ($id, $months, $on::DATE, $employed, 1)', { id, months, on, employed });
  }
  for (const [id, kind, on, office, seeker, firm] of f.events) {
    await w.run(`INSERT INTO service_event VALUES ($id, $kind, $on::DATE, date_trunc('month', $on::DATE)::DATE, $office, $seeker, $firm, 1)`, { id, kind, on, office, seeker, firm });
  }
  await rebuildAggregates(w);
}
