import type { PseudonymKey } from '../etl/privacy/pseudonym-key.ts';
import { pseudonym } from '../etl/sources/sql-fragments.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/**
 * Times the least work that writes what the placements load writes: the file read as text, the
 * keyed pseudonym of each distinct seeker, the vacancy and the seeker joined, and the 15 columns
 * written sorted by date, in two statements, with no check, no reject record, no line number and
 * no duplicate search. It runs in `w` (which must hold the seekers and vacancies) into a table that
 * is dropped after. Returns milliseconds: the floor under the budgeted ETL figure.
 */
export async function timePlacementsFloor(w: Warehouse, file: string, key: PseudonymKey): Promise<{ mapMs: number; writeMs: number }> {
  const csv = `read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true)`;
  return w.session(async (s) => {
    const t0 = performance.now();
    await s.run(
      `CREATE TEMP TABLE floor_seekers AS SELECT d.id_buscador, p.seeker_id, p.sex, p.age_band
       FROM (SELECT DISTINCT id_buscador FROM ${csv}) d JOIN seeker p ON p.seeker_id = ${pseudonym("'buscador:' || d.id_buscador")}`,
      { key_inner: key.inner, key_outer: key.outer },
    );
    const t1 = performance.now();
    await s.run(`CREATE TABLE placement_floor AS
      SELECT r.id_colocacion AS placement_id, m.seeker_id, r.id_vacante AS vacancy_id, r.fecha_colocacion::DATE AS placed_on,
        date_trunc('month', placed_on)::DATE AS month, v.office_code, v.province_code, v.canton_code, v.sector_code, v.occupation_code,
        m.sex, m.age_band, r.salario::DECIMAL(12, 2) AS wage, r.canal AS channel, 1 AS load_id
      FROM ${csv} r JOIN vacancy v ON v.vacancy_id = r.id_vacante JOIN floor_seekers m ON m.id_buscador = r.id_buscador
      ORDER BY placed_on`);
    const t2 = performance.now();
    await s.run('DROP TABLE placement_floor');
    await s.run('DROP TABLE floor_seekers');
    await s.run('CHECKPOINT');
    return { mapMs: t1 - t0, writeMs: t2 - t1 };
  });
}
