import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../load/load-error.ts';
import { loadFile } from '../load/load-file.ts';
import { loadFixture } from '../testing/load-fixture.ts';

const f = loadFixture('enemdu');

describe('ENEMDU persons files', () => {
  it("reads INEC's 2017 layout unchanged: CONDACTN, SECEMP, no upm, estrato or periodo", async () => {
    const path = join(f.dir, 'enemdu_personas_201703.csv');
    // The first columns of INEC's 2017 dictionary, then the derived ones, as INEC orders them.
    writeFileSync(path, '\ufeff' + [
      'area;ciudad;zona;sector;panelm;vivienda;hogar;p01;p02;p03;p07;p10a;ingrl;fexp;SECEMP;grupo1;rama1;CONDACTN',
      '1;170150;001;002;1;3;1;1;2;34;2;6;650,5;120,25;1;2;7;1',
      '1;170150;001;002;1;3;1;2;1;99;1;6;-1;120,25;;;;9',
      '2;90150;004;001;2;7;1;1;1;22;2;4;999999;310,4;2;9;1;3',
      '2;90150;004;001;2;7;1;2;2;16;1;5;;310,4;;;22;7',
    ].join('\r\n') + '\r\n');
    const report = await loadFile(f.warehouse, path, f.options);
    expect(report).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0, delimiter: ';' });
    const rows = await f.warehouse.rows(`SELECT period, person_key, province_code, age, condact, secemp, rama1, ingrl::DOUBLE AS ingrl, fexp, upm, estrato, attends
      FROM survey_person ORDER BY person_key`);
    expect(rows).toEqual([
      { period: '2017-03', person_key: '170150-001-002-1-3-1-1', province_code: '17', age: 34, condact: 1, secemp: 1, rama1: 7, ingrl: 650.5, fexp: 120.25, upm: '170150-001-002', estrato: '171', attends: false },
      { period: '2017-03', person_key: '170150-001-002-1-3-1-2', province_code: '17', age: null, condact: 9, secemp: null, rama1: null, ingrl: null, fexp: 120.25, upm: '170150-001-002', estrato: '171', attends: true },
      { period: '2017-03', person_key: '90150-004-001-2-7-1-1', province_code: '09', age: 22, condact: 3, secemp: 2, rama1: 1, ingrl: null, fexp: 310.4, upm: '90150-004-001', estrato: '092', attends: false },
      { period: '2017-03', person_key: '90150-004-001-2-7-1-2', province_code: '09', age: 16, condact: 7, secemp: null, rama1: null, ingrl: null, fexp: 310.4, upm: '90150-004-001', estrato: '092', attends: true },
    ]);
  });

  it('refuses a file that lacks a column it cannot derive, naming the column', async () => {
    const path = join(f.dir, 'enemdu_personas_201706.csv');
    writeFileSync(path, 'area;ciudad;panelm;vivienda;hogar;p01;p02;p03;condact;fexp\n1;170150;1;3;1;1;2;34;1;120,25\n');
    const error = await loadFile(f.warehouse, path, f.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ line: 1, column: 'conglomerado' });
  });
});
