import type { SourceContract } from '../contract/source-contract.ts';
import { column, date, id, office, ruc } from './columns.ts';
import { firmLookup, seekerLookup } from './lookups.ts';
import { monthOf } from './sql-fragments.ts';

/** Kinds of service event, as the PES names them, and their canonical value. */
export const SERVICE_EVENT_KINDS = {
  CONSEJERIA: 'counselling',
  ENTREVISTA: 'interview',
  TALLER_BUSCADORES: 'workshop_seekers',
  TALLER_EMPLEADORES: 'workshop_employers',
  FERIA_EMPLEO: 'job_fair',
  PORTAL: 'portal',
} as const;

/** Services delivered (counselling, interviews, workshops, job fairs): `eventos_servicio.csv`. */
export const serviceEvents: SourceContract = {
  id: 'service-events',
  fileNames: ['eventos_servicio', 'servicios', 'atenciones'],
  title: { es: 'Servicios prestados', en: 'Services delivered' },
  table: 'service_event',
  naturalKey: ['event_id'],
  columns: [
    id('id_evento', { es: 'Identificador del servicio', en: 'Service event id' }),
    column('tipo', { type: 'code', values: SERVICE_EVENT_KINDS }, { es: 'Tipo: consejeria, entrevista, taller_buscadores, taller_empleadores, feria_empleo, portal', en: 'Kind of service' }),
    date('fecha', { es: 'Fecha del servicio', en: 'Date of the service' }),
    office(),
    column('id_buscador', { type: 'text', maxLength: 40 }, { es: 'Persona atendida (si aplica)', en: 'Seeker served (if any)' }, { required: false }),
    ruc('ruc_empresa', false),
  ],
  checks: [],
  lookups: [
    { ...seekerLookup(), when: 's.id_buscador IS NOT NULL' },
    { ...firmLookup('ruc_empresa'), when: 's.ruc_empresa IS NOT NULL' },
  ],
  insert: `s.id_evento, s.tipo, s.fecha, ${monthOf('s.fecha')}, s.codigo_oficina,
    p.seeker_id,
    f.firm_id`,
};
