import type { SourceContract } from '../contract/source-contract.ts';
import { column, date, id } from './columns.ts';
import { seekerLookup } from './lookups.ts';

/** Cases of temporary labor-mobility programmes abroad: `movilidad.csv`. */
export const mobilityCases: SourceContract = {
  id: 'mobility-cases',
  fileNames: ['movilidad', 'movilidad_laboral'],
  title: { es: 'Movilidad laboral temporal', en: 'Temporary labor mobility' },
  table: 'mobility_case',
  naturalKey: ['case_id'],
  columns: [
    id('id_caso', { es: 'Identificador del caso', en: 'Case id' }),
    id('id_buscador', { es: 'Persona participante (id del registro)', en: 'Participant (record id)' }),
    column('programa', { type: 'text', maxLength: 80 }, { es: 'Programa de movilidad', en: 'Mobility programme' }),
    column('pais_destino', { type: 'text', maxLength: 2, pattern: '^[A-Za-z]{2}$', patternDoc: 'código ISO 3166-1 de 2 letras' }, { es: 'País de destino (ISO 3166-1, 2 letras)', en: 'Destination country (ISO 3166-1 alpha-2)' }),
    column('etapa', { type: 'integer', min: 1, max: 13 }, { es: 'Etapa del proceso (1 a 13)', en: 'Stage of the process (1-13)' }),
    date('fecha_apertura', { es: 'Fecha de apertura del caso', en: 'Case opening date' }),
    date('fecha_actualizacion', { es: 'Fecha de la última actualización', en: 'Last update date' }),
  ],
  checks: [
    { column: 'fecha_actualizacion', failsWhen: 's.fecha_actualizacion < s.fecha_apertura', reason: 'fechas_invertidas: la actualización es anterior a la apertura' },
  ],
  lookups: [seekerLookup()],
  insert: `s.id_caso, p.seeker_id, s.programa, upper(s.pais_destino), s.etapa, s.fecha_apertura, s.fecha_actualizacion`,
};
