import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';

/** The survey periods loaded, newest first, with their sample sizes. */
export const surveyPeriods = defineQuery({
  name: 'survey-periods',
  audience: 'public',
  title: { es: 'Periodos de la encuesta cargados', en: 'Survey periods loaded' },
  description: { es: 'Periodos de la ENEMDU disponibles, del más reciente al más antiguo, con el número de personas encuestadas.', en: 'ENEMDU periods available, newest first, with the number of persons surveyed.' },
  sources: ['survey_person'],
  params: z.strictObject({}),
  columns: [
    { name: 'period', kind: 'string', label: { es: 'Periodo', en: 'Period' } },
    { name: 'persons', kind: 'integer', label: { es: 'Personas encuestadas', en: 'Persons surveyed' } },
  ],
  build: () => ({ sql: 'SELECT period, count(*)::INTEGER AS persons FROM survey_person GROUP BY period ORDER BY period DESC', params: {} }),
});
