import type { Lookup } from '../contract/source-contract.ts';
import { pseudonym } from './sql-fragments.ts';

/**
 * The lookup of a row of `table` by the pseudonym of a typed column (a seeker by its record id,
 * a firm by its RUC). The pseudonym of each distinct value is computed and found in `table`
 * once, in a map from the value to the row; the rows then join that map by the value itself,
 * under `alias`, with the key and the `take` columns. Cheaper than pseudonymising each distinct
 * value, joining the pseudonym back to every row, then joining every row to `table` by its
 * 32-character pseudonym. The map (which holds the values) lives only inside the statement.
 */
export function byPseudonym(options: {
  table: string;
  /** The table's pseudonymised key. */
  key: string;
  alias: string;
  /** The typed column holding the value, also named in the reject record. */
  column: string;
  /** Prefix of the pseudonymised text (`buscador` for `'buscador:' || value`). */
  prefix: string;
  take?: readonly string[];
  reason: string;
}): Lookup {
  const { table, key, alias, column, prefix, take = [], reason } = options;
  const taken = [key, ...take].map((c) => `${alias}.${c}`).join(', ');
  return {
    join: `(SELECT d.${column}, ${taken}
      FROM (SELECT DISTINCT ${column} FROM checked) d JOIN ${table} ${alias} ON ${alias}.${key} = ${pseudonym(`'${prefix}:' || d.${column}`)}) ${alias}
      ON ${alias}.${column} = s.${column}`,
    found: `${alias}.${key}`,
    column,
    reason,
  };
}

/** The seeker of each row's `id_buscador`, as `p` (with `seeker_id` and the `take` columns). */
export function seekerLookup(take: readonly string[] = []): Lookup {
  return byPseudonym({ table: 'seeker', key: 'seeker_id', alias: 'p', column: 'id_buscador', prefix: 'buscador', take, reason: 'buscador_desconocido: la persona no está registrada' });
}

/** The firm of each row's RUC in `column`, as `f` (with `firm_id` and the `take` columns). */
export function firmLookup(column: string, take: readonly string[] = []): Lookup {
  return byPseudonym({ table: 'firm', key: 'firm_id', alias: 'f', column, prefix: 'ruc', take, reason: 'empresa_desconocida: la empresa no está registrada' });
}
