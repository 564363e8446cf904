import type { SourceContract } from '../contract/source-contract.ts';
import { column, date, id } from './columns.ts';
import { seekerLookup } from './lookups.ts';
import { monthOf } from './sql-fragments.ts';

/** Seekers sent to vacancies (derivaciones / postulaciones): `derivaciones.csv`. */
export const referrals: SourceContract = {
  id: 'referrals',
  fileNames: ['derivaciones', 'postulaciones'],
  title: { es: 'Derivaciones a vacantes', en: 'Referrals to vacancies' },
  table: 'referral',
  naturalKey: ['referral_id'],
  columns: [
    id('id_derivacion', { es: 'Identificador de la derivación', en: 'Referral id' }),
    id('id_vacante', { es: 'Vacante a la que se deriva', en: 'Vacancy referred to' }),
    id('id_buscador', { es: 'Persona derivada (id del registro)', en: 'Seeker referred (record id)' }),
    date('fecha_derivacion', { es: 'Fecha de la derivación', en: 'Referral date' }),
    column('entrevistado', { type: 'boolean' }, { es: 'Fue entrevistada por la empresa (S/N)', en: 'Interviewed by the firm (Y/N)' }),
  ],
  checks: [],
  lookups: [
    { join: 'vacancy v ON v.vacancy_id = s.id_vacante', found: 'v.vacancy_id', column: 'id_vacante', reason: 'vacante_desconocida: la vacante no está registrada' },
    seekerLookup(),
  ],
  insert: `s.id_derivacion, p.seeker_id, s.id_vacante, s.fecha_derivacion, ${monthOf('s.fecha_derivacion')}, s.entrevistado`,
};
