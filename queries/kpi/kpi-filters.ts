import { z } from 'zod';
import { month, provinceCode } from '../catalogue/params.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import type { WarmSpec } from '../catalogue/query-definition.ts';

/**
 * The one filter set shared by every placement-KPI query of the policy dashboard, and the SQL
 * fragments that apply it. Values are always bound (`$name`), never spliced into SQL text; the
 * only SQL a caller chooses is picked from fixed maps by a validated enum.
 *
 * Which filter restricts which table (a filter that does not apply to a table is ignored for it).
 * The queries read the derived facts (warehouse/facts.ts), where every grouping column below is
 * on the record's own row, so each filter is a plain condition with no join:
 *
 * | filter     | seeker_fact    | event_fact                        | referral_fact            | placement_fact    | vacancy_fact    |
 * | ---------- | -------------- | --------------------------------- | ------------------------ | ----------------- | --------------- |
 * | from, to   | reg_month      | month                             | ref_month                | month             | posted_month    |
 * | province   | province_code  | the event office's province       | the vacancy's province   | province_code (*) | province_code   |
 * | office     | office_code    | office_code                       | the vacancy's office     | office_code (*)   | office_code     |
 * | sector     | —              | —                                 | the vacancy's sector     | sector_code       | sector_code     |
 * | occupation | —              | —                                 | the vacancy's occupation | occupation_code   | occupation_code |
 * | sex, age   | sex, age_band  | the person served (seeker record) | the person referred      | sex, age_band     | —               |
 * | channel    | —              | kind (`workshop`: both workshops) | —                        | channel           | —               |
 *
 * (*) a placement belongs to the office and province of the vacancy it filled (as loaded), a
 * registration to the office where the person registered. `occupation` matches codes that
 * begin with it: the warehouse keeps the CIUO-08 major group (1 digit), so a 2-digit sub-major
 * group matches only data loaded at that detail.
 */

/** The seeker age bands precomputed at load. */
export const AGE_BANDS = ['15-17', '18-24', '25-29', '30-44', '45-64', '65+'] as const;

/** The bands `age=youth` stands for (15-29 years). */
export const YOUTH_BANDS = ['15-17', '18-24', '25-29'] as const;

/**
 * Channel values: the channels a placement is credited to (counselling, portal, job_fair,
 * workshop, outreach) and the kinds of service event (counselling, interview, workshop_seekers,
 * workshop_employers, job_fair, portal).
 */
export const KPI_CHANNELS = ['counselling', 'portal', 'job_fair', 'workshop', 'outreach', 'interview', 'workshop_seekers', 'workshop_employers'] as const;

/** The filter fields, each optional; spread into a query's strict parameter schema. */
export const KPI_FILTER_SHAPE = {
  from: month.optional(),
  to: month.optional(),
  province: provinceCode.optional(),
  office: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'expected an office code (letters, digits or hyphens, at most 20)').optional(),
  sector: z.string().regex(/^[A-U]$/, 'expected a CIIU Rev.4 section letter A-U').optional(),
  occupation: z.string().regex(/^\d{1,2}$/, 'expected a CIUO-08 major (1 digit) or sub-major (2 digits) group').optional(),
  sex: z.enum(['F', 'M']).optional(),
  age: z.enum([...AGE_BANDS, 'youth']).optional(),
  channel: z.enum(KPI_CHANNELS).optional(),
};

/** Parsed KPI filters. */
export type KpiFilters = { [K in keyof typeof KPI_FILTER_SHAPE]?: z.infer<(typeof KPI_FILTER_SHAPE)[K]> };

/** A month 'YYYY-MM' as a month number (year × 12 + month − 1), for counting months. */
export const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** A month number as 'YYYY-MM'. */
export const monthText = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

/**
 * A KPI period as month numbers, as {@link KpiSql} sets it: `to`, or else the latest month with
 * placements (`latest`); `from`, or else `defaultMonths` up to it. Null when neither `to` nor a
 * latest month is at hand.
 */
export function periodMonths(f: KpiFilters, latest: number | null, defaultMonths: number): { lo: number; hi: number } | null {
  const hi = f.to ? monthNumber(f.to) : latest;
  if (hi === null) return null;
  return { lo: f.from ? monthNumber(f.from) : hi - (defaultMonths - 1), hi };
}

/**
 * A strict parameter schema: the shared filters plus a query's own fields. It refuses unknown
 * parameters, `from` after `to`, and (with `maxMonths`) a range longer than that, so that
 * answers stay at most a few hundred rows.
 */
