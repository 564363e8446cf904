import { REBUILD_PLACEMENT_MONTHLY } from '../../warehouse/aggregates.ts';
import type { SourceContract } from '../contract/source-contract.ts';
import { column, date, id } from './columns.ts';
import { seekerLookup } from './lookups.ts';
import { monthOf } from './sql-fragments.ts';

/** Channels through which a placement came about. */
export const PLACEMENT_CHANNELS = {
  CONSEJERIA: 'counselling',
  PORTAL: 'portal',
  FERIA: 'job_fair',
  FERIA_EMPLEO: 'job_fair',
  TALLER: 'workshop',
  CONCERTACION: 'outreach',
} as const;

/**
 * Placements (colocaciones): `colocaciones.csv`. Each row is denormalised at load with the
 * grouping columns of its vacancy and seeker, and the table is kept sorted by date.
 */
export const placements: SourceContract = {
  id: 'placements',
  fileNames: ['colocaciones', 'inserciones'],
  title: { es: 'Colocaciones', en: 'Placements' },
  table: 'placement',
  naturalKey: ['placement_id'],
  columns: [
    id('id_colocacion', { es: 'Identificador de la colocación', en: 'Placement id' }),
    id('id_vacante', { es: 'Vacante cubierta', en: 'Vacancy filled' }),
    id('id_buscador', { es: 'Persona colocada (id del registro)', en: 'Person placed (record id)' }),
    date('fecha_colocacion', { es: 'Fecha de la colocación (inicio del empleo)', en: 'Placement date (job start)' }),
    column('salario', { type: 'decimal', min: 0, max: 1_000_000 }, { es: 'Salario mensual (USD)', en: 'Monthly wage (USD)' }, { required: false }),
    column('canal', { type: 'code', values: PLACEMENT_CHANNELS }, { es: 'Canal: consejeria, portal, feria, taller, concertacion', en: 'Channel: counselling, portal, job fair, workshop, outreach' }),
  ],
  checks: [],
  lookups: [
    { join: 'vacancy v ON v.vacancy_id = s.id_vacante', found: 'v.vacancy_id', column: 'id_vacante', reason: 'vacante_desconocida: la vacante no está registrada' },
    seekerLookup(['sex', 'age_band']),
  ],
  afterInsert: REBUILD_PLACEMENT_MONTHLY,
  insert: `s.id_colocacion, p.seeker_id, s.id_vacante, s.fecha_colocacion, ${monthOf('s.fecha_colocacion')}, v.office_code,
    v.province_code, v.canton_code, v.sector_code, v.occupation_code, p.sex, p.age_band, s.salario, s.canal`,
};
