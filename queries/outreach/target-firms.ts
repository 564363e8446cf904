import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { weight } from '../market/market-params.ts';
import { WINDOW_CTE, YOUTH_BANDS } from '../market/market-sql.ts';
import { DEFAULT_SECTOR_WEIGHTS as SW, sectorScoreCtes } from '../market/sector-score-sql.ts';
import { MINE_CTE, inScope, territoriesParam } from './outreach-sql.ts';

/** Default weights of the firm score. */
export const DEFAULT_FIRM_WEIGHTS = { sector: 0.3, posting: 0.25, fill: 0.15, contact: 0.2, youth: 0.1 } as const;
const W = DEFAULT_FIRM_WEIGHTS;
/** Days without contact after which the contact component is full (1). */
export const CONTACT_HORIZON_DAYS = 365;

const num = (name: string, es: string, en: string) => ({ name, kind: 'number' as const, label: { es, en } });
const int = (name: string, es: string, en: string) => ({ name, kind: 'integer' as const, label: { es, en } });

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
 * Firms of the concertador's territories ranked for a visit by an explainable score: the score
 * of their sector in those territories, how often they post, how many positions the service
 * filled, how long since the last contact and how many young people they hired; each component
 * in [0, 1], weighted, shown as a contribution, the score their sum. Firm-level: scoped and audited.
 */
