import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { provinceCode } from '../catalogue/params.ts';

/** Ecuador's cantons (INEC DPA codes) with their names and province, all or those of one province. */
export const cantons = defineQuery({
  name: 'cantons',
  audience: 'public',
  title: { es: 'Cantones', en: 'Cantons' },
  description: {
    es: 'Cantones del Ecuador con su código DPA del INEC (4 dígitos), su nombre y su provincia; con `province`, solo los de esa provincia.',
    en: "Ecuador's cantons with their INEC DPA code (4 digits), name and province; with `province`, only that province's.",
  },
  sources: ['territory'],
  params: z.strictObject({ province: provinceCode.optional() }),
  columns: [
    { name: 'code', kind: 'string', label: { es: 'Código', en: 'Code' } },
    { name: 'name', kind: 'string', label: { es: 'Cantón', en: 'Canton' } },
    { name: 'province_code', kind: 'string', label: { es: 'Provincia', en: 'Province' } },
  ],
  example: { province: '09' },
  build: (p) => ({
    sql: `SELECT code, name, province_code FROM territory
      WHERE level = 'canton' AND ($province::VARCHAR IS NULL OR province_code = $province::VARCHAR) ORDER BY code`,
    params: { province: p.province ?? null },
  }),
});
