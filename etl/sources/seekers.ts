import type { SourceContract } from '../contract/source-contract.ts';
import { canton, column, date, id, office } from './columns.ts';
import { ageAt, ageBand, monthOf, pseudonym } from './sql-fragments.ts';

/** Registered job seekers (personas buscadoras de empleo): `buscadores.csv`. */
export const seekers: SourceContract = {
  id: 'seekers',
  fileNames: ['buscadores', 'personas'],
  title: { es: 'Personas buscadoras de empleo', en: 'Job seekers' },
  table: 'seeker',
  naturalKey: ['seeker_id'],
  columns: [
    id('id_buscador', { es: 'Identificador del registro en el sistema del servicio', en: "Record id in the service's system" }),
    column('cedula', { type: 'cedula', invalid: 'flag' }, {
      es: 'Cédula de identidad: se valida y se seudonimiza, nunca se guarda; si falta o es inválida el registro se conserva, marcado, y se enlaza por perfil',
      en: 'National ID: validated and pseudonymised, never stored; when missing or invalid the record is kept, flagged, and linked by profile',
    }, { personal: true, required: false }),
    column('nombres', { type: 'text', maxLength: 120 }, { es: 'Nombres (solo para detectar registros duplicados; nunca se guardan)', en: 'Given names (only to detect duplicate registrations; never stored)' }, { personal: true }),
    column('apellidos', { type: 'text', maxLength: 120 }, { es: 'Apellidos (solo para detectar duplicados; nunca se guardan)', en: 'Surnames (only to detect duplicates; never stored)' }, { personal: true }),
    date('fecha_nacimiento', { es: 'Fecha de nacimiento', en: 'Date of birth' }),
    column('sexo', { type: 'code', values: { H: 'M', HOMBRE: 'M', M: 'F', MUJER: 'F' } }, { es: 'Sexo: H (hombre) o M (mujer)', en: 'Sex: H (man) or M (woman)' }),
    column('discapacidad', { type: 'boolean' }, { es: 'Persona con discapacidad (S/N)', en: 'Person with disability (Y/N)' }, { required: false }),
    column('nivel_instruccion', { type: 'code', values: { NINGUNO: 'none', BASICA: 'basic', BACHILLERATO: 'secondary', TECNICO: 'technical', SUPERIOR: 'tertiary', POSGRADO: 'postgraduate' } }, { es: 'Nivel de instrucción: ninguno, basica, bachillerato, tecnico, superior, posgrado', en: 'Education level' }, { required: false }),
    canton(),
    office(),
    date('fecha_registro', { es: 'Fecha de registro en el servicio', en: 'Registration date' }),
  ],
  derive: {
    seeker_pid: pseudonym("'buscador:' || s.id_buscador"),
    person_pid: pseudonym("'cedula:' || s.cedula"),
    profile_pid: pseudonym("'perfil:' || strftime(s.fecha_nacimiento, '%Y-%m-%d') || '|' || s.sexo || '|' || upper(strip_accents(regexp_replace(trim(s.nombres || ' ' || s.apellidos), '\\s+', ' ', 'g'))) || '|' || s.codigo_canton"),
  },
  checks: [
    {
      column: 'fecha_nacimiento',
      failsWhen: `${ageAt('s.fecha_nacimiento', 's.fecha_registro')} NOT BETWEEN 15 AND 99`,
      reason: 'edad_fuera_de_rango: la edad al registrarse debe estar entre 15 y 99 años',
    },
  ],
  insert: `s.seeker_pid, s.profile_pid,
    s.fecha_registro, ${monthOf('s.fecha_registro')}, year(s.fecha_nacimiento),
    ${ageAt('s.fecha_nacimiento', 's.fecha_registro')}, ${ageBand(ageAt('s.fecha_nacimiento', 's.fecha_registro'))},
    s.sexo, coalesce(s.discapacidad, false), s.nivel_instruccion, s.codigo_canton, left(s.codigo_canton, 2), s.codigo_oficina,
    coalesce(s.person_pid, s.profile_pid), s.cedula__status`,
  afterInsert: [
    // A record without a valid cédula joins the person of a record with the same profile that has one.
    `UPDATE seeker SET person_id = m.person_id
     FROM (SELECT match_key, min(person_id) AS person_id FROM seeker WHERE id_status = 'valid' GROUP BY match_key) m
     WHERE seeker.id_status <> 'valid' AND seeker.match_key = m.match_key AND seeker.person_id <> m.person_id`,
  ],
};
