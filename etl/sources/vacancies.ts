import type { SourceContract } from '../contract/source-contract.ts';
import { canton, column, date, id, office, ruc } from './columns.ts';
import { firmLookup } from './lookups.ts';
import { monthOf } from './sql-fragments.ts';

/** Vacancies posted by firms: `vacantes.csv`. */
export const vacancies: SourceContract = {
  id: 'vacancies',
  fileNames: ['vacantes'],
  title: { es: 'Vacantes', en: 'Vacancies' },
  table: 'vacancy',
  naturalKey: ['vacancy_id'],
  columns: [
    id('id_vacante', { es: 'Identificador de la vacante', en: 'Vacancy id' }),
    ruc('ruc_empresa'),
    office(),
    date('fecha_publicacion', { es: 'Fecha de publicación', en: 'Posting date' }),
    date('fecha_cierre', { es: 'Fecha de cierre (vacía si sigue abierta)', en: 'Closing date (empty while open)' }, false),
    column('numero_puestos', { type: 'integer', min: 1, max: 10_000 }, { es: 'Número de puestos', en: 'Number of positions' }),
    column('codigo_ciuo', { type: 'reference', table: 'occupation', pattern: '^[0-9]{1,4}$' }, { es: 'Ocupación CIUO-08 (1 a 4 dígitos; el primero es el gran grupo)', en: 'ISCO-08 occupation (1-4 digits; the first is the major group)' }),
    canton(),
    column('salario_ofrecido', { type: 'decimal', min: 0, max: 1_000_000 }, { es: 'Salario mensual ofrecido (USD)', en: 'Monthly wage offered (USD)' }, { required: false }),
  ],
  checks: [
    { column: 'fecha_cierre', failsWhen: 's.fecha_cierre < s.fecha_publicacion', reason: 'fechas_invertidas: la fecha de cierre es anterior a la de publicación' },
  ],
  lookups: [firmLookup('ruc_empresa', ['sector_code'])],
  insert: `s.id_vacante, f.firm_id, s.codigo_oficina, s.fecha_publicacion, ${monthOf('s.fecha_publicacion')}, s.fecha_cierre,
    s.numero_puestos, left(s.codigo_ciuo, 1), f.sector_code, s.codigo_canton, left(s.codigo_canton, 2), s.salario_ofrecido`,
};
