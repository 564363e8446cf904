import type { z } from 'zod';
import type { Columns, Params, Warehouse } from '../../warehouse/warehouse.ts';

/** Bilingual text: Spanish first, English second. */
export interface Text {
  es: string;
  en: string;
}

/** Who may run a query: anyone, signed-in policy staff, or signed-in outreach staff. */
export type Audience = 'public' | 'policy' | 'concertador';

/** Who is asking: the server passes the signed-in user, and firm-level queries scope to them. */
export interface Viewer {
  username: string;
  role: 'policy' | 'concertador';
  /** Province (2-digit) or canton (4-digit) codes the user may see firms of. */
  territories: readonly string[];
}

/** The type of an answer column, as the client will see it. */
export type ColumnKind = 'string' | 'integer' | 'number' | 'date';

/** One column of a query's answer. */
export interface ColumnDoc {
  name: string;
  kind: ColumnKind;
  label: Text;
}

/** SQL with its bound values; parameters never reach SQL as text. */
export interface BoundSql {
  sql: string;
  params: Params;
}

/**
 * A named analysis of the catalogue: validated parameters in, SQL with bound values, a typed
 * answer out, documented in both languages.
 */
export interface QueryDefinition<P extends z.ZodType = z.ZodType> {
  /** URL-safe name, kebab-case: `/api/queries/<name>`. */
  name: string;
  audience: Audience;
  title: Text;
  description: Text;
  /** How the figure is computed, in words and symbols. */
  formula?: Text;
  /** Warehouse tables it reads. */
  sources: readonly string[];
  /** Strict schema of the parameters (unknown parameters are refused). */
  params: P;
  columns: readonly ColumnDoc[];
  /** Parameters of a typical call, used by tests and the benchmark (defaults to none). */
  example?: Record<string, string>;
  /**
   * Firm-level data: answered only within the viewer's territories (the query's SQL scopes
   * itself with the bound `$territories`), never cached across users, and audited.
   */
  firmLevel?: boolean;
  /** Disclosure control applied to the answer before anyone sees it (public counts of people). */
  protect?: (answer: Columns) => Columns;
  /**
   * Parameter sets of a public query to precompute whenever a warehouse is opened (see
   * `warmUp`), so that the public pages never wait on the estimation. With `splitBy`, each
   * answer also yields, by filtering its rows, the answers for each value of one parameter.
   */
  warm?: WarmSpec;
  /**
   * An answer worked out from another answer of the same query already at hand (a ranking under
   * new weights from the same components), without running SQL. The server uses it when the
   * `base` answer is cached; tests hold `derive` equal to running the query.
   */
  reuse?: {
    base(params: z.infer<P>): Record<string, unknown>;
    /** The answer worked out of the base, or null when the base does not hold it (the query then runs). */
    derive(base: Columns, params: z.infer<P>): Columns | null;
  };
  /**
   * Parameters the query accepts, so that a page can send one filter set to all its views, but
   * that do not change its answer (a sector filter on a count of registrations). They are left
   * out of its cache key, so that one answer serves every value of them.
   */
  inert?: readonly string[];
  /**
   * An answer put together from other queries' answers (parts, not in the catalogue), each asked
   * with the same parameters and cached under its own key, so that a part which ignores a filter
   * (see `inert`) is shared by the answers that differ only in it. `combine` puts the parts'
   * columns together; `build` computes the same answer in one statement, for running the query
   * without a cache (tests hold the two equal).
   */
  parts?: {
    of: readonly QueryDefinition[];
    combine(answers: readonly Columns[], params: z.infer<P>): Columns;
    /**
     * Parts that cost more to compute than the single statement (every firm of a territory, say):
     * used only when all are at hand; else the statement answers, and the parts are computed
     * behind it for the next answer.
     */
    onlyWhenCached?: boolean;
  };
  /**
   * The answer worked out in JS from what the warehouse holds (an index read once and kept in
   * memory, say) for the parameters it serves, null for the others, which `build` answers. Tests
   * hold the two equal.
   */
  compute?(warehouse: Warehouse, params: z.infer<P>, viewer: Viewer | null): Promise<Columns | null>;
  /** Builds the SQL for validated parameters. */
  build(params: z.infer<P>, viewer: Viewer | null): BoundSql;
}

/** What to precompute of a query: parameter sets, and a parameter whose answers are row filters of them. */
export interface WarmSpec {
  /** The parameter sets, or how to read them from the warehouse (the years it holds, say). */
  params: readonly Record<string, string>[] | ((warehouse: Warehouse) => Promise<readonly Record<string, string>[]>);
  /** `param=v` answers hold exactly the rows of the answer without it whose `column` is v. */
  splitBy?: WarmSplit | readonly WarmSplit[];
}

/** A parameter whose answers are row filters of the answer without it. */
export interface WarmSplit {
  param: string;
  column: string;
}

/** Declares a query with its parameter type inferred from its schema. */
export function defineQuery<P extends z.ZodType>(definition: QueryDefinition<P>): QueryDefinition<P> {
  return definition;
}
