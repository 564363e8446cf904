import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { territoryCode, weight, perTerritory } from './market-params.ts';
import { inTerritory } from './market-sql.ts';
import { reweightSectors } from './reweight-sectors.ts';
import { DEFAULT_SECTOR_WEIGHTS as W, sectorScoreCtes } from './sector-score-sql.ts';

/** Documented columns shared by the sector ranking. */
const num = (name: string, es: string, en: string) => ({ name, kind: 'number' as const, label: { es, en } });

/**
 * Sectors of a territory ranked for employer outreach by an explainable score: specialisation
 * (LQ), growth against the nation (competitive effect), tightness and youth hiring, each
 * normalised, weighted and shown as a contribution; the score is their sum. Reason codes say
 * why in words the interface translates.
 */
export const targetSectors = defineQuery({
  name: 'target-sectors',
  audience: 'policy',
  title: { es: 'Sectores prioritarios para la concertación', en: 'Priority sectors for employer outreach' },
  description: {
    es: `Sectores (secciones CIIU) con actividad en el territorio, ordenados por un puntaje explicable: especialización (CL de vacantes), crecimiento (efecto competitivo de las vacantes frente a los mismos meses un año antes), tensión (puestos abiertos frente a buscadores activos al cierre del periodo) y contratación de jóvenes (15-29 años entre las colocaciones). Cada componente se normaliza entre 0 (el sector más bajo del territorio) y 1 (el más alto) y se multiplica por su peso (por defecto w_lq ${W.lq}, w_growth ${W.growth}, w_tightness ${W.tightness}, w_youth ${W.youth}); el puntaje es la suma de las contribuciones. reasons: códigos de motivo.`,
    en: `Sectors (CIIU sections) active in the territory, ranked by an explainable score: specialisation (LQ of vacancies), growth (competitive effect of vacancies against the same months a year earlier), tightness (open positions against active seekers at the period’s end) and youth hiring (people aged 15-29 among placements). Each component is normalised between 0 (the territory’s lowest sector) and 1 (the highest) and multiplied by its weight (defaults w_lq ${W.lq}, w_growth ${W.growth}, w_tightness ${W.tightness}, w_youth ${W.youth}); the score is the sum of the contributions. reasons: reason codes.`,
  },
  formula: {
    es: 'puntaje = Σ_k w_k · (x_k − min x_k) / (max x_k − min x_k); x = CL de vacantes, efecto competitivo, puestos/(puestos + buscadores), proporción de jóvenes; componente ausente o constante = 0',
    en: 'score = Σ_k w_k · (x_k − min x_k) / (max x_k − min x_k); x = LQ of vacancies, competitive effect, positions/(positions + seekers), youth share; a missing or constant component = 0',
  },
  sources: ['market_month', 'market_stock', 'vacancy_fact', 'seeker_fact', 'referral_fact', 'placement_fact', 'fact_bounds'],
  params: z.strictObject({
    territory: territoryCode, from: month.optional(), to: month.optional(),
    w_lq: weight.optional(), w_growth: weight.optional(), w_tightness: weight.optional(), w_youth: weight.optional(),
  }),
  columns: [
    { name: 'rank', kind: 'integer', label: { es: 'Puesto', en: 'Rank' } },
    { name: 'sector_code', kind: 'string', label: { es: 'Sector (sección CIIU)', en: 'Sector (CIIU section)' } },
    { name: 'vacancies', kind: 'integer', label: { es: 'Vacantes en el periodo', en: 'Vacancies in the period' } },
    { name: 'vacancies_year_before', kind: 'integer', label: { es: 'Vacantes un año antes', en: 'Vacancies a year before' } },
    num('lq_vacancies', 'Cociente de localización de las vacantes', 'Location quotient of vacancies'),
    num('competitive_effect', 'Efecto competitivo (vacantes)', 'Competitive effect (vacancies)'),
    { name: 'open_positions', kind: 'integer', label: { es: 'Puestos abiertos', en: 'Open positions' } },
    { name: 'active_seekers', kind: 'integer', label: { es: 'Buscadores activos', en: 'Active seekers' } },
    num('tightness_share', 'Puestos / (puestos + buscadores)', 'Positions / (positions + seekers)'),
    { name: 'placements', kind: 'integer', label: { es: 'Colocaciones en el periodo', en: 'Placements in the period' } },
    num('youth_share', 'Proporción de jóvenes (15-29) en las colocaciones', 'Share of young people (15-29) among placements'),
    num('lq_norm', 'Especialización normalizada', 'Specialisation, normalised'),
    num('growth_norm', 'Crecimiento normalizado', 'Growth, normalised'),
    num('tightness_norm', 'Tensión normalizada', 'Tightness, normalised'),
    num('youth_norm', 'Jóvenes, normalizado', 'Youth hiring, normalised'),
    num('lq_contribution', 'Aporte de la especialización', 'Contribution of specialisation'),
    num('growth_contribution', 'Aporte del crecimiento', 'Contribution of growth'),
    num('tightness_contribution', 'Aporte de la tensión', 'Contribution of tightness'),
    num('youth_contribution', 'Aporte de los jóvenes', 'Contribution of youth hiring'),
    num('score', 'Puntaje', 'Score'),
    { name: 'reasons', kind: 'string', label: { es: 'Motivos (códigos)', en: 'Reasons (codes)' } },
  ],
  example: { territory: '17' },
  // The outreach page's analysis of each province, precomputed when a warehouse is served.
  warm: perTerritory({ w_lq: '0.35', w_growth: '0.3', w_tightness: '0.2', w_youth: '0.15' }),
  // New weights reuse the components of the answer under the default weights, when it is at hand.
  reuse: {
    base: (p) => ({ ...p, w_lq: W.lq, w_growth: W.growth, w_tightness: W.tightness, w_youth: W.youth }),
    derive: (base, p) => reweightSectors(base, { lq: p.w_lq ?? W.lq, growth: p.w_growth ?? W.growth, tightness: p.w_tightness ?? W.tightness, youth: p.w_youth ?? W.youth }),
  },
  build: (p) => ({
    sql: `WITH ${sectorScoreCtes(inTerritory, { lq: '$w_lq::DOUBLE', growth: '$w_growth::DOUBLE', tightness: '$w_tightness::DOUBLE', youth: '$w_youth::DOUBLE' }, p.to === undefined)}
      SELECT row_number() OVER (ORDER BY score DESC, sector_code)::INTEGER AS rank, sector_code, e1::INTEGER AS vacancies, e0::INTEGER AS vacancies_year_before,
        lq_vacancies, competitive_effect, open_positions, active_seekers, tightness_share, placements, youth_share,
        lq_norm, growth_norm, tightness_norm, youth_norm, lq_contribution, growth_contribution, tightness_contribution, youth_contribution, score, reasons
      FROM scored ORDER BY rank`,
    params: {
      territory: p.territory,
      c_from: monthStart(p.from), c_to: monthStart(p.to), b_from: null, b_to: null, at: monthStart(p.to),
      w_lq: p.w_lq ?? W.lq, w_growth: p.w_growth ?? W.growth, w_tightness: p.w_tightness ?? W.tightness, w_youth: p.w_youth ?? W.youth,
    },
  }),
});
