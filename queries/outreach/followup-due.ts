import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { days } from '../market/market-params.ts';
import { followupDueInMemory } from './followup-due-in-memory.ts';
import { DATE_PATTERN, FIRM_COLUMNS, MINE_CTE, territoriesParam } from './outreach-sql.ts';

/** Default days after a facilitation contact by which a follow-up is due, and window for new vacancies. */
export const DEFAULT_FOLLOWUP_DAYS = 30;

/**
 * Firms of the concertador's territories due for a follow-up: a facilitation contact with no
 * follow-up contact since, N or more days ago; or vacancies posted in the last N days after the
 * firm's last contact (or never contacted). Firm-level: scoped and audited.
 */
export const followupDue = defineQuery({
  name: 'followup-due',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Empresas con seguimiento pendiente', en: 'Firms due for follow-up' },
  description: {
    es: `Empresas de los territorios asignados a las que toca dar seguimiento a la fecha de corte (asof; por defecto, el último contacto o vacante registrados): facilitation_without_followup, una facilitación hace days días o más (por defecto ${DEFAULT_FOLLOWUP_DAYS}) sin un seguimiento desde entonces; new_vacancies_since_contact, vacantes publicadas en los últimos days días después del último contacto (o sin contacto). Las más atrasadas, primero.`,
    en: `Firms of the assigned territories due for a follow-up at the cut-off date (asof; by default the latest contact or vacancy recorded): facilitation_without_followup, a facilitation days or more days ago (default ${DEFAULT_FOLLOWUP_DAYS}) with no follow-up since; new_vacancies_since_contact, vacancies posted in the last days days after the last contact (or never contacted). Most overdue first.`,
  },
  formula: {
    es: 'pendiente si (asof − última facilitación ≥ N y ningún seguimiento desde ella) o (vacantes con asof − N < publicación ≤ asof y publicación > último contacto)',
    en: 'due if (asof − last facilitation ≥ N and no follow-up since) or (vacancies with asof − N < posted ≤ asof and posted > last contact)',
  },
  sources: ['firm_fact', 'contact_fact', 'vacancy_fact', 'fact_bounds'],
  params: z.strictObject({
    // Defaults are part of the validated parameters, so that asking for them or not is one cached answer.
    days: days.default(DEFAULT_FOLLOWUP_DAYS),
    asof: z.string().regex(DATE_PATTERN, 'expected a date as YYYY-MM-DD').optional(),
    limit: z.string().regex(/^\d{1,4}$/, 'expected a number up to 9999').optional(),
  }),
  columns: [
    ...FIRM_COLUMNS,
    { name: 'asof', kind: 'date', label: { es: 'Fecha de corte', en: 'Cut-off date' } },
    { name: 'last_facilitation', kind: 'date', label: { es: 'Última facilitación', en: 'Last facilitation' } },
    { name: 'last_followup', kind: 'date', label: { es: 'Último seguimiento', en: 'Last follow-up' } },
    { name: 'last_contact', kind: 'date', label: { es: 'Último contacto', en: 'Last contact' } },
    { name: 'days_since_facilitation', kind: 'integer', label: { es: 'Días desde la facilitación', en: 'Days since facilitation' } },
    { name: 'new_vacancies', kind: 'integer', label: { es: 'Vacantes nuevas desde el contacto', en: 'New vacancies since the contact' } },
    { name: 'last_posted', kind: 'date', label: { es: 'Última vacante', en: 'Latest vacancy' } },
    { name: 'reasons', kind: 'string', label: { es: 'Motivos (códigos)', en: 'Reasons (codes)' } },
  ],
  example: { days: '30' },
  // What the outreach page asks, precomputed for each territory set of the outreach staff.
  warm: { params: [{}] },
  // At the default cut-off, from the firm directory held in memory (firm-directory.ts).
  compute: (w, p, viewer) => followupDueInMemory(w, p, viewer),
  build: (p, viewer) => ({
    // Without a cut-off date, every contact is before it: the firms' latest ones are kept in firm_fact.
    sql: `WITH ref AS (SELECT coalesce($asof::DATE, (SELECT greatest(contact_end, vacancy_end) FROM fact_bounds)) AS d),
      ${MINE_CTE},
      ${p.asof === undefined ? `mc AS (SELECT fx, firm_id, name, sector_code, size_band, canton_code, last_facilitation, last_followup, last_contact FROM mine),` : `c AS (
        SELECT x.fx, max(x.contacted_on) FILTER (WHERE x.step = 'facilitation') AS last_facilitation,
          max(x.contacted_on) FILTER (WHERE x.step = 'followup') AS last_followup, max(x.contacted_on) AS last_contact
        FROM contact_fact x JOIN mine m ON m.fx = x.fx, ref WHERE x.contacted_on <= ref.d GROUP BY x.fx
      ),
      mc AS (
        SELECT m.fx, m.firm_id, m.name, m.sector_code, m.size_band, m.canton_code, c.last_facilitation, c.last_followup, c.last_contact
        FROM mine m LEFT JOIN c USING (fx)
      ),`}
      nv AS (
        SELECT v.fx, count(*) AS new_vacancies, max(v.posted_on) AS last_posted
        FROM vacancy_fact v JOIN mc m ON m.fx = v.fx, ref
        WHERE v.posted_month >= date_trunc('month', ref.d - $days::INTEGER) AND v.posted_on > ref.d - $days::INTEGER AND v.posted_on <= ref.d
          AND (m.last_contact IS NULL OR v.posted_on > m.last_contact)
        GROUP BY v.fx
      ),
      due AS (
        SELECT m.firm_id, m.name, m.sector_code, m.size_band, m.canton_code, m.last_facilitation, m.last_followup, m.last_contact,
          (ref.d - m.last_facilitation)::INTEGER AS days_since_facilitation, coalesce(nv.new_vacancies, 0)::INTEGER AS new_vacancies, nv.last_posted,
          m.last_facilitation IS NOT NULL AND (m.last_followup IS NULL OR m.last_followup < m.last_facilitation)
            AND ref.d - m.last_facilitation >= $days::INTEGER AS overdue, ref.d
        FROM mc m LEFT JOIN nv USING (fx), ref
      ),
      top AS (
        SELECT * FROM due WHERE overdue OR new_vacancies > 0
        ORDER BY CASE WHEN overdue THEN days_since_facilitation END DESC NULLS LAST, new_vacancies DESC, firm_id
        LIMIT $limit::INTEGER
      )
      SELECT firm_id, name, sector_code, size_band, canton_code, strftime(d, '%Y-%m-%d') AS asof,
        strftime(last_facilitation, '%Y-%m-%d') AS last_facilitation, strftime(last_followup, '%Y-%m-%d') AS last_followup,
        strftime(last_contact, '%Y-%m-%d') AS last_contact, days_since_facilitation, new_vacancies, strftime(last_posted, '%Y-%m-%d') AS last_posted,
        concat_ws(',', CASE WHEN overdue THEN 'facilitation_without_followup' END, CASE WHEN new_vacancies > 0 THEN 'new_vacancies_since_contact' END) AS reasons
      FROM top
      ORDER BY CASE WHEN overdue THEN days_since_facilitation END DESC NULLS LAST, top.new_vacancies DESC, top.firm_id`,
    params: { territories: territoriesParam(viewer), days: p.days, asof: p.asof ?? null, limit: Number(p.limit ?? 200) },
  }),
});
