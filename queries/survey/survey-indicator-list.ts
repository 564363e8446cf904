import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { INDICATORS } from './indicators.ts';

/**
 * The survey indicators with their names and formulas in both languages, for "explain this
 * number". The list is the catalogue's own, served from the warehouse connection like any answer.
 */
export const surveyIndicatorList = defineQuery({
  name: 'survey-indicator-list',
  audience: 'public',
  title: { es: 'Indicadores de la encuesta y sus fórmulas', en: 'Survey indicators and their formulas' },
  description: { es: 'Nombre, tipo y fórmula de cada indicador de la ENEMDU que publica Faro.', en: 'Name, kind and formula of each ENEMDU indicator Faro publishes.' },
  sources: [],
  params: z.strictObject({}),
  columns: [
    { name: 'id', kind: 'string', label: { es: 'Indicador', en: 'Indicator' } },
    { name: 'kind', kind: 'string', label: { es: 'Tipo', en: 'Kind' } },
    { name: 'title_es', kind: 'string', label: { es: 'Nombre', en: 'Name (Spanish)' } },
    { name: 'title_en', kind: 'string', label: { es: 'Nombre en inglés', en: 'Name' } },
    { name: 'formula_es', kind: 'string', label: { es: 'Fórmula', en: 'Formula (Spanish)' } },
    { name: 'formula_en', kind: 'string', label: { es: 'Fórmula en inglés', en: 'Formula' } },
  ],
  build: () => ({
    sql: `SELECT r.id, r.kind, r.title_es, r.title_en, r.formula_es, r.formula_en
      FROM (SELECT unnest(from_json($list::JSON, '[{"id":"VARCHAR","kind":"VARCHAR","title_es":"VARCHAR","title_en":"VARCHAR","formula_es":"VARCHAR","formula_en":"VARCHAR"}]')) AS r)`,
    params: {
      list: JSON.stringify(INDICATORS.map((i) => ({ id: i.id, kind: i.kind, title_es: i.title.es, title_en: i.title.en, formula_es: i.formula.es, formula_en: i.formula.en }))),
    },
  }),
});
