import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { firmsToVisitInMemory } from './firms-to-visit-in-memory.ts';
import { FIRM_COLUMNS } from './outreach-sql.ts';

/**
 * Firms of the concertador's own territories with their recent activity with the service:
 * vacancies and positions posted in the last 12 months with data, placements, and the last
 * outreach contact. Firm-level: scoped to the viewer's territories and audited.
 */
export const firmsToVisit = defineQuery({
  name: 'firms-to-visit',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Empresas de mi territorio', en: 'Firms in my territory' },
  description: {
    es: 'Empresas de los territorios asignados con sus vacantes, puestos y colocaciones de los últimos 12 meses con datos y su último contacto de concertación; las que llevan más tiempo sin contacto, primero.',
    en: 'Firms of the assigned territories with their vacancies, positions and placements over the last 12 months with data and their last outreach contact; longest without contact first.',
  },
  sources: ['firm_fact'],
  params: z.strictObject({ limit: z.string().regex(/^\d{1,4}$/, 'expected a number up to 9999').optional() }),
  columns: [
    ...FIRM_COLUMNS,
    { name: 'vacancies', kind: 'integer', label: { es: 'Vacantes', en: 'Vacancies' } },
    { name: 'positions', kind: 'integer', label: { es: 'Puestos', en: 'Positions' } },
    { name: 'placements', kind: 'integer', label: { es: 'Colocaciones', en: 'Placements' } },
    { name: 'last_contact', kind: 'date', label: { es: 'Último contacto', en: 'Last contact' } },
  ],
  example: { limit: '50' },
  // The concertador's default list, precomputed for each territory set of the outreach staff.
  warm: { params: [{}] },
  // From the firm directory held in memory (firm-directory.ts).
  compute: (w, p, viewer) => firmsToVisitInMemory(w, p, viewer),
  build: (p, viewer) => ({
    // The last 12 months with data end with the latest month with vacancies: firm_fact keeps each firm's
    // vacancies posted in them, the placements on its vacancies from their first month on, and its last contact.
    sql: `WITH mine AS (
        SELECT * FROM firm_fact
        WHERE province_code IN (SELECT unnest($territories::VARCHAR[])) OR canton_code IN (SELECT unnest($territories::VARCHAR[]))
      )
      SELECT firm_id, name, sector_code, size_band, canton_code, vacancies, positions, later_placements AS placements,
        strftime(last_contact, '%Y-%m-%d') AS last_contact
      FROM mine
      ORDER BY mine.last_contact NULLS FIRST, vacancies DESC, firm_id
      LIMIT $limit::INTEGER`,
    params: { territories: JSON.stringify(viewer?.territories ?? []), limit: Number(p.limit ?? 200) },
  }),
});
