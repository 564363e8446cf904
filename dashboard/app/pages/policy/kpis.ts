import type { PolicyKey } from './messages.ts';

/** A text in both languages. */
export interface Text {
  es: string;
  en: string;
}

/** How a KPI's value reads: a count, a share, or a number of days. */
export type KpiKind = 'count' | 'share' | 'days';

/** One headline KPI of the policy dashboard: a column of the `kpi-summary` answer, explained. */
export interface Kpi {
  column: string;
  section: PolicyKey;
  kind: KpiKind;
  label: Text;
  formula: Text;
}

/** The headline KPIs, in the order the page shows them, with the formulas of `queries/kpi`. */
export const KPIS: readonly Kpi[] = [
  { column: 'registrations', section: 'sectionSeekers', kind: 'count',
    label: { es: 'Registros', en: 'Registrations' },
    formula: { es: 'Registros de personas buscadoras con fecha de registro en el periodo (oficina de registro).', en: 'Job-seeker records registered in the period (office of registration).' } },
  { column: 'active_seekers', section: 'sectionSeekers', kind: 'count',
    label: { es: 'Personas activas', en: 'Active seekers' },
    formula: { es: 'Personas distintas registradas en los 12 meses hasta el fin del periodo y sin colocación desde su registro hasta el último día del periodo.', en: 'Distinct persons registered in the 12 months up to the end of the period with no placement from registration to the last day of the period.' } },
  { column: 'seekers_attended', section: 'sectionSeekers', kind: 'count',
    label: { es: 'Personas atendidas', en: 'Seekers attended' },
    formula: { es: 'Personas distintas con al menos un evento de servicio (consejería, entrevista, taller, feria, portal) en el periodo.', en: 'Distinct persons with at least one service event (counselling, interview, workshop, fair, portal) in the period.' } },
  { column: 'median_days_to_first_service', section: 'sectionSeekers', kind: 'days',
    label: { es: 'Días hasta el primer servicio (mediana)', en: 'Days to first service (median)' },
    formula: { es: 'Mediana (quantile_cont) de los días entre el registro y el primer evento de servicio, entre quienes se registraron en el periodo.', en: 'Median (quantile_cont) of the days from registration to the first service event, among persons registered in the period.' } },
  { column: 'referrals', section: 'sectionPlacements', kind: 'count',
    label: { es: 'Derivaciones', en: 'Referrals' },
    formula: { es: 'Personas enviadas a una vacante, con fecha de derivación en el periodo.', en: 'Persons sent to a vacancy, referred in the period.' } },
  { column: 'placements', section: 'sectionPlacements', kind: 'count',
    label: { es: 'Colocaciones', en: 'Placements' },
    formula: { es: 'Colocaciones con fecha en el periodo; pertenecen a la oficina y provincia de la vacante.', en: 'Placements dated in the period; they belong to the office and province of the vacancy.' } },
  { column: 'placement_rate', section: 'sectionPlacements', kind: 'share',
    label: { es: 'Tasa de colocación', en: 'Placement rate' },
    formula: { es: 'Colocaciones / personas atendidas en el periodo (puede superar 100 % en una oficina que coloca a personas atendidas en otra).', en: 'Placements / persons attended in the period (may exceed 100% in an office placing people attended elsewhere).' } },
  { column: 'persons_placed_per_registered', section: 'sectionPlacements', kind: 'share',
    label: { es: 'Personas colocadas / registradas', en: 'Persons placed / registered' },
    formula: { es: 'Personas distintas colocadas / personas distintas registradas en el periodo.', en: 'Distinct persons placed / distinct persons registered in the period.' } },
  { column: 'median_days_to_placement', section: 'sectionPlacements', kind: 'days',
    label: { es: 'Días del registro a la colocación (mediana)', en: 'Days from registration to placement (median)' },
    formula: { es: 'Mediana de los días entre el registro de la persona y su colocación, para las colocaciones del periodo (P75 al lado).', en: "Median of the days from the person's registration to the placement, for placements in the period (P75 beside it)." } },
  { column: 'vacancies', section: 'sectionVacancies', kind: 'count',
    label: { es: 'Vacantes publicadas', en: 'Vacancies posted' },
    formula: { es: 'Vacantes con fecha de publicación en el periodo (los puestos, al lado).', en: 'Vacancies posted in the period (positions beside it).' } },
  { column: 'fill_rate', section: 'sectionVacancies', kind: 'share',
    label: { es: 'Tasa de cobertura', en: 'Fill rate' },
    formula: { es: 'Σ min(colocaciones, puestos) de cada vacante / Σ puestos, para las vacantes publicadas en el periodo.', en: 'Σ min(placements, positions) per vacancy / Σ positions, for vacancies posted in the period.' } },
  { column: 'median_days_to_fill', section: 'sectionVacancies', kind: 'days',
    label: { es: 'Días para cubrir (mediana)', en: 'Days to fill (median)' },
    formula: { es: 'Mediana de los días entre la publicación y la primera colocación (P75 al lado).', en: 'Median of the days from posting to the first placement (P75 beside it).' } },
  { column: 'share_open_30d', section: 'sectionVacancies', kind: 'share',
    label: { es: 'Abiertas después de 30 días', en: 'Still open after 30 days' },
    formula: { es: 'Vacantes sin colocación ni cierre 30 días después de publicadas / vacantes publicadas con 30 días observables.', en: 'Vacancies with no placement and not closed 30 days after posting / vacancies posted with 30 observable days.' } },
  { column: 'retention_3m', section: 'sectionFollowup', kind: 'share',
    label: { es: 'Permanencia a 3 meses', en: 'Retention at 3 months' },
    formula: { es: 'Seguimientos a 3 meses con la persona aún empleada / seguimientos a 3 meses, entre colocaciones con 3 meses observables.', en: '3-month follow-ups with the person still employed / 3-month follow-ups, among placements old enough to be observed.' } },
  { column: 'retention_6m', section: 'sectionFollowup', kind: 'share',
    label: { es: 'Permanencia a 6 meses', en: 'Retention at 6 months' },
    formula: { es: 'Igual que a 3 meses, con los seguimientos a 6 meses.', en: 'As at 3 months, with the 6-month follow-ups.' } },
  { column: 'followup_completion', section: 'sectionFollowup', kind: 'share',
    label: { es: 'Seguimientos realizados', en: 'Follow-ups completed' },
    formula: { es: 'Seguimientos hechos / seguimientos debidos (a 1, 3 y 6 meses) de las colocaciones del periodo.', en: 'Follow-ups done / follow-ups due (at 1, 3 and 6 months) for placements in the period.' } },
];

/** The companion figure shown beside a KPI (P75 beside a median, positions beside vacancies). */
export const COMPANIONS: Readonly<Record<string, { column: string; label: Text; kind: KpiKind }>> = {
  median_days_to_placement: { column: 'p75_days_to_placement', label: { es: 'P75', en: 'P75' }, kind: 'days' },
  median_days_to_fill: { column: 'p75_days_to_fill', label: { es: 'P75', en: 'P75' }, kind: 'days' },
  vacancies: { column: 'positions', label: { es: 'puestos', en: 'positions' }, kind: 'count' },
  placements: { column: 'persons_placed', label: { es: 'personas', en: 'persons' }, kind: 'count' },
};
