import type { ColumnDoc } from '../catalogue/query-definition.ts';
import { SURVEY_PERIOD_CTE, WINDOW_CTE, inTerritory, type Dimension } from './market-sql.ts';

/**
 * SQL of a territory's profile against the nation by a breakdown (sector or occupation):
 * employed people (survey, weighted, in the territory's province), vacancies, positions and
 * placements (registry, in the territory, summed from `market_month`), each one's share of the territory's and of the
 * nation's total, and the location quotients of employment and of vacancies.
 * Binds `$territory`, `$from`, `$to`.
 */
export function locationQuotientSql(dim: Dimension): string {
  const k = dim.column;
  return `WITH ${WINDOW_CTE}, ${SURVEY_PERIOD_CTE},
  emp AS (
    SELECT ${dim.survey} AS k, sum(employed) FILTER (WHERE province_code = left($territory::VARCHAR, 2)) AS et, sum(employed) AS en
    FROM survey_employed p, sp
    WHERE p.period = sp.period AND ${dim.survey} IS NOT NULL
    GROUP BY k
  ),
  vac AS (
    SELECT code AS k, sum(vacancies) FILTER (WHERE ${inTerritory()}) AS vt, sum(vacancies) AS vn,
      sum(positions) FILTER (WHERE ${inTerritory()}) AS post, sum(positions) AS posn
    FROM market_month, win WHERE kind = '${dim.kind}' AND month BETWEEN win.f AND win.t GROUP BY k HAVING sum(vacancies) > 0
  ),
  pl AS (
    SELECT code AS k, sum(placements) FILTER (WHERE ${inTerritory()}) AS plt, sum(placements) AS pln
    FROM market_month, win WHERE kind = '${dim.kind}' AND month BETWEEN win.f AND win.t GROUP BY k HAVING sum(placements) > 0
  ),
  j AS (
    SELECT k, coalesce(emp.et, 0)::DOUBLE AS et, coalesce(emp.en, 0)::DOUBLE AS en,
      coalesce(vac.vt, 0)::INTEGER AS vt, coalesce(vac.vn, 0)::INTEGER AS vn,
      coalesce(vac.post, 0)::INTEGER AS post, coalesce(vac.posn, 0)::INTEGER AS posn,
      coalesce(pl.plt, 0)::INTEGER AS plt, coalesce(pl.pln, 0)::INTEGER AS pln
    FROM (SELECT k FROM emp UNION SELECT k FROM vac UNION SELECT k FROM pl) keys
    LEFT JOIN emp USING (k) LEFT JOIN vac USING (k) LEFT JOIN pl USING (k)
  ),
  tot AS (SELECT sum(et) AS ET, sum(en) AS EN, sum(vt) AS VT, sum(vn) AS VN, sum(plt) AS PLT, sum(pln) AS PLN FROM j)
  SELECT j.k AS ${k}, sp.period AS survey_period, left($territory::VARCHAR, 2) AS survey_province,
    j.et AS employed_territory, j.en AS employed_nation,
    j.vt AS vacancies_territory, j.vn AS vacancies_nation, j.post AS positions_territory, j.posn AS positions_nation,
    j.plt AS placements_territory, j.pln AS placements_nation,
    j.et / nullif(tot.ET, 0) AS employment_share_territory, j.en / nullif(tot.EN, 0) AS employment_share_nation,
    j.vt / nullif(tot.VT, 0)::DOUBLE AS vacancy_share_territory, j.vn / nullif(tot.VN, 0)::DOUBLE AS vacancy_share_nation,
    j.plt / nullif(tot.PLT, 0)::DOUBLE AS placement_share_territory, j.pln / nullif(tot.PLN, 0)::DOUBLE AS placement_share_nation,
    (j.et / nullif(tot.ET, 0)) / nullif(j.en / nullif(tot.EN, 0), 0) AS lq_employment,
    (j.vt / nullif(tot.VT, 0)::DOUBLE) / nullif(j.vn / nullif(tot.VN, 0)::DOUBLE, 0) AS lq_vacancies
  FROM j, tot, sp
  ORDER BY j.k`;
}

/** The answer columns of {@link locationQuotientSql}, the first named after the breakdown. */
export function locationQuotientColumns(dim: Dimension, first: ColumnDoc['label']): ColumnDoc[] {
  const c = (name: string, kind: ColumnDoc['kind'], es: string, en: string): ColumnDoc => ({ name, kind, label: { es, en } });
  return [
    { name: dim.column, kind: 'string', label: first },
    c('survey_period', 'string', 'Periodo de la encuesta', 'Survey period'),
    c('survey_province', 'string', 'Provincia de la encuesta', 'Survey province'),
    c('employed_territory', 'number', 'Ocupados en el territorio (ponderado)', 'Employed in the territory (weighted)'),
    c('employed_nation', 'number', 'Ocupados en el país (ponderado)', 'Employed in the nation (weighted)'),
    c('vacancies_territory', 'integer', 'Vacantes en el territorio', 'Vacancies in the territory'),
    c('vacancies_nation', 'integer', 'Vacantes en el país', 'Vacancies in the nation'),
    c('positions_territory', 'integer', 'Puestos en el territorio', 'Positions in the territory'),
    c('positions_nation', 'integer', 'Puestos en el país', 'Positions in the nation'),
    c('placements_territory', 'integer', 'Colocaciones en el territorio', 'Placements in the territory'),
    c('placements_nation', 'integer', 'Colocaciones en el país', 'Placements in the nation'),
    c('employment_share_territory', 'number', 'Participación en el empleo del territorio', 'Share of the territory’s employment'),
    c('employment_share_nation', 'number', 'Participación en el empleo del país', 'Share of the nation’s employment'),
    c('vacancy_share_territory', 'number', 'Participación en las vacantes del territorio', 'Share of the territory’s vacancies'),
    c('vacancy_share_nation', 'number', 'Participación en las vacantes del país', 'Share of the nation’s vacancies'),
    c('placement_share_territory', 'number', 'Participación en las colocaciones del territorio', 'Share of the territory’s placements'),
    c('placement_share_nation', 'number', 'Participación en las colocaciones del país', 'Share of the nation’s placements'),
    c('lq_employment', 'number', 'Cociente de localización del empleo', 'Location quotient of employment'),
    c('lq_vacancies', 'number', 'Cociente de localización de las vacantes', 'Location quotient of vacancies'),
  ];
}
