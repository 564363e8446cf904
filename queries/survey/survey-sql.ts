import { WEIGHT_SCALE as SCALE, weightSql } from '../../warehouse/survey-weight.ts';
import { DIMENSIONS, type Dimension, type Indicator } from './indicators.ts';
import { qualityFlagSql, type QualityThresholds } from './quality.ts';

const ALL_DIMS = Object.keys(DIMENSIONS) as Dimension[];
const COLUMN: Record<Dimension, string> = {
  sex: 'sex', area: 'area', province: 'province_code', age_group: 'age_group', sector: 'sector', occupation: 'occupation', employment_type: 'employment_type',
  employment_status: 'employment_status',
};
const DIM_COLUMNS = ALL_DIMS.map((d) => COLUMN[d]);
const G = ['period', ...DIM_COLUMNS].join(', ');
/** The weight of a person in whole millionths: weighted totals are exact, the same on every run. */
const WEIGHT = weightSql('p.fexp');

/** The grouping columns, qualified by a table alias. */
const qualified = (alias: string) => ['period', ...DIM_COLUMNS].map((c) => `${alias}.${c}`).join(', ');

/** The breakdown columns of `base`: the dimension when asked for, '*' otherwise ('unknown' for a missing value). */
function groupColumns(by: readonly Dimension[]): string {
  return ALL_DIMS.map((d) => `${by.includes(d) ? `coalesce(${DIMENSIONS[d]}, 'unknown')` : "'*'"} AS ${COLUMN[d]}`).join(', ');
}

/**
 * CTEs `est` (Y, X, n per group) and `var` (the Taylor-linearised variance per group) over a CTE
 * `base(period, estrato, upm, w, <groups>, y, x)` of integer weights and values, for a ratio Y/X
 * (`rate`) or a total Y (in millionths, as the weights). Domains are estimated as domains: a PSU
 * without members of a group still counts in its stratum's n_h, with z = 0. Strata with one PSU
 * contribute nothing (no within-stratum variance can be estimated from a single PSU).
 *
 * A PSU's linearised value is z = (y_p − R x_p) / X, so a stratum's Σz and Σz² are worked out from
 * the exact integer sums Σy_p, Σx_p, Σy_p², Σy_p·x_p and Σx_p², and the strata are added in the
 * order of their codes: the variance too is the same on every run.
 */
function varianceCtes(kind: 'rate' | 'total', count = kind === 'rate' ? 'sum(x)' : 'sum(y)'): string {
  const [sz, szz] = kind === 'rate'
    ? ['(z.sy - e.Y / e.X * z.sx) / e.X', '(z.syy - 2 * (e.Y / e.X) * z.sxy + (e.Y / e.X) * (e.Y / e.X) * z.sxx) / (e.X::DOUBLE * e.X)']
    : ['z.sy::DOUBLE', 'z.syy::DOUBLE'];
  return `strata AS (SELECT period, estrato, count(DISTINCT upm)::DOUBLE AS nh FROM base GROUP BY period, estrato),
  est AS (
    SELECT ${G}, sum(w * y) AS Y, sum(w * x) AS X, ${count}::INTEGER AS n
    FROM base GROUP BY ${G} HAVING sum(x) > 0
  ),
  psu AS (SELECT ${G}, estrato, upm, sum(w * y) AS yp, sum(w * x) AS xp FROM base GROUP BY ${G}, estrato, upm),
  zs AS (
    SELECT ${G}, estrato, sum(yp) AS sy, sum(xp) AS sx, sum(yp * yp) AS syy, sum(yp * xp) AS sxy, sum(xp * xp) AS sxx
    FROM psu GROUP BY ${G}, estrato
  ),
  var AS (
    SELECT ${G}, sum(CASE WHEN s.nh > 1 THEN s.nh / (s.nh - 1) * (t.szz - t.sz * t.sz / s.nh) ELSE 0 END ORDER BY estrato) AS v
    FROM (SELECT ${qualified('z')}, z.estrato, ${sz} AS sz, ${szz} AS szz FROM zs z JOIN est e USING (${G})) t
    JOIN strata s USING (period, estrato)
    GROUP BY ${G}
  )`;
}

