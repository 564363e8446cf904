import type { SourceContract } from '../contract/source-contract.ts';
import { canton, column } from './columns.ts';

/** The PES's offices (agencias): `oficinas.csv`. */
export const offices: SourceContract = {
  id: 'offices',
  fileNames: ['oficinas'],
  title: { es: 'Oficinas del servicio de empleo', en: 'Employment service offices' },
  table: 'office',
  naturalKey: ['office_code'],
  columns: [
    column('codigo_oficina', { type: 'text', maxLength: 20, pattern: '^[A-Za-z0-9-]{1,20}$', patternDoc: 'letras, dígitos o guiones' }, { es: 'Código de la oficina', en: 'Office code' }),
    column('nombre_oficina', { type: 'text', maxLength: 120 }, { es: 'Nombre de la oficina', en: 'Office name' }),
    canton(),
  ],
  checks: [],
  insert: `s.codigo_oficina, s.nombre_oficina, s.codigo_canton, left(s.codigo_canton, 2)`,
};
