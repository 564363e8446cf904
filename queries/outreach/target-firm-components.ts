import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery, type ColumnDoc, type Viewer } from '../catalogue/query-definition.ts';
import { weight } from '../market/market-params.ts';
import { WINDOW_CTE, YOUTH_BANDS } from '../market/market-sql.ts';
import { DEFAULT_SECTOR_WEIGHTS as SW, sectorScoreCtes } from '../market/sector-score-sql.ts';
import { FIRM_COLUMNS, MINE_CTE, inScope, territoriesParam } from './outreach-sql.ts';

/** Days without contact after which the contact component is full (1). */
export const CONTACT_HORIZON_DAYS = 365;

/** The length of the `target-firms` list when none is asked for. */
const DEFAULT_LIMIT = 200;

/** The parameters of `target-firms`, which its components part accepts too. */
export const targetFirmsParams = z.strictObject({
  from: month.optional(), to: month.optional(),
  limit: z.string().regex(/^\d{1,4}$/, 'expected a number up to 9999').transform(Number).default(DEFAULT_LIMIT),
  w_sector: weight.optional(), w_posting: weight.optional(), w_fill: weight.optional(), w_contact: weight.optional(), w_youth: weight.optional(),
});

/** Validated `target-firms` parameters. */
export type TargetFirmsParams = z.infer<typeof targetFirmsParams>;

const num = (name: string, es: string, en: string): ColumnDoc => ({ name, kind: 'number', label: { es, en } });
const int = (name: string, es: string, en: string): ColumnDoc => ({ name, kind: 'integer', label: { es, en } });

/** The columns of a firm and its normalised score components (each in [0, 1]), as `target-firms` lists them. */
export const FIRM_COMPONENT_COLUMNS: readonly ColumnDoc[] = [
  ...FIRM_COLUMNS,
  int('vacancies', 'Vacantes', 'Vacancies'),
  int('positions', 'Puestos', 'Positions'),
  int('posting_months', 'Meses con publicaciones', 'Months with postings'),
  int('placements', 'Colocaciones', 'Placements'),
  { name: 'last_contact', kind: 'date', label: { es: 'Último contacto', en: 'Last contact' } },
  int('days_since_contact', 'Días desde el último contacto', 'Days since the last contact'),
  num('sector_norm', 'Puntaje del sector', 'Sector score'),
  num('posting_norm', 'Publicaciones, normalizado', 'Postings, normalised'),
  num('fill_norm', 'Cobertura (colocaciones / puestos)', 'Fill rate (placements / positions)'),
  num('contact_norm', 'Tiempo sin contacto, normalizado', 'Time without contact, normalised'),
  num('youth_norm', 'Proporción de jóvenes', 'Youth share'),
];

const REASONS: ColumnDoc = { name: 'reasons', kind: 'string', label: { es: 'Motivos (códigos)', en: 'Reasons (codes)' } };

/**
 * CTE `fa(fx, firm_id, name, sector_code, size_band, canton_code, vacancies, positions,
 * posting_months, placements, young, last_contact)`: each firm of `mine` with its vacancies posted in `win` (their positions and posting months), the placements
 * on those vacancies from the window's start on (and those of people aged 15-29), and its last
 * contact up to `e.d`. `stored`: the window and end are the defaults (the end of the data), whose
 * activity `firm_fact` keeps (read, not computed).
 */
function firmActivityCtes(stored: boolean): string {
  if (stored) {
    return `fa AS (
        SELECT fx, firm_id, name, sector_code, size_band, canton_code, vacancies, positions, posting_months, placements,
          young_placements AS young, end_contact AS last_contact
        FROM mine
      )`;
  }
  return `fv AS (
        SELECT v.fx, count(*) AS vacancies, sum(v.positions) AS positions, count(DISTINCT v.posted_month) AS posting_months
        FROM vacancy_fact v JOIN mine m ON m.fx = v.fx, win WHERE v.posted_month BETWEEN win.f AND win.t GROUP BY v.fx
      ),
      fp AS (
        SELECT p.fx, count(*) AS placements, count(*) FILTER (WHERE p.age_band IN ${YOUTH_BANDS}) AS young
        FROM placement_fact p JOIN mine m ON m.fx = p.fx, win WHERE p.month >= win.f AND p.posted_month BETWEEN win.f AND win.t GROUP BY p.fx
      ),
      fc AS (SELECT c.fx, max(c.contacted_on) AS last_contact FROM contact_fact c JOIN mine m ON m.fx = c.fx, e WHERE c.contacted_on <= e.d GROUP BY c.fx),
      fa AS (
        SELECT m.fx, m.firm_id, m.name, m.sector_code, m.size_band, m.canton_code, coalesce(fv.vacancies, 0) AS vacancies, coalesce(fv.positions, 0) AS positions, coalesce(fv.posting_months, 0) AS posting_months,
          coalesce(fp.placements, 0) AS placements, coalesce(fp.young, 0) AS young, fc.last_contact
        FROM mine m LEFT JOIN fv USING (fx) LEFT JOIN fp USING (fx) LEFT JOIN fc USING (fx)
      )`;
}

