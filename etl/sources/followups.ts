import type { SourceContract } from '../contract/source-contract.ts';
import { column, date, id } from './columns.ts';

/** Follow-up of placements at 1, 3 and 6 months (seguimientos): `seguimientos.csv`. */
export const followups: SourceContract = {
  id: 'followups',
  fileNames: ['seguimientos'],
  title: { es: 'Seguimientos de colocaciones', en: 'Placement follow-ups' },
  table: 'followup',
  naturalKey: ['placement_id', 'months_after'],
  columns: [
    id('id_colocacion', { es: 'Colocación seguida', en: 'Placement followed up' }),
    column('meses', { type: 'code', values: { '1': '1', '3': '3', '6': '6' } }, { es: 'Meses después de la colocación: 1, 3 o 6', en: 'Months after placement: 1, 3 or 6' }),
    date('fecha_seguimiento', { es: 'Fecha del seguimiento', en: 'Follow-up date' }),
    column('sigue_empleado', { type: 'boolean' }, { es: 'Sigue en el empleo (S/N)', en: 'Still employed (Y/N)' }),
  ],
  checks: [
    { column: 'id_colocacion', failsWhen: 'NOT EXISTS (SELECT 1 FROM placement c WHERE c.placement_id = s.id_colocacion)', reason: 'colocacion_desconocida: la colocación no está registrada' },
    { column: 'fecha_seguimiento', failsWhen: 'EXISTS (SELECT 1 FROM placement c WHERE c.placement_id = s.id_colocacion AND s.fecha_seguimiento < c.placed_on)', reason: 'seguimiento_anterior: el seguimiento es anterior a la colocación' },
  ],
  insert: `s.id_colocacion, s.meses::TINYINT, s.fecha_seguimiento, s.sigue_empleado`,
};
