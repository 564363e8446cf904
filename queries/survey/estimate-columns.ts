import type { ColumnDoc, Text } from '../catalogue/query-definition.ts';

/** The breakdown columns every survey estimate carries (NULL where the answer is not broken down by it). */
export const BREAKDOWN_COLUMNS: readonly ColumnDoc[] = [
  { name: 'period', kind: 'string', label: { es: 'Periodo', en: 'Period' } },
  { name: 'sex', kind: 'string', label: { es: 'Sexo', en: 'Sex' } },
  { name: 'area', kind: 'string', label: { es: 'Área', en: 'Area' } },
  { name: 'province_code', kind: 'string', label: { es: 'Provincia', en: 'Province' } },
  { name: 'age_group', kind: 'string', label: { es: 'Grupo de edad', en: 'Age group' } },
  { name: 'sector', kind: 'string', label: { es: 'Rama (CIIU)', en: 'Industry (ISIC)' } },
  { name: 'occupation', kind: 'string', label: { es: 'Ocupación (CIUO)', en: 'Occupation (ISCO)' } },
  { name: 'employment_type', kind: 'string', label: { es: 'Sector de empleo', en: 'Sector of employment' } },
  { name: 'employment_status', kind: 'string', label: { es: 'Categoría de ocupación', en: 'Category of occupation' } },
];

/**
 * The columns of a survey estimate with its precision, as `surveySql` and `surveyCompositionSql`
 * answer them; the estimate, n and denominator are labelled by the query.
 */
export function estimateColumns(labels: { estimate: Text; n: Text; denominator: Text }): readonly ColumnDoc[] {
  return [
    ...BREAKDOWN_COLUMNS,
    { name: 'estimate', kind: 'number', label: labels.estimate },
    { name: 'se', kind: 'number', label: { es: 'Error estándar', en: 'Standard error' } },
    { name: 'cv', kind: 'number', label: { es: 'Coeficiente de variación', en: 'Coefficient of variation' } },
    { name: 'ci_low', kind: 'number', label: { es: 'IC 95 % inferior', en: '95% CI low' } },
    { name: 'ci_high', kind: 'number', label: { es: 'IC 95 % superior', en: '95% CI high' } },
    { name: 'n', kind: 'integer', label: labels.n },
    { name: 'weighted_denominator', kind: 'number', label: labels.denominator },
    { name: 'flag', kind: 'string', label: { es: 'Calidad', en: 'Quality' } },
  ];
}
