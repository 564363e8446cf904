import type { ColumnContract, ColumnType, Text } from '../contract/source-contract.ts';

/** Builds a column contract; `header` doubles as the staging name unless given. */
export function column(header: string, spec: ColumnType, doc: Text, options: { required?: boolean; personal?: boolean } = {}): ColumnContract {
  return { header, name: header, required: options.required ?? true, spec, doc, personal: options.personal };
}

/** An identifier assigned by the PES's information system. */
export function id(header: string, doc: Text): ColumnContract {
  return column(header, { type: 'text', maxLength: 40 }, doc);
}

/** A date column. */
export function date(header: string, doc: Text, required = true): ColumnContract {
  return column(header, { type: 'date' }, doc, { required });
}

/** A 4-digit INEC canton code that must exist in the territory table. */
export function canton(header = 'codigo_canton'): ColumnContract {
  return column(header, { type: 'reference', table: 'canton', pattern: '^[0-9]{4}$' }, { es: 'Cantón (código DPA del INEC, 4 dígitos)', en: 'Canton (INEC DPA code, 4 digits)' });
}

/** A PES office code that must exist in the office table. */
export function office(header = 'codigo_oficina'): ColumnContract {
  return column(header, { type: 'reference', table: 'office', pattern: '^[A-Za-z0-9-]{1,20}$' }, { es: 'Oficina del servicio de empleo', en: 'Employment service office' });
}

/** A firm's RUC (13 digits ending in 001); pseudonymised, since a natural person's RUC holds a cédula. */
export function ruc(header: string, required = true): ColumnContract {
  return column(header, { type: 'text', maxLength: 13, pattern: '^[0-9]{10}001$', patternDoc: '13 dígitos terminados en 001' }, { es: 'RUC de la empresa (13 dígitos)', en: "Firm's tax ID (RUC, 13 digits)" }, { required, personal: true });
}