/** The final SELECT: estimate, SE, CV, 95% CI, n and the quality flag; unpublished cells show no figures. */
function publish(estimate: string, se: string, ciLow: string, ciHigh: string, q: QualityThresholds, from: string): string {
  const cv = `(${se}) / nullif(abs(${estimate}), 0)`;
  const flag = qualityFlagSql('r.n', cv, q);
  const shown = (v: string) => `CASE WHEN flag <> 'not_published' THEN ${v} END`;
  return `SELECT period, ${DIM_COLUMNS.map((c) => `nullif(${c}, '*') AS ${c}`).join(', ')}, ${shown('estimate')} AS estimate, ${shown('se')} AS se, ${shown('cv')} AS cv,
      ${shown('ci_low')} AS ci_low, ${shown('ci_high')} AS ci_high, n, ${shown('weighted_denominator')} AS weighted_denominator, flag
    FROM (SELECT r.*, ${estimate} AS estimate, ${se} AS se, ${cv} AS cv, ${ciLow} AS ci_low, ${ciHigh} AS ci_high, ${flag} AS flag FROM ${from} r)
    ORDER BY ${G}`;
}

/** Builds the SQL estimating an indicator by period and the given breakdown; `$period` may be NULL. */
export function surveySql(ind: Indicator, by: readonly Dimension[], q: QualityThresholds): string {
  const where = `($period::VARCHAR IS NULL OR p.period = $period::VARCHAR)`;
  const inDenominator = `(${ind.domain}) AND (${ind.denominator})`;
  if (ind.kind !== 'median') {
    return `WITH base AS (
      SELECT p.period, p.estrato, p.upm, ${WEIGHT} AS w, ${groupColumns(by)},
        CASE WHEN ${inDenominator} AND (${ind.numerator}) THEN 1 ELSE 0 END AS y,
        CASE WHEN ${inDenominator} THEN 1 ELSE 0 END AS x
      FROM survey_person p WHERE ${where}
    ),
    ${varianceCtes(ind.kind)}
    ${publish(
      ind.kind === 'rate' ? 'r.Y / r.X' : `r.Y / ${SCALE}`,
      ind.kind === 'rate' ? 'sqrt(r.v)' : `sqrt(r.v) / ${SCALE}`,
      ind.kind === 'rate' ? 'greatest(0, r.Y / r.X - 1.96 * sqrt(r.v))' : `(r.Y - 1.96 * sqrt(r.v)) / ${SCALE}`,
      ind.kind === 'rate' ? 'least(1, r.Y / r.X + 1.96 * sqrt(r.v))' : `(r.Y + 1.96 * sqrt(r.v)) / ${SCALE}`,
      q,
      `(SELECT e.*, v.v, e.X / ${SCALE} AS weighted_denominator FROM est e JOIN var v USING (${G}))`,
    )}`;
  }
  // Woodruff: the linearised SE of the share below the median gives an interval on the
  // probability scale, read back through the weighted distribution function.
  return `WITH persons AS (
      SELECT p.period, p.estrato, p.upm, ${WEIGHT} AS w, ${groupColumns(by)}, ${ind.value} AS value,
        CASE WHEN ${inDenominator} THEN 1 ELSE 0 END AS x
      FROM survey_person p WHERE ${where}
    ),
    cdf AS (
      SELECT ${G}, value, sum(w) OVER (PARTITION BY ${G} ORDER BY value ROWS UNBOUNDED PRECEDING) / sum(w) OVER (PARTITION BY ${G}) AS F
      FROM persons WHERE x = 1
    ),
    med AS (SELECT ${G}, min(value) FILTER (WHERE F >= 0.5) AS m FROM cdf GROUP BY ${G}),
    base AS (
      SELECT ${qualified('p')}, p.estrato, p.upm, p.w, p.x,
        CASE WHEN p.x = 1 AND p.value <= med.m THEN 1 ELSE 0 END AS y
      FROM persons p LEFT JOIN med USING (${G})
    ),
    ${varianceCtes('rate')},
    bounds AS (
      SELECT ${qualified('c')},
        coalesce(min(c.value) FILTER (WHERE c.F >= 0.5 - 1.96 * sqrt(v.v)), min(c.value)) AS lo,
        coalesce(min(c.value) FILTER (WHERE c.F >= 0.5 + 1.96 * sqrt(v.v)), max(c.value)) AS hi
      FROM cdf c JOIN var v USING (${G}) GROUP BY ALL
    )
    ${publish('r.m', '(r.hi - r.lo) / (2 * 1.96)', 'r.lo', 'r.hi', q,
      `(SELECT e.*, med.m, b.lo, b.hi, e.X / ${SCALE} AS weighted_denominator FROM est e JOIN med USING (${G}) JOIN bounds b USING (${G}))`)}`;
}

