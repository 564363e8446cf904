import { WEIGHT_SCALE, weightSql } from './survey-weight.ts';

/**
 * Statements that rebuild `survey_employed` (migration 020) from `survey_person`: the weighted
 * count of people employed (condact 1-6) by survey round, province, sector and occupation, which
 * the location quotients sum instead of scanning the survey (the same totals up to rounding in the
 * last digits). The weights are summed as whole millionths ({@link weightSql}), as the survey
 * estimates sum them, so that every rebuild keeps the same doubles.
 */
export const REBUILD_SURVEY_EMPLOYED: readonly string[] = [
  'DELETE FROM survey_employed',
  `INSERT INTO survey_employed
   SELECT period, province_code, rama1, grupo1, sum(${weightSql('fexp')})::DOUBLE / ${WEIGHT_SCALE} FROM survey_person
   WHERE condact BETWEEN 1 AND 6 GROUP BY ALL ORDER BY period, province_code, rama1, grupo1`,
];
