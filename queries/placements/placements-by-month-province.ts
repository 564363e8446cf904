import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { month, monthStart, provinceCode } from '../catalogue/params.ts';

/**
 * Placements per month and province. Without a range it covers the 24 months up to the latest
 * month with placements.
 */
export const placementsByMonthProvince = defineQuery({
  name: 'placements-by-month-province',
  audience: 'policy',
  title: { es: 'Colocaciones por mes y provincia', en: 'Placements by month and province' },
  description: {
    es: 'Número de colocaciones registradas por el servicio de empleo, por mes de colocación y provincia de la vacante.',
    en: "Number of placements recorded by the employment service, by month of placement and the vacancy's province (names come from the provinces query).",
  },
  formula: {
    es: 'colocaciones(m, p) = número de registros de colocación con fecha en el mes m y vacante en la provincia p',
    en: 'placements(m, p) = count of placement records dated in month m for a vacancy in province p',
  },
  sources: ['placement_monthly'],
  params: z.strictObject({ from: month.optional(), to: month.optional(), province: provinceCode.optional() }),
  columns: [
    { name: 'month', kind: 'string', label: { es: 'Mes', en: 'Month' } },
    { name: 'province_code', kind: 'string', label: { es: 'Código de provincia', en: 'Province code' } },
    { name: 'placements', kind: 'integer', label: { es: 'Colocaciones', en: 'Placements' } },
  ],
  // The policy page's landing view, precomputed when a warehouse is served.
  warm: { params: [{}] },
  build: (p) => ({
    sql: `WITH agg AS (
        SELECT month, province_code, sum(placements)::INTEGER AS placements
        FROM placement_monthly
        WHERE month BETWEEN coalesce($from::DATE, (SELECT max(month) FROM placement_monthly) - INTERVAL 23 MONTH)
                        AND coalesce($to::DATE, (SELECT max(month) FROM placement_monthly))
          AND ($province::VARCHAR IS NULL OR province_code = $province::VARCHAR)
        GROUP BY month, province_code
      )
      SELECT strftime(month, '%Y-%m') AS month, province_code, placements FROM agg ORDER BY month, province_code`,
    params: { from: monthStart(p.from), to: monthStart(p.to), province: p.province ?? null },
  }),
});