/**
 * Part of `target-firms` (see `QueryDefinition.parts`; not in the catalogue): every firm of the
 * viewer's territories with its activity in the period and its five normalised components, and
 * the reasons they give, none of which depends on the weights or the length of the list. The
 * ranking under any weights is then worked out of it ({@link rankFirms}) without a query.
 */
export const targetFirmComponents = defineQuery({
  name: 'target-firm-components',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Empresas y componentes de su puntaje', en: 'Firms and the components of their score' },
  description: {
    es: 'Parte de target-firms: cada empresa de los territorios asignados con su actividad en el periodo, los cinco componentes normalizados de su puntaje y los motivos.',
    en: 'Part of target-firms: each firm of the assigned territories with its activity in the period, the five normalised components of its score and the reasons.',
  },
  sources: ['firm_fact', 'vacancy_fact', 'placement_fact', 'contact_fact', 'market_month', 'market_stock', 'seeker_fact', 'referral_fact', 'fact_bounds'],
  params: targetFirmsParams,
  inert: ['limit', 'w_sector', 'w_posting', 'w_fill', 'w_contact', 'w_youth'],
  columns: [...FIRM_COMPONENT_COLUMNS, REASONS],
  build: (p, viewer) => firmComponentsSql(p, viewer),
});

/** The SQL of {@link targetFirmComponents}, sorted by firm id. */
export function firmComponentsSql(p: TargetFirmsParams, viewer: Viewer | null) {
  return {
    sql: `WITH ${WINDOW_CTE}, ${MINE_CTE},
      ${sectorScoreCtes(inScope, { lq: String(SW.lq), growth: String(SW.growth), tightness: String(SW.tightness), youth: String(SW.youth) }, p.to === undefined)},
      ${firmActivityCtes(p.from === undefined && p.to === undefined)},
      f AS (
        SELECT a.firm_id, a.name, a.sector_code, a.size_band, a.canton_code,
          a.vacancies::INTEGER AS vacancies, a.positions::INTEGER AS positions, a.posting_months::INTEGER AS posting_months,
          a.placements::INTEGER AS placements, a.last_contact, (e.d - a.last_contact)::INTEGER AS days_since_contact,
          coalesce(sc.score, 0) AS sector_norm,
          CASE WHEN a.positions > 0 THEN least(a.placements / a.positions::DOUBLE, 1) END AS fill_rate,
          a.young / nullif(a.placements, 0)::DOUBLE AS youth_share
        FROM fa a LEFT JOIN scored sc ON sc.sector_code = a.sector_code, e
      ),
      n AS (
        SELECT f.*, coalesce((vacancies - lo) / nullif(hi - lo, 0), 0) AS posting_norm, coalesce(fill_rate, 0) AS fill_norm,
          CASE WHEN last_contact IS NULL THEN 1.0 ELSE least(days_since_contact, ${CONTACT_HORIZON_DAYS}) / ${CONTACT_HORIZON_DAYS}.0 END AS contact_norm,
          coalesce(youth_share, 0) AS youth_norm
        FROM f, (SELECT min(vacancies) AS lo, max(vacancies) AS hi FROM fa) vr
      )
      SELECT firm_id, name, sector_code, size_band, canton_code, vacancies, positions, posting_months, placements,
        strftime(last_contact, '%Y-%m-%d') AS last_contact, days_since_contact,
        sector_norm, posting_norm, fill_norm, contact_norm, youth_norm,
        concat_ws(',',
          CASE WHEN sector_norm >= 0.5 THEN 'priority_sector' END,
          CASE WHEN posting_months >= 3 THEN 'posts_repeatedly' END,
          CASE WHEN fill_rate >= 0.5 THEN 'fills_through_service' END,
          CASE WHEN last_contact IS NULL THEN 'never_contacted' WHEN days_since_contact >= 90 THEN 'not_contacted_recently' END,
          CASE WHEN placements > 0 AND youth_share >= 0.5 THEN 'hires_young_people' END) AS reasons
      FROM n ORDER BY firm_id`,
    params: {
      territories: territoriesParam(viewer), from: monthStart(p.from), to: monthStart(p.to),
      c_from: monthStart(p.from), c_to: monthStart(p.to), b_from: null, b_to: null, at: monthStart(p.to),
    },
  };
}
