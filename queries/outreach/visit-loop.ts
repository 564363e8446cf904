import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { WINDOW_CTE } from '../market/market-sql.ts';
import { MINE_CTE, territoriesParam } from './outreach-sql.ts';

const int = (name: string, es: string, en: string) => ({ name, kind: 'integer' as const, label: { es, en } });
const num = (name: string, es: string, en: string) => ({ name, kind: 'number' as const, label: { es, en } });

/**
 * The outreach loop by firm size in the concertador's territories: firms, outreach contacts,
 * the vacancies and placements of the contacted firms per contact, and the share of posting
 * firms that post in two months or more. Firm-level: scoped and audited.
 */
export const visitLoop = defineQuery({
  name: 'visit-loop',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Rendimiento de las visitas por tamaño de empresa', en: 'Outreach yield by firm size' },
  description: {
    es: 'Por tamaño de empresa, en los territorios asignados y el periodo (por defecto, los 12 meses hasta el último mes con vacantes): empresas, empresas contactadas, contactos, vacantes y colocaciones (todas y de las contactadas), vacantes y colocaciones de las contactadas por contacto, y proporción de empresas que publican en dos meses o más entre las que publican.',
    en: 'By firm size, in the assigned territories and the period (by default the 12 months up to the latest month with vacancies): firms, contacted firms, contacts, vacancies and placements (all, and of the contacted firms), vacancies and placements of the contacted firms per contact, and the share of posting firms that post in two months or more.',
  },
  formula: {
    es: 'vacantes por contacto = vacantes de empresas contactadas / contactos; recurrencia = empresas con vacantes en ≥ 2 meses / empresas con vacantes',
    en: 'vacancies per contact = vacancies of contacted firms / contacts; repeat share = firms with vacancies in ≥ 2 months / firms with vacancies',
  },
  sources: ['firm_fact', 'contact_fact', 'vacancy_fact', 'placement_fact', 'fact_bounds'],
  params: z.strictObject({ from: month.optional(), to: month.optional() }),
  columns: [
    { name: 'size_band', kind: 'string', label: { es: 'Tamaño', en: 'Size' } },
    int('firms', 'Empresas', 'Firms'),
    int('contacted_firms', 'Empresas contactadas', 'Contacted firms'),
    int('contacts', 'Contactos', 'Contacts'),
    int('vacancies', 'Vacantes', 'Vacancies'),
    int('placements', 'Colocaciones', 'Placements'),
    int('vacancies_contacted', 'Vacantes de empresas contactadas', 'Vacancies of contacted firms'),
    int('placements_contacted', 'Colocaciones de empresas contactadas', 'Placements of contacted firms'),
    num('vacancies_per_contact', 'Vacantes por contacto', 'Vacancies per contact'),
    num('placements_per_contact', 'Colocaciones por contacto', 'Placements per contact'),
    int('posting_firms', 'Empresas que publican', 'Posting firms'),
    int('repeat_posting_firms', 'Empresas que publican en 2+ meses', 'Firms posting in 2+ months'),
    num('repeat_posting_share', 'Proporción que publica de forma recurrente', 'Share posting repeatedly'),
  ],
  example: {},
  // What the outreach page asks, precomputed for each territory set of the outreach staff.
  warm: { params: [{}] },
  build: (p, viewer) => ({
    // Without a period, the window's counts kept in firm_fact for the end of the data.
    sql: `WITH ${WINDOW_CTE}, ${MINE_CTE},
      ${p.from === undefined && p.to === undefined ? `f AS (
        SELECT size_band, contacts, vacancies, posting_months AS months, window_placements AS placements FROM mine
      )` : `fv AS (
        SELECT v.fx, count(*) AS vacancies, count(DISTINCT v.posted_month) AS months
        FROM vacancy_fact v JOIN mine m ON m.fx = v.fx, win WHERE v.posted_month BETWEEN win.f AND win.t GROUP BY v.fx
      ),
      fp AS (
        SELECT p.fx, count(*) AS placements FROM placement_fact p JOIN mine m ON m.fx = p.fx, win
        WHERE p.month BETWEEN win.f AND win.t GROUP BY p.fx
      ),
      fc AS (SELECT c.fx, count(*) AS contacts FROM contact_fact c JOIN mine m ON m.fx = c.fx, win WHERE c.month BETWEEN win.f AND win.t GROUP BY c.fx),
      f AS (
        SELECT m.size_band, coalesce(fc.contacts, 0) AS contacts, coalesce(fv.vacancies, 0) AS vacancies, coalesce(fv.months, 0) AS months, coalesce(fp.placements, 0) AS placements
        FROM mine m LEFT JOIN fv USING (fx) LEFT JOIN fp USING (fx) LEFT JOIN fc USING (fx)
      )`}
      SELECT size_band, count(*)::INTEGER AS firms, count(*) FILTER (WHERE contacts > 0)::INTEGER AS contacted_firms, sum(contacts)::INTEGER AS contacts,
        sum(vacancies)::INTEGER AS vacancies, sum(placements)::INTEGER AS placements,
        coalesce(sum(vacancies) FILTER (WHERE contacts > 0), 0)::INTEGER AS vacancies_contacted, coalesce(sum(placements) FILTER (WHERE contacts > 0), 0)::INTEGER AS placements_contacted,
        sum(vacancies) FILTER (WHERE contacts > 0) / nullif(sum(contacts), 0)::DOUBLE AS vacancies_per_contact,
        sum(placements) FILTER (WHERE contacts > 0) / nullif(sum(contacts), 0)::DOUBLE AS placements_per_contact,
        count(*) FILTER (WHERE vacancies > 0)::INTEGER AS posting_firms, count(*) FILTER (WHERE months >= 2)::INTEGER AS repeat_posting_firms,
        count(*) FILTER (WHERE months >= 2) / nullif(count(*) FILTER (WHERE vacancies > 0), 0)::DOUBLE AS repeat_posting_share
      FROM f GROUP BY size_band
      ORDER BY CASE size_band WHEN 'micro' THEN 1 WHEN 'small' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END`,
    params: { territories: territoriesParam(viewer), from: monthStart(p.from), to: monthStart(p.to) },
  }),
});
