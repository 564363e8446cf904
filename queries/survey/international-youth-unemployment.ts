import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';

/** The entities shown for international context: Ecuador, Mexico, the region and the world. */
export const CONTEXT_ENTITIES = ['Ecuador', 'Mexico', 'Latin America and Caribbean (WB)', 'World'] as const;

/** Youth unemployment of Ecuador beside Mexico, Latin America and the world, from the ILO modelled series. */
export const internationalYouthUnemployment = defineQuery({
  name: 'international-youth-unemployment',
  audience: 'public',
  title: { es: 'Desempleo juvenil en el contexto internacional', en: 'Youth unemployment in international context' },
  description: {
    es: 'Estimaciones modeladas de la OIT publicadas por el Banco Mundial (SL.UEM.1524.ZS): otra fuente y otra definición que la ENEMDU; sirven para comparar tendencias, no niveles exactos.',
    en: 'ILO modelled estimates published by the World Bank (SL.UEM.1524.ZS): another source and definition than the ENEMDU; for comparing trends, not exact levels.',
  },
  sources: ['intl_youth_unemployment'],
  params: z.strictObject({ from: z.string().regex(/^(19|20)\d{2}$/, 'expected a year').optional() }),
  columns: [
    { name: 'year', kind: 'integer', label: { es: 'Año', en: 'Year' } },
    { name: 'entity', kind: 'string', label: { es: 'País o región', en: 'Country or region' } },
    { name: 'rate', kind: 'number', label: { es: 'Tasa (%)', en: 'Rate (%)' } },
  ],
  build: (p) => ({
    sql: `SELECT year::INTEGER AS year, entity, rate FROM intl_youth_unemployment
      WHERE entity IN (SELECT unnest($entities::VARCHAR[])) AND year >= coalesce($from::INTEGER, 2000) ORDER BY entity, year`,
    params: { entities: `[${CONTEXT_ENTITIES.map((e) => JSON.stringify(e)).join(',')}]`, from: p.from ?? null },
  }),
});
