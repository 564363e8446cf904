import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../load/load-file.ts';
import { loadFiles } from '../load/load-files.ts';
import { makeCedula } from '../privacy/cedula.ts';
import { loadFixture } from '../testing/load-fixture.ts';

const f = loadFixture('lookups');
const file = f.write;

beforeAll(async () => {
  await loadFiles(f.warehouse, [
    file('oficinas.csv', ['codigo_oficina,nombre_oficina,codigo_canton', 'OF-1701,Quito Norte,1701']),
    file('buscadores.csv', [
      'id_buscador,cedula,nombres,apellidos,fecha_nacimiento,sexo,discapacidad,nivel_instruccion,codigo_canton,codigo_oficina,fecha_registro',
      `B1,${makeCedula('170100001')},María,Quishpe,2003-05-10,M,N,BACHILLERATO,1701,OF-1701,2024-01-15`,
    ]),
    file('empresas.csv', ['ruc,razon_social,codigo_ciiu,numero_trabajadores,codigo_canton,codigo_oficina,fecha_registro', '1790012345001,Andina,G4711,8,1701,OF-1701,2020-01-01']),
  ], f.options);
});

describe('lookups by pseudonym', () => {
  it('give optional references their pseudonym, keep absent ones empty and reject unknown ones', async () => {
    const report = await loadFile(f.warehouse, file('eventos_servicio.csv', [
      'id_evento,tipo,fecha,codigo_oficina,id_buscador,ruc_empresa',
      'E1,CONSEJERIA,2024-03-01,OF-1701,B1,',
      'E2,TALLER_EMPLEADORES,2024-03-02,OF-1701,,1790012345001',
      'E3,FERIA_EMPLEO,2024-03-03,OF-1701,B1,1790012345001',
      'E4,PORTAL,2024-03-04,OF-1701,,',
      'E5,CONSEJERIA,2024-03-05,OF-1701,B9,', //          unknown seeker
      'E6,TALLER_EMPLEADORES,2024-03-06,OF-1701,,0990012345001', // unknown firm
    ]), f.options);
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsRejected: 2 });
    const rejects = await f.warehouse.rows<{ line: number; column_name: string; reason: string }>(
      'SELECT line::INTEGER AS line, column_name, reason FROM load_reject WHERE load_id = ? ORDER BY line', [report.loadId],
    );
    expect(rejects.map((r) => `${r.line}:${r.column_name}:${r.reason.split(':')[0]}`)).toEqual(['6:id_buscador:buscador_desconocido', '7:ruc_empresa:empresa_desconocida']);
    const seeker = f.options.key.pseudonym('buscador:B1');
    const firm = f.options.key.pseudonym('ruc:1790012345001');
    expect(await f.warehouse.rows('SELECT event_id, seeker_id, firm_id FROM service_event ORDER BY event_id')).toEqual([
      { event_id: 'E1', seeker_id: seeker, firm_id: null },
      { event_id: 'E2', seeker_id: null, firm_id: firm },
      { event_id: 'E3', seeker_id: seeker, firm_id: firm },
      { event_id: 'E4', seeker_id: null, firm_id: null },
    ]);
  });
});