/**
 * Builds the SQL estimating the composition of a population by one dimension (`of`): for each
 * category c, the share R_c = Σ w·[cat = c] / Σ w over the population, with the same Taylor
 * linearisation as a rate (every person counts in every category's denominator; persons whose
 * category is unknown form the category 'unknown', so the shares add up to 1). Optionally by
 * other dimensions, each group a domain. `$period` may be NULL.
 */
export function surveyCompositionSql(population: string, of: Dimension, by: readonly Dimension[], q: QualityThresholds): string {
  const where = `($period::VARCHAR IS NULL OR p.period = $period::VARCHAR)`;
  const others = by.filter((d) => d !== of);
  // Linearisation needs only PSU totals: z_hi = (Y_hic − R_c X_hi) / X, so the persons are summed
  // per PSU (and category) first, and every PSU of the population meets every category.
  const same = DIM_COLUMNS.map((c) => `pc.${c} = t.${c}`).join(' AND ');
  const columns = ALL_DIMS.map((d) => (d === of ? `c.cat AS ${COLUMN[d]}` : `t.${COLUMN[d]}`)).join(', ');
  return `WITH pop AS (
      SELECT p.period, p.estrato, p.upm, ${WEIGHT} AS w, ${groupColumns(others)}, coalesce(${DIMENSIONS[of]}, 'unknown') AS cat
      FROM survey_person p WHERE ${where} AND (${population})
    ),
    psu_total AS (SELECT period, estrato, upm, ${DIM_COLUMNS.join(', ')}, sum(w) AS xw, count(*) AS xn FROM pop GROUP BY ALL),
    psu_cat AS (SELECT period, estrato, upm, ${DIM_COLUMNS.join(', ')}, cat, sum(w) AS yw FROM pop GROUP BY ALL),
    cats AS (SELECT DISTINCT period, cat FROM pop),
    base AS (
      SELECT t.period, t.estrato, t.upm, 1 AS w, ${columns}, coalesce(pc.yw, 0) AS y, t.xw AS x, t.xn AS m
      FROM psu_total t JOIN cats c USING (period)
        LEFT JOIN psu_cat pc ON pc.period = t.period AND pc.estrato = t.estrato AND pc.upm = t.upm AND ${same} AND pc.cat = c.cat
    ),
    ${varianceCtes('rate', 'sum(m)')}
    ${publish('r.Y / r.X', 'sqrt(r.v)', 'greatest(0, r.Y / r.X - 1.96 * sqrt(r.v))', 'least(1, r.Y / r.X + 1.96 * sqrt(r.v))', q,
      `(SELECT e.*, v.v, e.X / ${SCALE} AS weighted_denominator FROM est e JOIN var v USING (${G}))`)}`;
}
