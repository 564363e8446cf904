import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../load/load-file.ts';
import { loadFiles } from '../load/load-files.ts';
import { makeCedula } from '../privacy/cedula.ts';
import { loadFixture } from '../testing/load-fixture.ts';

const f = loadFixture('placements');
const file = f.write;

beforeAll(async () => {
  await loadFiles(f.warehouse, [
    file('oficinas.csv', ['codigo_oficina,nombre_oficina,codigo_canton', 'OF-1701,Quito Norte,1701', 'OF-0901,Guayaquil Centro,0901']),
    file('buscadores.csv', [
      'id_buscador,cedula,nombres,apellidos,fecha_nacimiento,sexo,discapacidad,nivel_instruccion,codigo_canton,codigo_oficina,fecha_registro',
      `B1,${makeCedula('170100001')},María,Quishpe,2003-05-10,M,N,BACHILLERATO,1701,OF-1701,2024-01-15`,
      `B2,${makeCedula('090200002')},Carlos,Mendoza,1990-11-30,H,N,SUPERIOR,0901,OF-0901,2024-02-01`,
    ]),
    file('empresas.csv', ['ruc,razon_social,codigo_ciiu,numero_trabajadores,codigo_canton,codigo_oficina,fecha_registro', '1790012345001,Andina,G4711,8,1701,OF-1701,2020-01-01']),
    file('vacantes.csv', [
      'id_vacante,ruc_empresa,codigo_oficina,fecha_publicacion,fecha_cierre,numero_puestos,codigo_ciuo,codigo_canton,salario_ofrecido',
      'V1,1790012345001,OF-1701,2024-03-01,,2,5223,1701,470',
    ]),
  ], f.options);
});

describe('placements', () => {
  it('finds each row\'s vacancy and seeker, rejects the unknown ones and keeps each seeker\'s pseudonym', async () => {
    const report = await loadFile(f.warehouse, file('colocaciones.csv', [
      'id_colocacion,id_vacante,id_buscador,fecha_colocacion,salario,canal',
      'P1,V1,B1,2024-03-18,470,CONSEJERIA',
      'P2,V1,B9,2024-03-19,470,PORTAL', // unknown seeker
      'P3,V9,B2,2024-03-20,470,PORTAL', // unknown vacancy
      'P4,V1, B2 ,2024-03-21,,FERIA', // the same seeker as P5, with blanks around the id
      'P5,V1,B2,2024-03-22,480,TALLER',
      'P6,V9,B9,2024-03-23,480,TALLER', // neither
    ]), f.options);
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 3, rowsRejected: 3 });
    const rejects = await f.warehouse.rows<{ line: number; column_name: string; value: string; reason: string }>(
      'SELECT line::INTEGER AS line, column_name, value, reason FROM load_reject WHERE load_id = ? ORDER BY line, column_name', [report.loadId],
    );
    expect(rejects.map((r) => `${r.line}:${r.column_name}:${r.value}:${r.reason.split(':')[0]}`)).toEqual([
      '3:id_buscador:B9:buscador_desconocido',
      '4:id_vacante:V9:vacante_desconocida',
      '7:id_buscador:B9:buscador_desconocido',
      '7:id_vacante:V9:vacante_desconocida',
    ]);
    const placed = await f.warehouse.rows<Record<string, unknown>>(
      'SELECT placement_id, seeker_id, sex, age_band, office_code, province_code, sector_code, occupation_code FROM placement ORDER BY placement_id',
    );
    const b1 = f.options.key.pseudonym('buscador:B1');
    const b2 = f.options.key.pseudonym('buscador:B2');
    expect(placed).toEqual([
      { placement_id: 'P1', seeker_id: b1, sex: 'F', age_band: '18-24', office_code: 'OF-1701', province_code: '17', sector_code: 'G', occupation_code: '5' },
      { placement_id: 'P4', seeker_id: b2, sex: 'M', age_band: '30-44', office_code: 'OF-1701', province_code: '17', sector_code: 'G', occupation_code: '5' },
      { placement_id: 'P5', seeker_id: b2, sex: 'M', age_band: '30-44', office_code: 'OF-1701', province_code: '17', sector_code: 'G', occupation_code: '5' },
    ]);
  });
});
