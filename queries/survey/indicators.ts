import type { Text } from '../catalogue/query-definition.ts';

/** How an indicator is estimated. */
export type IndicatorKind = 'rate' | 'total' | 'median';

/**
 * One survey indicator, as SQL over a `survey_person` row aliased `p`: for a rate, the share of
 * `denominator` persons that meet `numerator`; for a total, the weighted count of `numerator`
 * persons; for a median, the weighted median of `value` over `denominator` persons. `domain`
 * restricts everything (an age range).
 */
export interface Indicator {
  id: string;
  kind: IndicatorKind;
  numerator: string;
  denominator: string;
  value?: string;
  domain: string;
  title: Text;
  formula: Text;
}

const EMPLOYED = 'p.condact BETWEEN 1 AND 6';
const LABOUR_FORCE = 'p.condact BETWEEN 1 AND 8';
const WORKING_AGE = 'p.condact BETWEEN 1 AND 9';
const UNEMPLOYED = 'p.condact IN (7, 8)';
const NEET = `NOT (${EMPLOYED}) AND p.attends = false`;
const ALL = 'true';

/** The indicators of the observatory, with INEC's condact grouping (employed 1-6, labour force 1-8, working age 1-9). */
export const INDICATORS: readonly Indicator[] = [
  { id: 'working_age_population', kind: 'total', numerator: WORKING_AGE, denominator: ALL, domain: ALL,
    title: { es: 'Población en edad de trabajar', en: 'Working-age population' },
    formula: { es: 'PET = Σ fexp de las personas de 15 años y más (condact 1-9)', en: 'WAP = Σ fexp over persons aged 15+ (condact 1-9)' } },
  { id: 'labour_force', kind: 'total', numerator: LABOUR_FORCE, denominator: ALL, domain: ALL,
    title: { es: 'Población económicamente activa', en: 'Labour force' },
    formula: { es: 'PEA = Σ fexp de las personas con condact 1-8', en: 'LF = Σ fexp over persons with condact 1-8' } },
  { id: 'participation_rate', kind: 'rate', numerator: LABOUR_FORCE, denominator: WORKING_AGE, domain: ALL,
    title: { es: 'Tasa de participación global', en: 'Labour force participation rate' },
    formula: { es: 'PEA / PET', en: 'LF / WAP' } },
  { id: 'employment_rate', kind: 'rate', numerator: EMPLOYED, denominator: WORKING_AGE, domain: ALL,
    title: { es: 'Tasa de empleo', en: 'Employment-to-population ratio' },
    formula: { es: 'Empleados (condact 1-6) / PET', en: 'Employed (condact 1-6) / WAP' } },
  { id: 'adequate_employment_rate', kind: 'rate', numerator: 'p.condact = 1', denominator: LABOUR_FORCE, domain: ALL,
    title: { es: 'Tasa de empleo adecuado', en: 'Adequate employment rate' },
    formula: { es: 'Empleo adecuado (condact 1) / PEA', en: 'Adequate employment (condact 1) / LF' } },
  { id: 'underemployment_rate', kind: 'rate', numerator: 'p.condact IN (2, 3)', denominator: LABOUR_FORCE, domain: ALL,
    title: { es: 'Tasa de subempleo', en: 'Underemployment rate' },
    formula: { es: 'Subempleo por horas o ingresos (condact 2-3) / PEA', en: 'Time- or income-related underemployment (condact 2-3) / LF' } },
  { id: 'unemployment_rate', kind: 'rate', numerator: UNEMPLOYED, denominator: LABOUR_FORCE, domain: ALL,
    title: { es: 'Tasa de desempleo', en: 'Unemployment rate' },
    formula: { es: 'Desempleo abierto y oculto (condact 7-8) / PEA', en: 'Open and hidden unemployment (condact 7-8) / LF' } },
  { id: 'informality_rate', kind: 'rate', numerator: 'p.secemp = 2', denominator: `${EMPLOYED} AND p.secemp IS NOT NULL`, domain: ALL,
    title: { es: 'Tasa de empleo informal', en: 'Informal employment rate' },
    formula: { es: 'Empleados en el sector informal (secemp 2) / empleados con sector conocido', en: 'Employed in the informal sector (secemp 2) / employed with known sector' } },
  { id: 'youth_unemployment_15_24', kind: 'rate', numerator: UNEMPLOYED, denominator: LABOUR_FORCE, domain: 'p.age BETWEEN 15 AND 24',
    title: { es: 'Desempleo juvenil (15 a 24 años)', en: 'Youth unemployment (15-24)' },
    formula: { es: 'Desempleados de 15-24 / PEA de 15-24', en: 'Unemployed aged 15-24 / LF aged 15-24' } },
  { id: 'youth_unemployment_18_29', kind: 'rate', numerator: UNEMPLOYED, denominator: LABOUR_FORCE, domain: 'p.age BETWEEN 18 AND 29',
    title: { es: 'Desempleo juvenil (18 a 29 años)', en: 'Youth unemployment (18-29)' },
    formula: { es: 'Desempleados de 18-29 / PEA de 18-29', en: 'Unemployed aged 18-29 / LF aged 18-29' } },
  { id: 'neet_15_24', kind: 'rate', numerator: NEET, denominator: 'p.attends IS NOT NULL', domain: 'p.age BETWEEN 15 AND 24',
    title: { es: 'Jóvenes que no estudian ni tienen empleo (15 a 24)', en: 'Young people not in employment or education (15-24)' },
    formula: { es: 'Personas de 15-24 sin empleo que no asisten a clases / personas de 15-24', en: 'Persons aged 15-24 neither employed nor attending school / persons aged 15-24' } },
  { id: 'neet_18_29', kind: 'rate', numerator: NEET, denominator: 'p.attends IS NOT NULL', domain: 'p.age BETWEEN 18 AND 29',
    title: { es: 'Jóvenes que no estudian ni tienen empleo (18 a 29)', en: 'Young people not in employment or education (18-29)' },
    formula: { es: 'Personas de 18-29 sin empleo que no asisten a clases / personas de 18-29', en: 'Persons aged 18-29 neither employed nor attending school / persons aged 18-29' } },
  { id: 'median_labour_income', kind: 'median', numerator: ALL, denominator: `${EMPLOYED} AND p.ingrl IS NOT NULL`, value: 'p.ingrl::DOUBLE', domain: ALL,
    title: { es: 'Mediana del ingreso laboral mensual (USD)', en: 'Median monthly labour income (USD)' },
    formula: { es: 'Mediana ponderada de ingrl entre los empleados que lo declaran', en: 'Weighted median of ingrl among employed persons reporting it' } },
];

