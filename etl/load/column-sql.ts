import type { ColumnContract, ReferenceTable } from '../contract/source-contract.ts';
import { cedulaValidSql } from '../privacy/cedula.ts';

/** The SQL that types one staged VARCHAR column and lists what is wrong with it. */
export interface ColumnSql {
  /** Typed value, NULL when missing or invalid. */
  typed: string;
  /** Pairs of (SQL condition true when the value is wrong, reason). */
  failures: [condition: string, reason: string][];
  /** Further typed columns derived from the raw value, by name. */
  extra?: [name: string, sql: string][];
}

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes an SQL string literal (for contract constants only, never for user values). */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const REFERENCE_SQL: Record<ReferenceTable, (v: string) => string> = {
  canton: (v) => `${v} IN (SELECT code FROM territory WHERE level = 'canton')`,
  province: (v) => `${v} IN (SELECT code FROM territory WHERE level = 'province')`,
  sector: (v) => `upper(left(${v}, 1)) IN (SELECT code FROM sector)`,
  occupation: (v) => `left(${v}, 1) IN (SELECT code FROM occupation)`,
  office: (v) => `${v} IN (SELECT office_code FROM office)`,
};

/**
 * The staged value `expr` trimmed of spaces, NULL when empty: `nullif(trim(expr), '')`. DuckDB's
 * trim decodes every character (about 1 s for 6 columns of 8 M rows); a value in plain ASCII
 * whose first and last characters are not spaces, which most are, is taken as it is, since
 * among ASCII characters trim removes the space only.
 */
export function trimmedSql(expr: string): string {
  return `CASE WHEN strlen(${expr}) = length(${expr}) AND NOT prefix(${expr}, ' ') AND NOT suffix(${expr}, ' ')
    THEN nullif(${expr}, '') ELSE nullif(trim(${expr}), '') END`;
}

/**
 * Builds the typing and checking SQL for one column, reading the raw value from `raw.<header>`.
 * `$today` is bound to the load's date: no date may lie after it.
 */
export function columnSql(column: ColumnContract): ColumnSql {
  const v = trimmedSql(`raw.${ident(column.header)}`);
  const failures: [string, string][] = [];
  if (column.required) failures.push([`${v} IS NULL`, 'valor_obligatorio: falta un valor obligatorio']);
  const spec = column.spec;
  switch (spec.type) {
    case 'text': {
      failures.push([`length(${v}) > ${spec.maxLength}`, `demasiado_largo: más de ${spec.maxLength} caracteres`]);
      if (spec.pattern) failures.push([`NOT regexp_full_match(${v}, ${literal(spec.pattern.replace(/^\^|\$$/g, ''))})`, `formato_invalido: se espera ${spec.patternDoc ?? spec.pattern}`]);
      return { typed: v, failures };
    }
    case 'integer': {
      failures.push([`NOT regexp_full_match(${v}, '-?[0-9]{1,12}')`, 'no_entero: se espera un número entero']);
      const typed = `TRY_CAST(${v} AS BIGINT)`;
      failures.push([`${typed} NOT BETWEEN ${spec.min} AND ${spec.max}`, `fuera_de_rango: debe estar entre ${spec.min} y ${spec.max}`]);
      return { typed, failures };
    }
    case 'decimal': {
      failures.push([`NOT regexp_full_match(${v}, '-?[0-9]{1,15}([.,][0-9]{1,12})?')`, 'no_numerico: se espera un número (coma o punto decimal, sin separador de miles)']);
      const typed = `TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)`;
      failures.push([`${typed} NOT BETWEEN ${spec.min} AND ${spec.max}`, `fuera_de_rango: debe estar entre ${spec.min} y ${spec.max}`]);
      return { typed, failures };
    }
    case 'date': {
      const typed = `COALESCE(TRY_STRPTIME(${v}, '%Y-%m-%d'), TRY_STRPTIME(${v}, '%d/%m/%Y'))::DATE`;
      failures.push([`${typed} IS NULL OR ${typed} < DATE '1900-01-01'`, 'fecha_invalida: se espera AAAA-MM-DD o DD/MM/AAAA']);
      failures.push([`${typed} > $today::DATE`, 'fecha_futura: la fecha es posterior a la fecha de carga']);
      return { typed, failures };
    }
    case 'code': {
      const cases = Object.entries(spec.values).map(([k, canonical]) => `WHEN ${literal(k)} THEN ${literal(canonical)}`);
      const typed = `CASE upper(strip_accents(${v})) ${cases.join(' ')} END`;
      failures.push([`${typed} IS NULL`, `codigo_invalido: valores admitidos ${Object.keys(spec.values).join(', ')}`]);
      return { typed, failures };
    }
    case 'boolean': {
      const u = `upper(strip_accents(${v}))`;
      const typed = `CASE WHEN ${u} IN ('S', 'SI', '1', 'TRUE', 'Y', 'YES') THEN true WHEN ${u} IN ('N', 'NO', '0', 'FALSE') THEN false END`;
      failures.push([`${typed} IS NULL`, 'booleano_invalido: se espera S o N']);
      return { typed, failures };
    }
    case 'cedula': {
      if (spec.invalid === 'flag') {
        const status = `CASE WHEN ${v} IS NULL THEN 'missing' WHEN ${cedulaValidSql(v)} THEN 'valid' ELSE 'invalid' END`;
        return { typed: `CASE WHEN ${cedulaValidSql(v)} THEN ${v} END`, failures, extra: [[`${column.name}__status`, status]] };
      }
      failures.push([`NOT ${cedulaValidSql(v)}`, 'cedula_invalida: 10 dígitos, provincia 01-24 o 30, tercer dígito menor que 6 y dígito verificador módulo 10']);
      return { typed: v, failures };
    }
    case 'reference': {
      failures.push([`NOT regexp_full_match(${v}, ${literal(spec.pattern.replace(/^\^|\$$/g, ''))})`, 'formato_invalido: código mal formado']);
      failures.push([`NOT (${REFERENCE_SQL[spec.table](v)})`, `codigo_desconocido: no existe en la tabla de referencia ${spec.table}`]);
      return { typed: v, failures };
    }
  }
}

/**
 * The staging SELECT: each column typed, plus `errors`, the list of {column, value, reason}
 * for every check the row fails. A failure is only reported when the value is present, except
 * the missing-value check itself.
 */
export function checkedSelect(columns: readonly ColumnContract[]): string {
  const typed: string[] = [];
  const errors: string[] = [];
  for (const c of columns) {
    const sql = columnSql(c);
    typed.push(`${sql.typed} AS ${ident(c.name)}`);
    for (const [name, extra] of sql.extra ?? []) typed.push(`${extra} AS ${ident(name)}`);
    const v = trimmedSql(`raw.${ident(c.header)}`);
    const [first, ...rest] = sql.failures;
    const ordered = c.required && first ? [first, ...rest] : sql.failures;
    const branches = ordered
      .map(([cond, reason], i) => (c.required && i === 0 ? `WHEN ${cond}` : `WHEN ${v} IS NOT NULL AND (${cond})`) + ` THEN ${literal(reason)}`)
      .join(' ');
    errors.push(`${branches ? `CASE ${branches} END` : 'NULL::VARCHAR'} AS ${ident(`__err_${c.name}`)}`);
  }
  return `${typed.join(',\n  ')},\n  ${errors.join(',\n  ')}`;
}
