import type { SourceContract } from '../contract/source-contract.ts';
import { column } from './columns.ts';

const int = (header: string, min: number, max: number, es: string, en: string, required = true) =>
  column(header, { type: 'integer', min, max }, { es, en }, { required });

/**
 * INEC's ENEMDU persons file as distributed (`;`, decimal comma, BOM): the columns Faro reads.
 * Codes that mean "not reported" (p03 99, ingrl -1 and 999999, rama1 22, grupo1 99) become
 * missing values, never amounts.
 */
export const surveyPersons: SourceContract = {
  id: 'survey-persons',
  fileNames: ['enemdu_personas', 'enemdu_persona', 'enemdu'],
  title: { es: 'ENEMDU — personas (INEC)', en: 'ENEMDU labour force survey — persons (INEC)' },
  table: 'survey_person',
  naturalKey: ['period', 'person_key'],
  replaceScope: ['period'],
  columns: [
    int('area', 1, 2, 'Área: 1 urbana, 2 rural', 'Area: 1 urban, 2 rural'),
    column('ciudad', { type: 'text', maxLength: 6, pattern: '^[0-9]{5,6}$', patternDoc: 'código DPA de 6 dígitos (provincia, cantón, parroquia)' }, { es: 'Ciudad (parroquia DPA, 6 dígitos)', en: 'City (DPA parish, 6 digits)' }),
    { ...column('conglomerado', { type: 'text', maxLength: 30 }, { es: 'Conglomerado', en: 'Cluster' }),
      whenMissing: { sql: "raw.zona || '-' || raw.sector", doc: { es: 'archivos hasta 2019: zona-sector', en: 'files up to 2019: zona-sector' } } },
    column('panelm', { type: 'text', maxLength: 12 }, { es: 'Panel de muestreo', en: 'Sample panel' }, { required: false }),
    column('vivienda', { type: 'text', maxLength: 6 }, { es: 'Vivienda', en: 'Dwelling' }),
    column('hogar', { type: 'text', maxLength: 4 }, { es: 'Hogar', en: 'Household' }),
    column('p01', { type: 'text', maxLength: 4 }, { es: 'Número de la persona en el hogar', en: 'Person number in the household' }),
    int('p02', 1, 2, 'Sexo: 1 hombre, 2 mujer', 'Sex: 1 male, 2 female'),
    int('p03', 0, 99, 'Edad en años (98 = 98 y más, 99 = no informa)', 'Age in years (98 = 98+, 99 = not reported)'),
    int('p07', 1, 2, 'Asiste a clases: 1 sí, 2 no', 'Attends school: 1 yes, 2 no', false),
    int('p10a', 1, 10, 'Nivel de instrucción', 'Level of instruction', false),
    { ...int('condact', 0, 9, 'Condición de actividad (0-9)', 'Activity condition (0-9)'), aliases: ['condactn'] },
    int('secemp', 1, 4, 'Sectorización: 1 formal, 2 informal, 3 doméstico, 4 no clasificado', 'Sector: 1 formal, 2 informal, 3 domestic, 4 not classified', false),
    int('rama1', 1, 22, 'Rama de actividad CIIU Rev.4 (22 = no especificado)', 'ISIC Rev.4 section number (22 = not specified)', false),
    int('grupo1', 1, 99, 'Grupo de ocupación CIUO-08 (99 = no especificado)', 'ISCO-08 major group (99 = not specified)', false),
    column('ingrl', { type: 'decimal', min: -1, max: 999_999 }, { es: 'Ingreso laboral (-1 y 999999 son códigos)', en: 'Labour income (-1 and 999999 are codes)' }, { required: false }),
    column('fexp', { type: 'decimal', min: 0.000001, max: 1_000_000 }, { es: 'Factor de expansión', en: 'Expansion weight' }),
    { ...column('upm', { type: 'text', maxLength: 30 }, { es: 'Unidad primaria de muestreo', en: 'Primary sampling unit' }),
      whenMissing: { sql: "raw.ciudad || '-' || raw.zona || '-' || raw.sector", doc: { es: 'archivos sin upm: ciudad-zona-sector, el sector censal', en: 'files without upm: ciudad-zona-sector, the census sector' } } },
    { ...column('estrato', { type: 'text', maxLength: 20 }, { es: 'Estrato', en: 'Stratum' }),
      whenMissing: { sql: "left(lpad(raw.ciudad, 6, '0'), 2) || raw.area", doc: { es: 'archivos sin estrato: provincia x área (una aproximación del diseño)', en: 'files without estrato: province x area (an approximation of the design)' } } },
    { ...column('periodo', { type: 'text', maxLength: 6, pattern: '^(19|20)[0-9]{2}(0[1-9]|1[0-2])$', patternDoc: 'AAAAMM' }, { es: 'Periodo de la encuesta (AAAAMM)', en: 'Survey period (YYYYMM)' }),
      whenMissing: { fileNamePattern: '((?:19|20)[0-9]{2}(?:0[1-9]|1[0-2]))', doc: { es: 'archivos sin periodo: el AAAAMM del nombre del archivo', en: 'files without periodo: the YYYYMM in the file name' } } },
    int('p42', 1, 10, 'Categoría de ocupación: 1 empleado de gobierno, 2 empleado privado, 3 tercerizado, 4 jornalero o peón, 5 patrono, 6 cuenta propia, 7 no remunerado del hogar, 8 no remunerado en otro hogar, 9 ayudante no remunerado, 10 empleado doméstico',
      'Category of occupation: 1 government employee, 2 private employee, 3 outsourced, 4 day labourer, 5 employer, 6 own account, 7 unpaid family worker, 8 unpaid in another household, 9 unpaid helper, 10 domestic employee', false),
  ],
  checks: [],
  insert: `substr(s.periodo, 1, 4) || '-' || substr(s.periodo, 5, 2),
    concat_ws('-', s.ciudad, s.conglomerado, s.panelm, s.vivienda, s.hogar, s.p01),
    s.area, left(lpad(s.ciudad, 6, '0'), 2), s.p02, CASE WHEN s.p03 = 99 THEN NULL ELSE s.p03 END, s.condact, s.secemp,
    CASE WHEN s.rama1 = 22 THEN NULL ELSE s.rama1 END, CASE WHEN s.grupo1 = 99 THEN NULL ELSE s.grupo1 END,
    CASE WHEN s.ingrl IN (-1, 999999) THEN NULL ELSE s.ingrl END, s.p10a,
    CASE s.p07 WHEN 1 THEN true WHEN 2 THEN false END, s.fexp, s.upm, s.estrato, s.p42`,
};
