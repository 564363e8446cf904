import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWarehouse } from '../../warehouse/publish.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { makeCedula } from '../privacy/cedula.ts';
import { pseudonymKey } from '../privacy/pseudonym-key.ts';
import { LoadError } from './load-error.ts';
import { loadFile } from './load-file.ts';
import { loadFiles } from './load-files.ts';

const key = pseudonymKey('a test key that is long enough');
const now = new Date('2026-10-15T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'faro-load-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
};

const CED_A = makeCedula('170100001');
const CED_B = makeCedula('090200002');
const CED_C = makeCedula('010300003');

let w: Warehouse;
const dbPath = join(dir, 'faro.duckdb');

beforeAll(async () => {
  w = await Warehouse.open({ path: dbPath, access: 'write' });
  await prepareWarehouse(w);
  await loadFiles(w, [
    file('oficinas.csv', ['codigo_oficina,nombre_oficina,codigo_canton', 'OF-1701,Quito Norte,1701', 'OF-0901,Guayaquil Centro,0901']),
    file('buscadores.csv', [
      'id_buscador,cedula,nombres,apellidos,fecha_nacimiento,sexo,discapacidad,nivel_instruccion,codigo_canton,codigo_oficina,fecha_registro',
      `B1,${CED_A},María José,Quishpe Andrango,2003-05-10,M,N,BACHILLERATO,1701,OF-1701,2024-01-15`,
      `B2,${CED_B},Carlos,Mendoza Vera,1990-11-30,H,S,SUPERIOR,0901,OF-0901,2024-02-01`,
      `B3,${CED_C},Ana,Pérez,1985-01-01,M,,,0901,OF-0901,2024-03-01`,
    ]),
    file('empresas.csv', [
      'ruc,razon_social,codigo_ciiu,numero_trabajadores,codigo_canton,codigo_oficina,fecha_registro',
      '1790012345001,"Comercial Andina, S.A.",G4711,8,1701,OF-1701,2020-01-01',
      '0990012345001,Agrícola del Guayas,A0111,120,0901,OF-0901,2019-06-01',
    ]),
    file('vacantes.csv', [
      'id_vacante,ruc_empresa,codigo_oficina,fecha_publicacion,fecha_cierre,numero_puestos,codigo_ciuo,codigo_canton,salario_ofrecido',
      'V1,1790012345001,OF-1701,2024-03-01,2024-03-20,2,5223,1701,470.00',
      'V2,0990012345001,OF-0901,2024-04-01,,5,9211,0901,460',
    ]),
  ], { now, key });
});

