import type { SourceContract } from '../../contract/source-contract.ts';
import { column } from '../columns.ts';
import { occupationSql } from './occupation-rules.ts';

const text = (header: string, maxLength: number, es: string, en: string, required = false) =>
  column(header, { type: 'text', maxLength }, { es, en }, { required });
const postedOn = 'TRY_CAST(left(coalesce(s.isodate, s.date), 10) AS DATE)';

/** Salaries below this are read as daily wages (Mexico's monthly minimum wage is far above it). */
export const DAILY_SALARY_BELOW = 1000;

/**
 * Job postings in the layout of Mexico's Portal del Empleo (SNE) exports: the 2018 files carry
 * `date`, the 2020 files `isodate` and more columns; both load. Titles are classified into
 * CIUO-08 major groups by `OCCUPATION_RULES`; salaries, published as monthly pesos, are kept as
 * monthly, and a value below {@link DAILY_SALARY_BELOW} is taken as daily and multiplied by 30.4.
 */
export const jobPostings: SourceContract = {
  id: 'job-postings',
  fileNames: ['portal-empleo-postings', 'vacantes_portal', 'postings'],
  title: { es: 'Ofertas de empleo publicadas (Portal del Empleo, México)', en: 'Published job postings (Portal del Empleo, Mexico)' },
  table: 'job_posting',
  naturalKey: ['posting_key'],
  replaceScope: ['period'],
  columns: [
    column('date', { type: 'text', maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}.*$', patternDoc: 'AAAA-MM-DD con hora opcional' }, { es: 'Fecha y hora de publicación (archivos de 2018)', en: 'Publication timestamp (2018 files)' }, { required: false }),
    column('isodate', { type: 'text', maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}.*$', patternDoc: 'AAAA-MM-DD' }, { es: 'Fecha de publicación (archivos de 2020)', en: 'Publication date (2020 files)' }, { required: false }),
    text('offer', 300, 'Título de la oferta', 'Posting title', true),
    column('salary', { type: 'decimal', min: 0, max: 10_000_000 }, { es: 'Salario ofrecido (pesos mexicanos)', en: 'Salary offered (Mexican pesos)' }, { required: false }),
    text('contract_type', 120, 'Tipo de contrato', 'Contract type'),
    column('hours_worked', { type: 'decimal', min: 0, max: 24 }, { es: 'Horas por día', en: 'Hours per day' }, { required: false }),
    column('days_worked', { type: 'integer', min: 0, max: 7 }, { es: 'Días por semana', en: 'Days per week' }, { required: false }),
    text('state', 80, 'Estado', 'State', true),
    text('municipality', 120, 'Municipio', 'Municipality'),
    text('education_level', 120, 'Escolaridad requerida', 'Education required'),
    text('experience', 120, 'Experiencia requerida', 'Experience required'),
  ],
  checks: [
    { column: 'date', failsWhen: `${postedOn} IS NULL`, reason: 'fecha_invalida: falta la fecha de publicación (date o isodate)' },
    { column: 'date', failsWhen: `${postedOn} > $today::DATE`, reason: 'fecha_futura: la fecha es posterior a la fecha de carga' },
  ],
  insert: `strftime(${postedOn}, '%Y-%m') || ':' || s.__line, strftime(${postedOn}, '%Y-%m'), ${postedOn}, s.offer,
    ${occupationSql('s.offer', 'code')}, ${occupationSql('s.offer', 'label')},
    CASE WHEN s.salary < ${DAILY_SALARY_BELOW} THEN round(s.salary * 30.4, 2) ELSE s.salary END,
    CASE WHEN s.salary IS NULL THEN NULL WHEN s.salary < ${DAILY_SALARY_BELOW} THEN 'daily' ELSE 'monthly' END,
    'MXN', s.contract_type, s.hours_worked, s.days_worked, s.state, s.municipality, s.education_level, s.experience`,
  summarySql: `SELECT count(*)::INTEGER AS postings, round(100.0 * count(*) FILTER (occupation_code IS NULL) / nullif(count(*), 0), 1)::DOUBLE AS unclassified_pct FROM ready`,
};
