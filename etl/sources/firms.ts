import type { SourceContract } from '../contract/source-contract.ts';
import { canton, column, date, office, ruc } from './columns.ts';
import { pseudonym, sizeBand } from './sql-fragments.ts';

/** Firms registered with the service: `empresas.csv`. */
export const firms: SourceContract = {
  id: 'firms',
  fileNames: ['empresas'],
  title: { es: 'Empresas', en: 'Firms' },
  table: 'firm',
  naturalKey: ['firm_id'],
  columns: [
    ruc('ruc'),
    column('razon_social', { type: 'text', maxLength: 200 }, { es: 'Razón social', en: 'Legal name' }),
    column('codigo_ciiu', { type: 'reference', table: 'sector', pattern: '^[A-Ua-u]([0-9]{2,4})?$' }, { es: 'Actividad CIIU Rev.4: letra de sección, con o sin dígitos (p. ej. C o C1010)', en: 'ISIC Rev.4 activity: section letter, optionally with digits (e.g. C or C1010)' }),
    column('numero_trabajadores', { type: 'integer', min: 1, max: 1_000_000 }, { es: 'Número de personas trabajadoras', en: 'Number of workers' }),
    canton(),
    office(),
    date('fecha_registro', { es: 'Fecha de registro en el servicio', en: 'Registration date' }),
  ],
  derive: {
    firm_pid: pseudonym("'ruc:' || s.ruc"),
  },
  checks: [],
  insert: `s.firm_pid, s.razon_social, upper(left(s.codigo_ciiu, 1)), s.numero_trabajadores,
    ${sizeBand('s.numero_trabajadores')}, s.codigo_canton, left(s.codigo_canton, 2), s.codigo_oficina, s.fecha_registro`,
};