afterAll(() => {
  w.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadFile', () => {
  it('loads valid rows with pseudonyms, bands and the grouping columns', async () => {
    const seekers = await w.rows<Record<string, unknown>>('SELECT seeker_id, age_at_reg, age_band, sex, province_code, disability FROM seeker ORDER BY registered_on');
    expect(seekers).toHaveLength(3);
    expect(seekers[0]).toMatchObject({ seeker_id: key.pseudonym('buscador:B1'), age_at_reg: 20, age_band: '18-24', sex: 'F', province_code: '17', disability: false });
    expect(seekers[1]).toMatchObject({ age_at_reg: 33, age_band: '30-44', sex: 'M', disability: true });
    const vacancy = await w.rows<Record<string, unknown>>("SELECT sector_code, occupation_code, province_code, posted_month::VARCHAR AS m FROM vacancy WHERE vacancy_id = 'V2'");
    expect(vacancy[0]).toEqual({ sector_code: 'A', occupation_code: '9', province_code: '09', m: '2024-04-01' });
  });

  it('rejects each bad row with its line, column and reason, and reconciles the counts', async () => {
    const path = file('colocaciones.csv', [
      'id_colocacion,id_vacante,id_buscador,fecha_colocacion,salario,canal',
      'P1,V1,B1,2024-03-18,470,CONSEJERIA', // line 2: valid
      'P2,V2,B2,2024-13-01,460,PORTAL', //       line 3: bad date
      'P3,V9,B2,2024-04-10,460,PORTAL', //       line 4: unknown vacancy
      'P4,V2,B2,2024-04-10,460', //               line 5: missing column
      'P5,V2,B3,2024-04-12,1.234,FERIA', //       line 6: valid, decimal point
      'P6,V2,B3,2027-01-01,460,FERIA', //         line 7: after the load date
      'P5,V2,B2,2024-04-13,460,TALLER', //        line 8: duplicate id
      'P7,V2,B2,2024-04-14,abc,TELEPATIA', //     line 9: two bad values
    ]);
    const report = await loadFile(w, path, { now, key });
    expect(report).toMatchObject({ status: 'loaded', rowsRead: 8, rowsLoaded: 2, rowsRejected: 6 });
    expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsRejected);
    const rejects = await w.rows<{ line: number; column_name: string; reason: string }>(
      'SELECT line::INTEGER AS line, column_name, reason FROM load_reject WHERE load_id = ? ORDER BY line, column_name', [report.loadId],
    );
    const byLine = rejects.map((r) => `${r.line}:${r.column_name}:${r.reason.split(':')[0]}`);
    expect(byLine).toEqual([
      '3:fecha_colocacion:fecha_invalida',
      '4:id_vacante:vacante_desconocida',
      expect.stringMatching(/^5:.*:faltan_columnas$/),
      '7:fecha_colocacion:fecha_futura',
      '8:placement_id:duplicado',
      '9:canal:codigo_invalido',
      '9:salario:no_numerico',
    ]);
    const placed = await w.rows<Record<string, unknown>>('SELECT placement_id, sex, age_band, province_code, sector_code, channel, wage FROM placement ORDER BY placement_id');
    expect(await w.rows('SELECT sum(placements)::INTEGER AS n FROM placement_monthly')).toEqual([{ n: 2 }]);
    expect(placed).toEqual([
      { placement_id: 'P1', sex: 'F', age_band: '18-24', province_code: '17', sector_code: 'G', channel: 'counselling', wage: '470.00' },
      { placement_id: 'P5', sex: 'F', age_band: '30-44', province_code: '09', sector_code: 'A', channel: 'job_fair', wage: '1.23' },
    ]);
  });

  it('changes nothing when the same bytes are loaded again', async () => {
    const path = join(dir, 'colocaciones.csv');
    const before = await w.rows('SELECT count(*)::INTEGER AS n FROM placement');
    const report = await loadFile(w, path, { now, key });
    expect(report.status).toBe('unchanged');
    expect(await w.rows('SELECT count(*)::INTEGER AS n FROM placement')).toEqual(before);
  });

  it('replaces rows by natural key when a corrected file arrives', async () => {
    const path = file('colocaciones_correccion.csv', ['id_colocacion,id_vacante,id_buscador,fecha_colocacion,salario,canal', 'P1,V1,B1,2024-03-19,480,PORTAL']);
    const report = await loadFile(w, path, { now, key });
    expect(report).toMatchObject({ rowsLoaded: 1, rowsReplaced: 1 });
    expect(await w.rows("SELECT placed_on::VARCHAR AS d, channel FROM placement WHERE placement_id = 'P1'")).toEqual([{ d: '2024-03-19', channel: 'portal' }]);
    expect(await w.rows('SELECT count(*)::INTEGER AS n FROM placement')).toEqual([{ n: 2 }]);
  });

  it('refuses a file without a required column, naming file, line and column', async () => {
    const path = file('colocaciones_sin_canal.csv', ['id_colocacion;id_vacante;id_buscador;fecha_colocacion', 'P9;V1;B1;2024-03-19']);
    const error = await loadFile(w, path, { now, key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ file: path, line: 1, column: 'canal' });
    expect((error as Error).message).toMatch(/colocaciones_sin_canal\.csv:1 \[canal\]: falta_columna/);
  });

  it('reads semicolons, a byte-order mark, CRLF, quoted newlines and blank lines with exact line numbers', async () => {
    const path = join(dir, 'derivaciones.csv');
    writeFileSync(path, '\ufeffid_derivacion;id_vacante;id_buscador;fecha_derivacion;entrevistado\r\n'
      + 'R1;V1;B1;15/03/2024;S\r\n\r\n'
      + '"R2";"V1";"B2";"2024-03-16";"n"\r\n'
      + '"R\n3";V1;B2;2024-03-16;S\r\n'
      + 'R4;V1;B2;2024-03-16;quizá\r\n');
    const report = await loadFile(w, path, { now, key });
    expect(report).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, delimiter: ';' });
    expect(await w.rows('SELECT line::INTEGER AS line, column_name FROM load_reject WHERE load_id = ?', [report.loadId])).toEqual([{ line: 7, column_name: 'entrevistado' }]);
  });

  it('reads the first sheet of an XLSX file, with sheet rows as line numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('derivaciones');
    sheet.addRow(['id_derivacion', 'id_vacante', 'id_buscador', 'fecha_derivacion', 'entrevistado']);
    sheet.addRow(['X1', 'V2', 'B2', new Date(Date.UTC(2024, 3, 20)), 'S']);
    sheet.addRow(['X2', 'V2', 'B9', '2024-04-21', 'N']);
    sheet.addRow(['X3', 'V2', 'B3', '21/04/2024', 'no']);
    const path = join(dir, 'derivaciones_abril.xlsx');
    await book.xlsx.writeFile(path);
    const report = await loadFile(w, path, { now, key });
    expect(report).toMatchObject({ file: path, rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await w.rows('SELECT file_name, line::INTEGER AS line, column_name FROM load_reject WHERE load_id = ?', [report.loadId]))
      .toEqual([{ file_name: 'derivaciones_abril.xlsx', line: 3, column_name: 'id_buscador' }]);
    expect(await w.rows("SELECT referred_on::VARCHAR AS d FROM referral WHERE referral_id = 'X1'")).toEqual([{ d: '2024-04-20' }]);
  });

  it('never stores a cédula or a person name in the database file', async () => {
    await w.checkpoint();
    const bytes = readFileSync(dbPath);
    const contains = (text: string) => bytes.includes(Buffer.from(text, 'utf8'));
    for (const secret of [CED_A, CED_B, CED_C, 'Quishpe', 'Mendoza', 'María José']) expect(contains(secret), secret).toBe(false);
    expect(contains('Agrícola del Guayas')).toBe(true);
  });
});
