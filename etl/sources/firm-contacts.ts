import type { SourceContract } from '../contract/source-contract.ts';
import { column, date, id, office, ruc } from './columns.ts';
import { firmLookup } from './lookups.ts';
import { monthOf } from './sql-fragments.ts';

/** The five steps of the employer-outreach cycle. */
export const OUTREACH_STEPS = {
  ANALISIS_MERCADO: 'market_analysis',
  FOCALIZACION: 'targeting',
  FACILITACION: 'facilitation',
  COORDINACION: 'coordination',
  SEGUIMIENTO: 'followup',
} as const;

/** Employer-outreach contacts by concertadores: `contactos_empresas.csv`. */
export const firmContacts: SourceContract = {
  id: 'firm-contacts',
  fileNames: ['contactos_empresas', 'concertacion'],
  title: { es: 'Contactos con empresas (concertación)', en: 'Employer-outreach contacts' },
  table: 'firm_contact',
  naturalKey: ['contact_id'],
  columns: [
    id('id_contacto', { es: 'Identificador del contacto', en: 'Contact id' }),
    ruc('ruc_empresa'),
    office(),
    date('fecha_contacto', { es: 'Fecha del contacto', en: 'Contact date' }),
    column('paso', { type: 'code', values: OUTREACH_STEPS }, { es: 'Paso: analisis_mercado, focalizacion, facilitacion, coordinacion, seguimiento', en: 'Outreach step' }),
  ],
  checks: [],
  lookups: [firmLookup('ruc_empresa')],
  insert: `s.id_contacto, f.firm_id, s.codigo_oficina, s.fecha_contacto, ${monthOf('s.fecha_contacto')}, s.paso`,
};
