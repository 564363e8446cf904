/**
 * A file contract: what a PES export of one kind must hold, column by column. The loader
 * checks every input row against it and records every failure with its line and reason.
 */

/** Bilingual text shown in docs, CLI output and the dashboard. */
export interface Text {
  es: string;
  en: string;
}

/** What one column may hold. Values are trimmed; an empty value is a missing one. */
export type ColumnType =
  | { type: 'text'; maxLength: number; pattern?: string; patternDoc?: string }
  | { type: 'integer'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number }
  /** ISO `YYYY-MM-DD` or `DD/MM/YYYY`; never after the load's "today". */
  | { type: 'date' }
  /** One of a closed list, compared case-insensitively without accents; stored as the canonical value. */
  | { type: 'code'; values: Readonly<Record<string, string>> }
  /** S/SI/1/TRUE or N/NO/0/FALSE. */
  | { type: 'boolean' }
  /**
   * An Ecuadorian cédula: 10 digits, province 01-24 or 30, third digit < 6, modulus-10 check
   * digit. `invalid: 'flag'` keeps rows whose cédula is missing or wrong (typed as NULL) instead of
   * rejecting them, where a PES expects such registrations.
   */
  | { type: 'cedula'; invalid?: 'reject' | 'flag' }
  /** A code that must exist in a reference table of the warehouse. */
  | { type: 'reference'; table: ReferenceTable; pattern: string };

/** Reference tables a column may point into. */
export type ReferenceTable = 'canton' | 'province' | 'sector' | 'occupation' | 'office';

/** One column of a file contract. */
export interface ColumnContract {
  /** Header as the PES exports it (Spanish, lower snake case). */
  header: string;
  /** Column name in the staging row that the source's SQL reads. */
  name: string;
  required: boolean;
  spec: ColumnType;
  /** Personal data read for checks or pseudonymisation only, never stored as such. */
  personal?: boolean;
  /** Other names the column has in some editions of the export (e.g. INEC's `condactn`). */
  aliases?: readonly string[];
  /**
   * How to fill the column when a file lacks it: SQL over the raw VARCHAR columns (`raw.<header>`),
   * or the first capture of a pattern on the file name.
   */
  whenMissing?: { sql?: string; fileNamePattern?: string; doc: Text };
  doc: Text;
}

/** A check across rows or against the warehouse, written as SQL over the staged rows. */
export interface RowCheck {
  /** Column named in the reject record. */
  column: string;
  /** SQL boolean over the staging alias `s` (and the warehouse), true when the row FAILS. */
  failsWhen: string;
  reason: string;
}

/**
 * A row of another table each row must find (the vacancy a placement fills): joined once, both
 * to check that it exists and to take its columns for the insert, instead of checking with one
 * query and joining with another.
 */
export interface Lookup {
  /**
   * `<table> <alias> ON <condition over the alias and s>`, LEFT JOINed to the typed rows `s`; the
   * table may be a subquery, which can read all the typed rows as `checked` (to find each
   * distinct value once).
   */
  join: string;
  /** SQL that is NULL exactly when no row was found (the found row's key). */
  found: string;
  /** Only rows meeting this SQL must find one (an optional reference); default: every row. */
  when?: string;
  /** Column named in the reject record, and the reason. */
  column: string;
  reason: string;
}

/** The contract of one source file and how its valid rows become warehouse rows. */
export interface SourceContract {
  /** Stable identifier, also the CLI's `--source`. */
  id: string;
  /** File names (without extension) a PES typically uses for this export; a glob-free prefix match. */
  fileNames: readonly string[];
  title: Text;
  /** Warehouse table the rows land in. */
  table: string;
  /** Columns that identify a row; a reloaded row with the same key replaces the earlier one. */
  naturalKey: readonly string[];
  /**
   * Table columns whose values, taken from the new file, delimit what it replaces as a whole
   * (a corrected survey file replaces its whole period). Default: rows with the same natural key.
   */
  replaceScope?: readonly string[];
  columns: readonly ColumnContract[];
  /**
   * Values computed once per row from the typed columns `s` (the pseudonyms of a file's own
   * records, which cost two SHA-256 each), then usable as `s.<name>` in checks, joins and the
   * insert. A reference to another table's pseudonymised row is a lookup instead (see
   * `etl/sources/lookups.ts`): its pseudonym is computed once per distinct value.
   */
  derive?: Readonly<Record<string, string>>;
  /** Checks beyond single values: references to other tables, order of dates. */
  checks: readonly RowCheck[];
  /**
   * SELECT list producing the table's columns (in table order, without load_id) from the valid
   * staged rows `s`; `$key_inner`/`$key_outer` are bound for pseudonymisation (see privacy/).
   */
  insert: string;
  /** FROM clause additions joined to `s` for `insert` (e.g. the vacancy a placement fills). */
  joins?: string;
  /** Rows of other tables each row must find, checked and joined in one pass (see {@link Lookup}). */
  lookups?: readonly Lookup[];
  /** A query over the rows about to be written (`ready`), one row, reported with the load (e.g. a classification's coverage). */
  summarySql?: string;
  /** Statements run after the insert, in the same transaction (e.g. linking duplicate records). */
  afterInsert?: readonly string[];
}
