import { z } from 'zod';
import type { Columns } from '../../warehouse/warehouse.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { DEFAULT_COUNT_THRESHOLDS, protectPartition } from '../disclosure/suppress.ts';

const DIMENSIONS = { province: 'province_code', sex: 'sex', age_band: 'age_band' } as const;

/**
 * Suppresses the answer of one year: the groups form one partition of the year's total; a total
 * below the threshold hides everything.
 */
function protect(answer: Columns): Columns {
  const [, groups, counts] = answer.values as [unknown[], unknown[], (number | null)[]];
  const totalIndex = groups.indexOf('total');
  const cellIndexes = groups.map((_, i) => i).filter((i) => i !== totalIndex);
  const total = counts[totalIndex] ?? 0;
  const reasons: (string | null)[] = groups.map(() => null);
  const shown = [...counts];
  if (total < DEFAULT_COUNT_THRESHOLDS.minPeople) {
    groups.forEach((_, i) => {
      if ((counts[i] ?? 0) > 0) {
        shown[i] = null;
        reasons[i] = 'primary';
      }
    });
  } else {
    protectPartition(cellIndexes.map((i) => counts[i] ?? 0)).forEach((cell, k) => {
      shown[cellIndexes[k]!] = cell.count;
      reasons[cellIndexes[k]!] = cell.reason;
    });
  }
  return {
    names: [...answer.names, 'suppression'],
    types: [...answer.types, 'VARCHAR'],
    values: [answer.values[0]!, groups, shown, reasons],
    rowCount: answer.rowCount,
  };
}

/**
 * Young people (15-29) placed by the employment service in a year, by province, sex or age band:
 * a public count of people, so small cells are suppressed (with complementary suppression) and
 * each hidden cell says why.
 */
export const youthPlacements = defineQuery({
  name: 'youth-placements',
  audience: 'public',
  title: { es: 'Colocaciones de jóvenes (15 a 29 años) por el servicio de empleo', en: 'Young people (15-29) placed by the employment service' },
  description: {
    es: 'Colocaciones de personas de 15 a 29 años en un año, por provincia, sexo o grupo de edad. Las celdas con menos de 10 personas se ocultan, y otra más cuando la resta del total permitiría deducirlas.',
    en: 'Placements of people aged 15-29 in a year, by province, sex or age band. Cells under 10 people are hidden, and one more where subtracting from the total would reveal them.',
  },
  formula: { es: 'colocaciones(a, g) = número de colocaciones con fecha en el año a de personas de 15 a 29 años del grupo g', en: 'placements(y, g) = placements dated in year y of people aged 15-29 in group g' },
  sources: ['placement_monthly'],
  params: z.strictObject({ year: z.string().regex(/^20\d{2}$/, 'expected a year').optional(), by: z.enum(['province', 'sex', 'age_band']).optional() }),
  columns: [
    { name: 'year', kind: 'integer', label: { es: 'Año', en: 'Year' } },
    { name: 'group', kind: 'string', label: { es: 'Grupo', en: 'Group' } },
    { name: 'placements', kind: 'integer', label: { es: 'Colocaciones', en: 'Placements' } },
    { name: 'suppression', kind: 'string', label: { es: 'Motivo de ocultamiento', en: 'Suppression reason' } },
  ],
  example: { by: 'province' },
  protect,
  build: (p) => {
    const dim = DIMENSIONS[p.by ?? 'province'];
    return {
      sql: `WITH y AS (SELECT coalesce($year::INTEGER, year((SELECT max(month) FROM placement_monthly))) AS year),
        youth AS (SELECT p.${dim} AS g, sum(p.placements)::INTEGER AS n FROM placement_monthly p, y
          WHERE year(p.month) = y.year AND p.age_band IN ('15-17', '18-24', '25-29') GROUP BY 1)
        SELECT (SELECT year FROM y)::INTEGER AS year, g AS "group", n AS placements FROM youth
        UNION ALL SELECT (SELECT year FROM y)::INTEGER, 'total', (SELECT coalesce(sum(n), 0) FROM youth)::INTEGER
        ORDER BY 2`,
      params: { year: p.year ?? null },
    };
  },
});
