import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';

/** CIIU Rev.4 sections and CIUO-08 major groups with their names in both languages, for filters and labels. */
export const classifications = defineQuery({
  name: 'classifications',
  audience: 'public',
  title: { es: 'Sectores y ocupaciones', en: 'Sectors and occupations' },
  description: {
    es: 'Secciones de la CIIU Rev.4 (sectores) y grandes grupos de la CIUO-08 (ocupaciones), con sus nombres en español e inglés.',
    en: 'ISIC Rev.4 sections (sectors) and ISCO-08 major groups (occupations), named in Spanish and English.',
  },
  sources: ['sector', 'occupation'],
  params: z.strictObject({}),
  columns: [
    { name: 'kind', kind: 'string', label: { es: 'Clasificación', en: 'Classification' } },
    { name: 'code', kind: 'string', label: { es: 'Código', en: 'Code' } },
    { name: 'name_es', kind: 'string', label: { es: 'Nombre (español)', en: 'Name (Spanish)' } },
    { name: 'name_en', kind: 'string', label: { es: 'Nombre (inglés)', en: 'Name (English)' } },
  ],
  build: () => ({
    sql: `SELECT 'sector' AS kind, code, name_es, name_en FROM sector
      UNION ALL SELECT 'occupation', code, name_es, name_en FROM occupation
      ORDER BY kind DESC, code`,
    params: {},
  }),
});
