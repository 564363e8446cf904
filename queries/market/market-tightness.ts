import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { territoryCode, perTerritory } from './market-params.ts';
import { ACTIVE_MONTHS, END_CTE, inTerritory, marketStockCte } from './market-sql.ts';

/** Open positions per active seeker at or above which firms lack candidates. */
export const TIGHT = 1;
/** Open positions per active seeker at or below which seekers lack vacancies (3 or more seekers per position). */
export const SLACK = 1 / 3;

/** The flag of a tightness ratio, as SQL over `pos` (open positions) and `seekers`. */
export function tightnessFlagSql(pos: string, seekers: string): string {
  return `CASE WHEN ${pos} = 0 AND ${seekers} = 0 THEN NULL
    WHEN ${pos} >= ${TIGHT} * ${seekers} THEN 'firms_lack_candidates'
    WHEN ${pos} * 3 <= ${seekers} THEN 'seekers_lack_vacancies' ELSE 'balanced' END`;
}

/**
 * Labour-market tightness in a territory at a month's end, by sector or by occupation: open
 * positions per active seeker and its reverse, flagged when firms lack candidates or seekers
 * lack vacancies; a first row `*` for all sectors or occupations together.
 */
export const marketTightness = defineQuery({
  name: 'market-tightness',
  audience: 'policy',
  title: { es: 'Tensión del mercado laboral local', en: 'Local labour-market tightness' },
  description: {
    es: `Al cierre del mes (por defecto, el último mes con vacantes), en el territorio, por sección CIIU o gran grupo CIUO: vacantes y puestos abiertos (publicados en los ${ACTIVE_MONTHS} meses previos y sin cerrar), personas buscadoras activas (registradas o derivadas en esos meses y no colocadas después; su sector y ocupación son los de las vacantes a las que fueron derivadas), puestos por buscador y buscadores por puesto. La fila * suma todo el territorio (incluye buscadores aún sin derivación).`,
    en: `At the month’s end (by default the latest month with vacancies), in the territory, by CIIU section or CIUO major group: open vacancies and positions (posted in the previous ${ACTIVE_MONTHS} months and not closed), active seekers (registered or referred in those months and not placed since; their sector and occupation are those of the vacancies they were referred to), positions per seeker and seekers per position. Row * is the whole territory (it includes seekers not yet referred).`,
  },
  formula: {
    es: 'tensión = puestos abiertos / buscadores activos; ≥ 1: faltan candidatos (firms_lack_candidates); ≤ 1/3: faltan vacantes (seekers_lack_vacancies); si no: balanced',
    en: 'tightness = open positions / active seekers; ≥ 1: firms lack candidates (firms_lack_candidates); ≤ 1/3: seekers lack vacancies (seekers_lack_vacancies); otherwise balanced',
  },
  sources: ['market_stock', 'vacancy_fact', 'seeker_fact', 'referral_fact', 'placement_fact', 'fact_bounds'],
  params: z.strictObject({ territory: territoryCode, at: month.optional(), by: z.enum(['sector', 'occupation']).optional() }),
  columns: [
    { name: 'by', kind: 'string', label: { es: 'Desglose', en: 'Breakdown' } },
    { name: 'code', kind: 'string', label: { es: 'Sector u ocupación (* = todos)', en: 'Sector or occupation (* = all)' } },
    { name: 'at', kind: 'string', label: { es: 'Cierre del mes', en: 'Month end' } },
    { name: 'open_vacancies', kind: 'integer', label: { es: 'Vacantes abiertas', en: 'Open vacancies' } },
    { name: 'open_positions', kind: 'integer', label: { es: 'Puestos abiertos', en: 'Open positions' } },
    { name: 'active_seekers', kind: 'integer', label: { es: 'Buscadores activos', en: 'Active seekers' } },
    { name: 'positions_per_seeker', kind: 'number', label: { es: 'Puestos por buscador', en: 'Positions per seeker' } },
    { name: 'seekers_per_position', kind: 'number', label: { es: 'Buscadores por puesto', en: 'Seekers per position' } },
    { name: 'flag', kind: 'string', label: { es: 'Señal', en: 'Signal' } },
  ],
  example: { territory: '17', by: 'sector' },
  // The outreach page's analysis of each province, precomputed when a warehouse is served.
  warm: perTerritory({ by: 'sector' }),
  build: (p) => {
    const kind = p.by === 'occupation' ? 'occupation' : 'sector';
    return {
      // Without a month, the end of the data: its stock was kept when the facts were rebuilt.
      sql: `WITH ${END_CTE}, ${marketStockCte(inTerritory('s'), ['total', kind], p.at === undefined)},
      j AS (
        SELECT '*' AS code, coalesce(sum(open_vacancies), 0) AS nv, coalesce(sum(open_positions), 0) AS np, coalesce(sum(seekers), 0) AS ns
        FROM stock WHERE kind = 'total'
        UNION ALL
        SELECT code, sum(open_vacancies), sum(open_positions), sum(seekers) FROM stock WHERE kind = '${kind}' GROUP BY code
      )
      SELECT $by::VARCHAR AS by, j.code, strftime(e.d, '%Y-%m-%d') AS at, j.nv::INTEGER AS open_vacancies, j.np::INTEGER AS open_positions,
        j.ns::INTEGER AS active_seekers, j.np / nullif(j.ns, 0)::DOUBLE AS positions_per_seeker, j.ns / nullif(j.np, 0)::DOUBLE AS seekers_per_position,
        ${tightnessFlagSql('j.np', 'j.ns')} AS flag
      FROM j, e
      ORDER BY j.code <> '*', j.code`,
      params: { territory: p.territory, at: monthStart(p.at), by: p.by ?? 'sector' },
    };
  },
});
