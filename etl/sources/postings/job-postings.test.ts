import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../warehouse/testing/shared-data.ts';
import { loadFile } from '../../load/load-file.ts';
import { loadFixture } from '../../testing/load-fixture.ts';

const f = loadFixture('postings');
const file2018 = sharedData('mexico/portal-empleo-postings-2018-08.csv');
const file2020 = sharedData('mexico/portal-empleo-postings-2020-08.csv');

describe('job postings', () => {
  it('classifies titles by the rules and normalises daily salaries to monthly, hand-checked', async () => {
    const path = join(f.dir, 'portal-empleo-postings-2019-01.csv');
    writeFileSync(path, [
      'date,offer,salary,state,municipality',
      '2019-01-03 10:00:00,Ayudante General,4000,Jalisco,Guadalajara',
      '2019-01-04 10:00:00,auxiliar contable,300,Jalisco,Zapopan',
      '2019-01-05 10:00:00,Ingeniero Industrial,,Nuevo León,Monterrey',
      '2019-01-06 10:00:00,astronauta,9000,Nuevo León,Monterrey',
      'ayer,cajera,5000,Sonora,Hermosillo',
    ].join('\n'));
    const report = await loadFile(f.warehouse, path, f.options);
    expect(report).toMatchObject({ rowsRead: 5, rowsLoaded: 4, rowsRejected: 1, summary: { postings: 4, unclassified_pct: 25 } });
    expect(await f.warehouse.rows("SELECT title, occupation_code, salary_monthly, salary_basis FROM job_posting WHERE period = '2019-01' ORDER BY posted_on")).toEqual([
      { title: 'Ayudante General', occupation_code: '9', salary_monthly: '4000.00', salary_basis: 'monthly' },
      { title: 'auxiliar contable', occupation_code: '3', salary_monthly: '9120.00', salary_basis: 'daily' },
      { title: 'Ingeniero Industrial', occupation_code: '2', salary_monthly: null, salary_basis: null },
      { title: 'astronauta', occupation_code: null, salary_monthly: '9000.00', salary_basis: 'monthly' },
    ]);
  });

  describe.skipIf(!file2018 || !file2020)("the real files of Mexico's Portal del Empleo", () => {
    it('load both layouts, every row accounted for, most titles classified', async () => {
      for (const [file, rows] of [[file2018!, 36_795], [file2020!, 10_173]] as const) {
        const r = await loadFile(f.warehouse, file, f.options);
        expect(r.rowsRead, file).toBe(rows);
        expect(r.rowsLoaded + r.rowsRejected).toBe(rows);
        expect(r.rowsRejected).toBeLessThan(10);
        expect(Number(r.summary!.unclassified_pct)).toBeLessThan(20);
      }
      const common = await f.warehouse.rows<{ title: string; occupation_code: string }>(
        "SELECT DISTINCT title, occupation_code FROM job_posting WHERE title IN ('ayudante general', 'guardia seguridad', 'auxiliar contable', 'chofer repartidor', 'medico general') ORDER BY title",
      );
      expect(common).toEqual([
        { title: 'auxiliar contable', occupation_code: '3' },
        { title: 'ayudante general', occupation_code: '9' },
        { title: 'chofer repartidor', occupation_code: '8' },
        { title: 'guardia seguridad', occupation_code: '5' },
        { title: 'medico general', occupation_code: '2' },
      ]);
      const [min] = await f.warehouse.rows<{ m: number }>("SELECT min(salary_monthly)::DOUBLE AS m FROM job_posting WHERE period = '2018-08'");
      expect(min!.m).toBeGreaterThanOrEqual(2650);
    });
  });
});