/** Finds an indicator by id. */
export function indicatorById(id: string): Indicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}

/** Dimensions an estimate may be broken down by, and their SQL over `p`. */
export const DIMENSIONS = {
  sex: "CASE p.sex WHEN 1 THEN 'M' WHEN 2 THEN 'F' END",
  area: "CASE p.area WHEN 1 THEN 'urban' WHEN 2 THEN 'rural' END",
  province: 'p.province_code',
  age_group: `CASE WHEN p.age < 15 THEN '0-14' WHEN p.age < 18 THEN '15-17' WHEN p.age < 25 THEN '18-24' WHEN p.age < 30 THEN '25-29'
    WHEN p.age < 45 THEN '30-44' WHEN p.age < 65 THEN '45-64' WHEN p.age IS NOT NULL THEN '65+' END`,
  /** CIIU Rev.4 section letter from ENEMDU's section number (rama1 1-21). */
  sector: 'CASE WHEN p.rama1 BETWEEN 1 AND 21 THEN chr(64 + p.rama1) END',
  /** CIUO-08 major group (grupo1 1-10; 10, the armed forces, is group 0). */
  occupation: "CASE WHEN p.grupo1 = 10 THEN '0' WHEN p.grupo1 BETWEEN 1 AND 9 THEN p.grupo1::VARCHAR END",
  /** INEC's sector of employment (secemp): formal, informal, domestic work, not classified. */
  employment_type: "CASE p.secemp WHEN 1 THEN 'formal' WHEN 2 THEN 'informal' WHEN 3 THEN 'domestic' WHEN 4 THEN 'not_classified' END",
  /** INEC's category of occupation (p42): the kind of job and its terms. */
  employment_status: `CASE WHEN p.p42 = 1 THEN 'government' WHEN p.p42 = 2 THEN 'private' WHEN p.p42 = 3 THEN 'outsourced' WHEN p.p42 = 4 THEN 'day_labourer'
    WHEN p.p42 = 5 THEN 'employer' WHEN p.p42 = 6 THEN 'own_account' WHEN p.p42 IN (7, 8, 9) THEN 'unpaid' WHEN p.p42 = 10 THEN 'domestic' END`,
} as const;

/** A breakdown dimension. */
export type Dimension = keyof typeof DIMENSIONS;
