import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { days } from '../market/market-params.ts';
import { endOfDayCte } from '../../warehouse/market-stock.ts';
import { ACTIVE_MONTHS, marketStockCte, openVacanciesCte } from '../market/market-sql.ts';
import { ageingVacanciesInMemory } from './ageing-vacancies-in-memory.ts';
import { DATE_PATTERN, MINE_CTE, territoriesParam } from './outreach-sql.ts';

/** Defaults: vacancies open at least this many days, with fewer than this many referrals. */
export const AGEING_DEFAULTS = { minDays: 21, maxReferrals: 3, limit: 100 } as const;

/**
 * Open vacancies of the concertador's territories that are ageing (open 21 days or more by
 * default) with few referrals, with the number of active seekers of the same occupation and
 * canton who could be sent. Firm-level: scoped and audited.
 */
export const ageingVacancies = defineQuery({
  name: 'ageing-vacancies',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Vacantes que envejecen sin candidatos', en: 'Ageing vacancies without candidates' },
  description: {
    es: `Vacantes de empresas de los territorios asignados abiertas a la fecha de corte (asof; por defecto, la última publicación; las limit más antiguas, por defecto 100), con min_days días o más (por defecto ${AGEING_DEFAULTS.minDays}; tramos hasta 30 y más de 30) y menos de max_referrals derivaciones (por defecto ${AGEING_DEFAULTS.maxReferrals}), con las personas buscadoras activas compatibles: mismo cantón y misma ocupación (gran grupo) entre las vacantes a las que fueron derivadas en los últimos ${ACTIVE_MONTHS} meses.`,
    en: `Vacancies of firms in the assigned territories open at the cut-off date (asof; by default the latest posting; the limit oldest, default 100), open min_days days or more (default ${AGEING_DEFAULTS.minDays}; bands up to 30 and over 30) with fewer than max_referrals referrals (default ${AGEING_DEFAULTS.maxReferrals}), with the compatible active seekers: same canton and same occupation (major group) among the vacancies they were referred to in the last ${ACTIVE_MONTHS} months.`,
  },
  formula: {
    es: 'edad = asof − publicación; compatibles = buscadores activos con cantón = cantón de la vacante y ocupación = ocupación de la vacante',
    en: 'age = asof − posted; compatible = active seekers with canton = the vacancy’s canton and occupation = the vacancy’s occupation',
  },
  sources: ['firm_fact', 'vacancy_fact', 'referral_fact', 'seeker_fact', 'placement_fact', 'market_stock', 'fact_bounds'],
  params: z.strictObject({
    // Defaults are part of the validated parameters, so that asking for them or not is one cached answer.
    min_days: days.default(AGEING_DEFAULTS.minDays),
    max_referrals: z.string().regex(/^\d{1,3}$/, 'expected a whole number').transform(Number).default(AGEING_DEFAULTS.maxReferrals),
    asof: z.string().regex(DATE_PATTERN, 'expected a date as YYYY-MM-DD').optional(),
    limit: z.string().regex(/^\d{1,4}$/, 'expected a number up to 9999').transform(Number).default(AGEING_DEFAULTS.limit),
  }),
  columns: [
    { name: 'vacancy_id', kind: 'string', label: { es: 'Vacante', en: 'Vacancy' } },
    { name: 'firm_id', kind: 'string', label: { es: 'Empresa (seudónimo)', en: 'Firm (pseudonym)' } },
    { name: 'firm_name', kind: 'string', label: { es: 'Razón social', en: 'Legal name' } },
    { name: 'sector_code', kind: 'string', label: { es: 'Sector', en: 'Sector' } },
    { name: 'occupation_code', kind: 'string', label: { es: 'Ocupación', en: 'Occupation' } },
    { name: 'canton_code', kind: 'string', label: { es: 'Cantón', en: 'Canton' } },
    { name: 'posted_on', kind: 'date', label: { es: 'Publicada', en: 'Posted' } },
    { name: 'age_days', kind: 'integer', label: { es: 'Días abierta', en: 'Days open' } },
    { name: 'age_band', kind: 'string', label: { es: 'Tramo de edad', en: 'Age band' } },
    { name: 'positions', kind: 'integer', label: { es: 'Puestos', en: 'Positions' } },
    { name: 'referrals', kind: 'integer', label: { es: 'Derivaciones', en: 'Referrals' } },
    { name: 'compatible_seekers', kind: 'integer', label: { es: 'Buscadores compatibles', en: 'Compatible seekers' } },
  ],
  example: { min_days: '21', max_referrals: '3' },
  // What the outreach page asks, precomputed for each territory set of the outreach staff.
  warm: { params: [{}] },
  // At the default cut-off, from the open vacancies and the firm directory held in memory.
  compute: (w, p, viewer) => ageingVacanciesInMemory(w, p, viewer),
  build: (p, viewer) => ({
    // Without a cut-off date, the end of the data: the open vacancies, their referrals and the seeker stock were kept when the facts were rebuilt.
    sql: `WITH ${endOfDayCte('coalesce($asof::DATE, (SELECT vacancy_end FROM fact_bounds))')},
      ${MINE_CTE},
      ${openVacanciesCte('true', p.asof === undefined)},
      aged AS MATERIALIZED (
        SELECT o.*, m.firm_id, m.name AS firm_name, (e.d - o.posted_on)::INTEGER AS age_days
        FROM open_v o JOIN mine m ON m.fx = o.fx, e WHERE e.d - o.posted_on >= $min_days::INTEGER
      ),
      ${p.asof === undefined ? 'refs AS (SELECT vx, end_referrals AS n FROM aged),' : `refs AS (
        SELECT r.vx, count(*) AS n FROM referral_fact r, e
        WHERE r.ref_month BETWEEN e.lo AND e.m AND r.referred_on <= e.d AND r.vx IN (SELECT vx FROM aged) GROUP BY r.vx
      ),`}
      ${marketStockCte('s.canton_code IN (SELECT canton_code FROM aged)', ['occupation'], p.asof === undefined)},
      pool AS (SELECT canton_code, code AS occupation_code, sum(seekers) AS n FROM stock GROUP BY ALL)
      SELECT a.vacancy_id, a.firm_id, a.firm_name, a.sector_code, a.occupation_code, a.canton_code, strftime(a.posted_on, '%Y-%m-%d') AS posted_on,
        a.age_days, CASE WHEN a.age_days <= 30 THEN 'up_to_30' ELSE 'over_30' END AS age_band, a.positions,
        coalesce(refs.n, 0)::INTEGER AS referrals, coalesce(pool.n, 0)::INTEGER AS compatible_seekers
      FROM aged a LEFT JOIN refs ON refs.vx = a.vx
        LEFT JOIN pool ON pool.canton_code = a.canton_code AND pool.occupation_code = a.occupation_code
      WHERE coalesce(refs.n, 0) < $max_referrals::INTEGER
      ORDER BY a.age_days DESC, a.vacancy_id
      LIMIT $limit::INTEGER`,
    params: {
      territories: territoriesParam(viewer), asof: p.asof ?? null,
      min_days: p.min_days, max_referrals: p.max_referrals,
      limit: p.limit,
    },
  }),
});
