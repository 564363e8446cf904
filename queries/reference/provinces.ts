import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';

/** Ecuador's provinces (INEC DPA codes) with their region, for filters and maps. */
export const provinces = defineQuery({
  name: 'provinces',
  audience: 'public',
  title: { es: 'Provincias', en: 'Provinces' },
  description: { es: 'Provincias del Ecuador con su código DPA del INEC y su región.', en: "Ecuador's provinces with their INEC DPA code and region." },
  sources: ['territory'],
  params: z.strictObject({}),
  columns: [
    { name: 'code', kind: 'string', label: { es: 'Código', en: 'Code' } },
    { name: 'name', kind: 'string', label: { es: 'Provincia', en: 'Province' } },
    { name: 'region', kind: 'string', label: { es: 'Región', en: 'Region' } },
  ],
  build: () => ({
    sql: "SELECT code, name, region FROM territory WHERE level = 'province' ORDER BY code",
    params: {},
  }),
});