export function kpiParams<E extends z.ZodRawShape>(extra: E, options: { maxMonths?: number } = {}) {
  return z.strictObject({ ...KPI_FILTER_SHAPE, ...extra }).superRefine((value, ctx) => {
    const { from, to } = value as KpiFilters;
    if (from && to && from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
    if (from && to && options.maxMonths && monthNumber(to) - monthNumber(from) + 1 > options.maxMonths) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${options.maxMonths} months at a time` });
    }
  });
}

/** The shared filters alone, as a strict schema. */
export const kpiFilters = kpiParams({});

/** Bound values of a fragment, by placeholder name (without `$`). */
export type BoundValues = Record<string, string | number | boolean | null>;

/** SQL text with `$name` placeholders and the values to bind to them. */
export interface Fragment {
  sql: string;
  params: BoundValues;
}

/**
 * The derived facts (warehouse/facts.ts), and the filters that apply to each: every grouping
 * column is on the fact's own row, so a filter is a plain condition, with no join.
 */
export const FACT_FILTERS = {
  seeker_fact: ['province', 'office', 'sex', 'age'],
  event_fact: ['province', 'office', 'sex', 'age', 'channel'],
  referral_fact: ['province', 'office', 'sector', 'occupation', 'sex', 'age'],
  placement_fact: ['province', 'office', 'sector', 'occupation', 'sex', 'age', 'channel'],
  vacancy_fact: ['province', 'office', 'sector', 'occupation'],
} as const satisfies Record<string, readonly (keyof KpiFilters)[]>;

/** A derived fact table. */
export type FactTable = keyof typeof FACT_FILTERS;

/** Tables the filters know how to restrict: the facts, the placements aggregate and the offices. */
export type KpiTable = FactTable | 'placement_monthly' | 'office';

const AGE_SQL = (col: string) => `(${col} = $age OR ($age = 'youth' AND ${col} IN (${YOUTH_BANDS.map((b) => `'${b}'`).join(', ')})))`;
const KIND_SQL = (col: string) => `(${col} = $channel OR ($channel = 'workshop' AND ${col} IN ('workshop_seekers', 'workshop_employers')))`;

/** The filters `placement_monthly` (month, province, sex, age band) and `office` can apply. */
const OTHER_FILTERS = {
  placement_monthly: ['province', 'sex', 'age'],
  office: ['province', 'office'],
} as const satisfies Record<string, readonly (keyof KpiFilters)[]>;

/**
 * The conditions the filters put on one table (aliased `alias`), joined with AND (`true` when
 * none apply), and the values they bind. The period is not included: see {@link KpiSql.inPeriod}.
 */
export function kpiWhere(f: KpiFilters, table: KpiTable, alias: string): Fragment {
  const conds: string[] = [];
  const params: BoundValues = {};
  const applies: readonly (keyof KpiFilters)[] = table in FACT_FILTERS ? FACT_FILTERS[table as FactTable] : OTHER_FILTERS[table as keyof typeof OTHER_FILTERS];
  for (const name of applies) {
    const value = f[name];
    if (value === undefined) continue;
    conds.push(filterCondition(name, table, alias));
    params[name] = value;
  }
  return { sql: conds.length ? conds.join(' AND ') : 'true', params };
}

/** The condition one filter puts on a table (aliased `alias`), its value bound as `$name`. */
function filterCondition(name: keyof KpiFilters, table: KpiTable, a: string): string {
  switch (name) {
    case 'province': return `${a}.province_code = $province`;
    case 'office': return `${a}.office_code = $office`;
    case 'sector': return `${a}.sector_code = $sector`;
    case 'occupation': return `starts_with(${a}.occupation_code, $occupation)`;
    case 'sex': return `${a}.sex = $sex`;
    case 'age': return AGE_SQL(`${a}.age_band`);
    case 'channel': return table === 'event_fact' ? KIND_SQL(`${a}.kind`) : `${a}.channel = $channel`;
    default: throw new Error(`the period (${name}) is not a filter condition: see KpiSql.inPeriod`);
  }
}

/**
 * The codes of a dictionary (`codes`, NULL never matching) that a filter lets through, as its SQL
 * condition does (see `kpiWhere`), 1 for each code it keeps and 0 for the others: a 2-digit
 * occupation group matches the codes that begin with it, `age=youth` the youth bands, and any
 * other filter its own value. For the records and counts held in memory, coded by dictionaries.
 */
export function allowedCodes(name: 'province' | 'office' | 'sector' | 'occupation' | 'sex' | 'age' | 'channel', value: string, codes: readonly (string | null)[]): Uint8Array {
  const accepts = name === 'occupation' ? (code: string) => code.startsWith(value)
    : name === 'age' && value === 'youth' ? (code: string) => code === value || (YOUTH_BANDS as readonly string[]).includes(code)
    : (code: string) => code === value;
  return Uint8Array.from(codes, (code) => (code !== null && accepts(code) ? 1 : 0));
}

/** True when none of the named filters is given (the period and the rest may be). */
export function without(f: KpiFilters, names: readonly (keyof KpiFilters)[]): boolean {
  return names.every((name) => f[name] === undefined);
}

/** The filters of a person or a place: the period cubes count persons without them. */
export const PERSON_OR_PLACE = ['province', 'office', 'sex', 'age'] as const satisfies readonly (keyof KpiFilters)[];

/** True when the placements aggregate (month, province, sex, age band) can answer a placement count under these filters. */
export function aggregateAnswers(f: KpiFilters): boolean {
  return without(f, ['office', 'sector', 'occupation', 'channel']);
}

/** The last day of the latest month with placements: the end of the data, for windows that must be observable. */
export const DATA_END_SQL = '(SELECT last_day(max(month)) FROM placement_monthly)';

/** The latest follow-up date: a placement's k-month retention is observable when placed_on + k months is on or before it. */
export const FOLLOWUP_END_SQL = '(SELECT max(checked_on) FROM followup)';

/** {@link DATA_END_SQL}, as recorded when the facts were built (a one-row table). */
export const FACT_DATA_END_SQL = '(SELECT data_end FROM fact_bounds)';

/** {@link FOLLOWUP_END_SQL}, as recorded when the facts were built (a one-row table). */
export const FACT_FOLLOWUP_END_SQL = '(SELECT followup_end FROM fact_bounds)';

/**
 * `quantile_cont` (linear interpolation between closest ranks) of an integer expression, as
 * DOUBLE. The values are not cast: DuckDB interpolates integers in DOUBLE to the same result, and
 * sorts them more than twice as fast (per-office medians of 807k placements: 16 ms -> 7 ms).
 */
export function quantile(expr: string, q: number): string {
  return `quantile_cont(${expr}, ${q})::DOUBLE`;
}

/**
 * {@link quantile}s of the values a histogram holds (`hist`: a CTE, table or parenthesised
 * subquery with `days` and `n` columns, one row per value), as one row with the histogram's
 * `total` and a column per entry of `qs`: the values at the closest ranks around (N − 1)·q,
 * interpolated as DuckDB's `quantile_cont` does; NULL for an empty histogram. With `by`, one row
 * per value of that column of `hist` (a histogram each). One running sum and one aggregate serve
 * every quantile (a subquery per quantile costs a join each).
 */
export function histogramQuantiles(hist: string, qs: Readonly<Record<string, number>>, by?: string): string {
  const columns = Object.entries(qs).map(([name, q]) => {
    const pos = `any_value((c.total - 1) * ${q})`;
    const lo = `min(c.days) FILTER (WHERE c.upto > floor((c.total - 1) * ${q}))::DOUBLE`;
    const hi = `min(c.days) FILTER (WHERE c.upto > ceil((c.total - 1) * ${q}))::DOUBLE`;
    return `CASE WHEN ${pos} = floor(${pos}) THEN ${lo} ELSE ${lo} * (1 - (${pos} - floor(${pos}))) + ${hi} * (${pos} - floor(${pos})) END AS ${name}`;
  });
  const group = by ? `${by}, ` : '';
  const partition = by ? `PARTITION BY ${by}` : '';
  return `SELECT ${group}any_value(c.total) AS total, ${columns.join(',\n        ')}
      FROM (SELECT ${group}days, sum(n) OVER (${partition} ORDER BY days ROWS UNBOUNDED PRECEDING) AS upto, sum(n) OVER (${partition}) AS total FROM ${hist}) c
      ${by ? `GROUP BY ${by}` : ''}`;
}

/** One {@link histogramQuantiles} as a scalar subquery. */
export function histogramQuantile(hist: string, q: number): string {
  return `(SELECT q FROM (${histogramQuantiles(hist, { q })}))`;
}

/** `num / den` as DOUBLE, NULL when the denominator is 0 or NULL. */
export function ratio(num: string, den: string): string {
  return `((${num})::DOUBLE / nullif(${den}, 0))`;
}

/**
 * Builds a KPI query's SQL: the period bounds, the filter conditions per table, and the bound
 * values they use, collected so that exactly the placeholders in the SQL are bound.
 */
export class KpiSql {
  /** Values to bind, filled as fragments are asked for. */
  readonly params: BoundValues = {};
  /** First day of the first month of the period (SQL DATE expression). */
  readonly lo: string;
  /** First day of the last month of the period (SQL DATE expression). */
  readonly hi: string;

  /**
   * `defaultMonths`: without `to` the period ends at the latest month with placements; without
   * `from` it spans this many months up to its end.
   */
  constructor(readonly filters: KpiFilters, defaultMonths: number) {
    if (filters.to) this.params.to = `${filters.to}-01`;
    if (filters.from) this.params.from = `${filters.from}-01`;
    this.hi = filters.to ? '$to::DATE' : '(SELECT max(month) FROM placement_monthly)';
    this.lo = filters.from ? '$from::DATE' : `(${this.hi} - INTERVAL ${Math.trunc(defaultMonths) - 1} MONTH)::DATE`;
  }

  /** The filter conditions of a table (see {@link kpiWhere}), their values recorded. */
  where(table: KpiTable, alias: string): string {
    const { sql, params } = kpiWhere(this.filters, table, alias);
    Object.assign(this.params, params);
    return sql;
  }

  /**
   * The conditions of every filter that applies to a fact table, each true when its value is not
   * given, with every value bound ('' when not given, which no filter value can be): one SQL text
   * and one set of parameter types whatever filters are given, so a served warehouse plans it once
   * per connection rather than once per combination of filters (a NULL would change a parameter's
   * type, and DuckDB plans a prepared statement again when its types change).
   */
  whereAny(table: FactTable, alias: string): string {
    return FACT_FILTERS[table].map((name) => {
      this.params[name] = this.filters[name] ?? '';
      return `($${name} = '' OR ${filterCondition(name, table, alias)})`;
    }).join(' AND ');
  }

  /** `column BETWEEN lo AND hi`, for a month column (first days of months). */
  inPeriod(column: string): string {
    return `${column} BETWEEN ${this.lo} AND ${this.hi}`;
  }

  /** SQL and the values it binds. */
  bound(sql: string): { sql: string; params: BoundValues } {
    return { sql, params: { ...this.params } };
  }
}

/** Shared column docs of the period every single-answer KPI query states. */
export const PERIOD_COLUMNS = [
  { name: 'period_from', kind: 'string', label: { es: 'Desde (mes)', en: 'From (month)' } },
  { name: 'period_to', kind: 'string', label: { es: 'Hasta (mes)', en: 'To (month)' } },
] as const;

/**
 * The policy page's views precomputed whenever a warehouse is served: for the default period,
 * the landing view and every single filter a user can pick there (each sex, age band and youth,
 * channel, province, sector and occupation group with data); and the landing view of each whole
 * calendar year before the latest. Each is merged with a query's own fixed parameters. Filters
 * a query ignores (`inert`) share its landing answer, and parts shared between queries are
 * computed once, so a sector or occupation costs only what it changes. The filter sets are read
 * once per warehouse for all the KPI queries.
 */
export function kpiWarm(own: Record<string, string> = {}): WarmSpec {
  return { params: async (w) => (await policyFilterSets(w)).map((f) => ({ ...own, ...f })) };
}

/** The single filters and calendar years of {@link kpiWarm}, read from a warehouse once. */
const policyFilterSets = oncePerWarehouse(async (w): Promise<Record<string, string>[]> => {
  const provinces = await w.rows<{ p: string }>('SELECT DISTINCT province_code AS p FROM placement_monthly ORDER BY p');
  const sectors = await w.rows<{ s: string }>('SELECT DISTINCT sector_code AS s FROM vacancy_fact ORDER BY s');
  const occupations = await w.rows<{ o: string }>('SELECT DISTINCT left(occupation_code, 1) AS o FROM vacancy_fact ORDER BY o');
  // Whole calendar years before the latest month (a period a user types often), newest first.
  const years = await w.rows<{ y: number }>(
    'SELECT DISTINCT year(month)::INTEGER AS y FROM placement_monthly WHERE year(month) < (SELECT year(max(month)) FROM placement_monthly) ORDER BY y DESC');
  return [
    {}, { sex: 'F' }, { sex: 'M' }, { age: 'youth' },
    ...provinces.map(({ p }) => ({ province: p })),
    ...AGE_BANDS.map((age) => ({ age })),
    ...KPI_CHANNELS.map((channel) => ({ channel })),
    ...sectors.map(({ s }) => ({ sector: s })),
    ...occupations.map(({ o }) => ({ occupation: o })),
    ...years.map(({ y }) => ({ from: `${y}-01`, to: `${y}-12` })),
  ];
});