export const targetFirms = defineQuery({
  name: 'target-firms',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Empresas prioritarias para visitar', en: 'Priority firms to visit' },
  description: {
    es: `Empresas de los territorios asignados ordenadas por un puntaje explicable sobre el periodo (por defecto, los 12 meses hasta el último mes con vacantes): puntaje de su sector en esos territorios (como target-sectors, pesos por defecto), vacantes publicadas (normalizadas entre la mínima y la máxima de las empresas), tasa de cobertura (colocaciones / puestos, hasta 1), días desde el último contacto (hasta ${CONTACT_HORIZON_DAYS}, nunca contactada = 1) y proporción de jóvenes (15-29) entre sus colocaciones. Pesos por defecto: w_sector ${W.sector}, w_posting ${W.posting}, w_fill ${W.fill}, w_contact ${W.contact}, w_youth ${W.youth}.`,
    en: `Firms of the assigned territories ranked by an explainable score over the period (by default the 12 months up to the latest month with vacancies): their sector’s score in those territories (as target-sectors, default weights), vacancies posted (normalised between the firms’ lowest and highest), fill rate (placements / positions, at most 1), days since the last contact (up to ${CONTACT_HORIZON_DAYS}, never contacted = 1) and the share of young people (15-29) among their placements. Default weights: w_sector ${W.sector}, w_posting ${W.posting}, w_fill ${W.fill}, w_contact ${W.contact}, w_youth ${W.youth}.`,
  },
  formula: {
    es: `puntaje = Σ_k w_k · x_k; x = puntaje del sector, (vacantes − mín)/(máx − mín), min(colocaciones/puestos, 1), min(días sin contacto, ${CONTACT_HORIZON_DAYS})/${CONTACT_HORIZON_DAYS}, jóvenes/colocaciones`,
    en: `score = Σ_k w_k · x_k; x = sector score, (vacancies − min)/(max − min), min(placements/positions, 1), min(days without contact, ${CONTACT_HORIZON_DAYS})/${CONTACT_HORIZON_DAYS}, young/placements`,
  },
  sources: ['firm_fact', 'vacancy_fact', 'placement_fact', 'contact_fact', 'market_month', 'market_stock', 'seeker_fact', 'referral_fact', 'fact_bounds'],
  params: z.strictObject({
    from: month.optional(), to: month.optional(), limit: z.string().regex(/^\d{1,4}$/, 'expected a number up to 9999').optional(),
    w_sector: weight.optional(), w_posting: weight.optional(), w_fill: weight.optional(), w_contact: weight.optional(), w_youth: weight.optional(),
  }),
  columns: [
    int('rank', 'Puesto', 'Rank'),
    { name: 'firm_id', kind: 'string', label: { es: 'Empresa (seudónimo)', en: 'Firm (pseudonym)' } },
    { name: 'name', kind: 'string', label: { es: 'Razón social', en: 'Legal name' } },
    { name: 'sector_code', kind: 'string', label: { es: 'Sector', en: 'Sector' } },
    { name: 'size_band', kind: 'string', label: { es: 'Tamaño', en: 'Size' } },
    { name: 'canton_code', kind: 'string', label: { es: 'Cantón', en: 'Canton' } },
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
    num('sector_contribution', 'Aporte del sector', 'Contribution of the sector'),
    num('posting_contribution', 'Aporte de las publicaciones', 'Contribution of postings'),
    num('fill_contribution', 'Aporte de la cobertura', 'Contribution of the fill rate'),
    num('contact_contribution', 'Aporte del tiempo sin contacto', 'Contribution of time without contact'),
    num('youth_contribution', 'Aporte de los jóvenes', 'Contribution of youth hiring'),
    num('score', 'Puntaje', 'Score'),
    { name: 'reasons', kind: 'string', label: { es: 'Motivos (códigos)', en: 'Reasons (codes)' } },
  ],
  example: { limit: '50' },
  // What the outreach page asks, precomputed for each territory set of the outreach staff.
  warm: { params: [{ w_sector: '0.3', w_posting: '0.25', w_fill: '0.15', w_contact: '0.2', w_youth: '0.1', limit: '500' }] },
  build: (p, viewer) => ({
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
      ),
      c AS (
        SELECT *, $w_sector::DOUBLE * sector_norm AS sector_contribution, $w_posting::DOUBLE * posting_norm AS posting_contribution,
          $w_fill::DOUBLE * fill_norm AS fill_contribution, $w_contact::DOUBLE * contact_norm AS contact_contribution, $w_youth::DOUBLE * youth_norm AS youth_contribution
        FROM n
      ),
      s AS (SELECT *, sector_contribution + posting_contribution + fill_contribution + contact_contribution + youth_contribution AS score FROM c),
      top AS (SELECT * FROM s ORDER BY score DESC, firm_id LIMIT $limit::INTEGER)
      SELECT row_number() OVER (ORDER BY score DESC, firm_id)::INTEGER AS rank, firm_id, name, sector_code, size_band, canton_code,
        vacancies, positions, posting_months, placements, strftime(last_contact, '%Y-%m-%d') AS last_contact, days_since_contact,
        sector_norm, posting_norm, fill_norm, contact_norm, youth_norm,
        sector_contribution, posting_contribution, fill_contribution, contact_contribution, youth_contribution, score,
        concat_ws(',',
          CASE WHEN sector_norm >= 0.5 THEN 'priority_sector' END,
          CASE WHEN posting_months >= 3 THEN 'posts_repeatedly' END,
          CASE WHEN fill_rate >= 0.5 THEN 'fills_through_service' END,
          CASE WHEN last_contact IS NULL THEN 'never_contacted' WHEN days_since_contact >= 90 THEN 'not_contacted_recently' END,
          CASE WHEN placements > 0 AND youth_share >= 0.5 THEN 'hires_young_people' END) AS reasons
      FROM top ORDER BY rank`,
    params: {
      territories: territoriesParam(viewer), from: monthStart(p.from), to: monthStart(p.to),
      c_from: monthStart(p.from), c_to: monthStart(p.to), b_from: null, b_to: null, at: monthStart(p.to), limit: Number(p.limit ?? 200),
      w_sector: p.w_sector ?? W.sector, w_posting: p.w_posting ?? W.posting, w_fill: p.w_fill ?? W.fill, w_contact: p.w_contact ?? W.contact, w_youth: p.w_youth ?? W.youth,
    },
  }),
});
