import { z } from 'zod';
import type { Columns } from '../../warehouse/warehouse.ts';
import { month, provinceCode } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { protectFirmTable, TOTAL, type FirmCell } from '../disclosure/firm-cells.ts';
import { DEFAULT_FIRM_THRESHOLDS, type FirmThresholds } from '../disclosure/suppress.ts';

/** The columns the SQL computes to decide suppression, never published. */
const DECISION_COLUMNS = ['firms', 'max_firm_positions', 'selected'] as const;

/**
 * The public parameters. A period is one whole calendar year (`from` = YYYY-01, `to` = YYYY-12):
 * with free month ranges, [a, c] minus [a, b] would publish the months after b, whose own
 * suppressed cells could then be read off; disjoint years share no figure to subtract.
 */
export const publicVacanciesParams = z
  .strictObject({
    from: month,
    to: month,
    province: provinceCode.optional(),
    sector: z.string().regex(/^[A-U]$/, 'expected a CIIU Rev.4 section letter A-U').optional(),
  })
  .refine((p) => p.from.endsWith('-01') && p.to === `${p.from.slice(0, 4)}-12`, {
    message: 'public periods are whole calendar years: from YYYY-01 to YYYY-12 of the same year',
    path: ['to'],
  });

/**
 * Protects the whole sector × province table of the year with its margins, then keeps the rows the
 * filters select and drops the columns that decided suppression. Every answer is therefore a set of
 * rows of one protected table per year, whatever the filters: combining filters reveals nothing
 * that the unfiltered answer hides.
 */
export function protectVacancies(answer: Columns, t: FirmThresholds = DEFAULT_FIRM_THRESHOLDS): Columns {
  const col = (name: string) => answer.values[answer.names.indexOf(name)] ?? [];
  const [years, sectors, provinces, positions, firms, maxFirm, selected] = ['year', 'sector', 'province', 'positions', ...DECISION_COLUMNS].map(col);
  const cells: FirmCell[] = Array.from({ length: answer.rowCount }, (_, i) => ({
    row: String(sectors![i]),
    col: String(provinces![i]),
    value: Number(positions![i]),
    firms: Number(firms![i]),
    maxFirm: Number(maxFirm![i]),
  }));
  const shown = protectFirmTable(cells, t);
  const keep = shown.map((_, i) => i).filter((i) => selected![i] === true);
  return {
    names: ['year', 'sector', 'province', 'positions', 'suppression'],
    types: ['INTEGER', 'VARCHAR', 'VARCHAR', 'INTEGER', 'VARCHAR'],
    values: [keep.map((i) => years![i]), keep.map((i) => sectors![i]), keep.map((i) => provinces![i]), keep.map((i) => shown[i]!.value), keep.map((i) => shown[i]!.reason)],
    rowCount: keep.length,
  };
}

/**
 * Positions offered in vacancies registered with the employment service in one calendar year, by
 * sector section (CIIU Rev.4 letter) and province, with the totals of each sector, of each
 * province and of the country (`*`). A public table of firms: cells with fewer than 3 firms or
 * one firm holding 80% or more are hidden, with complementary suppression through the totals.
 */
export const publicVacancies = defineQuery({
  name: 'public-vacancies',
  audience: 'public',
  title: { es: 'Puestos ofertados por sector y provincia', en: 'Positions offered by sector and province' },
  description: {
    es: 'Puestos ofertados en las vacantes registradas en el servicio de empleo durante un año calendario, por sección de la CIIU Rev.4 y provincia de la vacante, con los totales por sector, por provincia y nacional (marcados *). Se ocultan las celdas con menos de 3 empresas o en las que una sola empresa aporta el 80% o más, y otras celdas (también totales) cuando la resta permitiría deducirlas; cada celda oculta indica el motivo (few_firms, dominant_firm, complementary). El periodo es siempre un año calendario completo (de AAAA-01 a AAAA-12): rangos libres de meses permitirían deducir celdas ocultas restando periodos superpuestos.',
    en: "Positions offered in vacancies registered with the employment service in one calendar year, by ISIC Rev.4 section and the vacancy's province, with the totals per sector, per province and for the country (marked *). Cells with fewer than 3 firms or where one firm provides 80% or more are hidden, and further cells (totals too) where subtraction would reveal them; each hidden cell gives its reason (few_firms, dominant_firm, complementary). The period is always one whole calendar year (YYYY-01 to YYYY-12): free month ranges would let overlapping periods be subtracted to reveal hidden cells.",
  },
  formula: {
    es: 'puestos(a, s, p) = suma de numero de puestos de las vacantes publicadas en el año a, sector s, provincia p; s o p = * suma sobre todos',
    en: 'positions(y, s, p) = sum of positions of vacancies posted in year y in sector s and province p; s or p = * sums over all',
  },
  sources: ['vacancy'],
  params: publicVacanciesParams,
  columns: [
    { name: 'year', kind: 'integer', label: { es: 'Año', en: 'Year' } },
    { name: 'sector', kind: 'string', label: { es: 'Sector (sección CIIU, * = todos)', en: 'Sector (ISIC section, * = all)' } },
    { name: 'province', kind: 'string', label: { es: 'Provincia (* = todas)', en: 'Province (* = all)' } },
    { name: 'positions', kind: 'integer', label: { es: 'Puestos ofertados', en: 'Positions offered' } },
    { name: 'suppression', kind: 'string', label: { es: 'Motivo de ocultamiento', en: 'Suppression reason' } },
  ],
  example: { from: '2025-01', to: '2025-12' },
  // Every year the warehouse holds, whole; a province's or a sector's answer is a slice of it.
  warm: {
    params: async (w) => (await w.rows<{ y: number }>('SELECT DISTINCT year(posted_month)::INTEGER AS y FROM vacancy ORDER BY y DESC'))
      .map(({ y }) => ({ from: `${y}-01`, to: `${y}-12` })),
    splitBy: [{ param: 'province', column: 'province' }, { param: 'sector', column: 'sector' }],
  },
  protect: (answer) => protectVacancies(answer),
  build: (p) => ({
    // Integers throughout: the sums, the firm counts and the largest firm decide suppression.
    sql: `WITH per_firm AS (
        SELECT CASE WHEN grouping(sector_code) = 1 THEN '${TOTAL}' ELSE sector_code END AS sector,
               CASE WHEN grouping(province_code) = 1 THEN '${TOTAL}' ELSE province_code END AS province,
               firm_id, sum(positions)::BIGINT AS positions
        FROM vacancy
        WHERE posted_month BETWEEN $from::DATE AND $to::DATE AND positions > 0
        GROUP BY GROUPING SETS ((sector_code, province_code, firm_id), (sector_code, firm_id), (province_code, firm_id), (firm_id))
      )
      SELECT year($from::DATE)::INTEGER AS year, sector, province, sum(positions)::INTEGER AS positions,
             count(*)::INTEGER AS firms, max(positions)::INTEGER AS max_firm_positions,
             ($sector::VARCHAR IS NULL OR sector = $sector::VARCHAR) AND ($province::VARCHAR IS NULL OR province = $province::VARCHAR) AS selected
      FROM per_firm GROUP BY sector, province
      ORDER BY sector = '${TOTAL}', sector, province = '${TOTAL}', province`,
    params: { from: `${p.from}-01`, to: `${p.to}-01`, sector: p.sector ?? null, province: p.province ?? null },
  }),
});
