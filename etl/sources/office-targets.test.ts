import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../load/load-file.ts';
import { loadFixture } from '../testing/load-fixture.ts';

const f = loadFixture('office-targets');

beforeAll(async () => {
  writeFileSync(join(f.dir, 'oficinas.csv'), 'codigo_oficina,nombre_oficina,codigo_canton\nOF-1701,Quito,1701\nOF-0901,Guayaquil,0901\n');
  await loadFile(f.warehouse, join(f.dir, 'oficinas.csv'), f.options);
});

describe('office targets (metas_oficinas.csv)', () => {
  it('loads valid targets and rejects unknown offices, bad months, indicators and amounts, with their reasons', async () => {
    const path = join(f.dir, 'metas_oficinas.csv');
    writeFileSync(path, [
      'codigo_oficina;mes;indicador;meta',
      'OF-1701;2026-08;COLOCACIONES;120',
      'OF-0901;2026-08;colocaciones;95,5',
      'OF-9999;2026-08;COLOCACIONES;10',
      'OF-1701;2026-13;COLOCACIONES;10',
      'OF-1701;2026-09;VISITAS;10',
      'OF-1701;2026-09;COLOCACIONES;-3',
    ].join('\n') + '\n');
    const report = await loadFile(f.warehouse, path, f.options);
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 2, rowsRejected: 4 });
    const rows = await f.warehouse.rows<{ office_code: string; m: string; indicator: string; target: number }>(
      "SELECT office_code, strftime(period_month, '%Y-%m') AS m, indicator, target FROM office_target ORDER BY office_code");
    expect(rows).toEqual([
      { office_code: 'OF-0901', m: '2026-08', indicator: 'placements', target: 95.5 },
      { office_code: 'OF-1701', m: '2026-08', indicator: 'placements', target: 120 },
    ]);
    const rejects = await f.warehouse.rows<{ line: number; column_name: string; reason: string }>(
      'SELECT line, column_name, reason FROM load_reject WHERE load_id = ? ORDER BY line', [report.loadId]);
    expect(rejects.map((r) => [Number(r.line), r.column_name, r.reason.split(':')[0]])).toEqual([
      [4, 'codigo_oficina', 'codigo_desconocido'],
      [5, 'mes', 'formato_invalido'],
      [6, 'indicador', 'codigo_invalido'],
      [7, 'meta', 'fuera_de_rango'],
    ]);
  });

  it('replaces a target by office, month and indicator when a corrected file comes', async () => {
    const path = join(f.dir, 'metas_oficinas_corregidas.csv');
    writeFileSync(path, 'codigo_oficina,mes,indicador,meta\nOF-1701,2026-08,COLOCACIONES,130\n');
    const report = await loadFile(f.warehouse, path, { ...f.options, source: undefined });
    expect(report).toMatchObject({ rowsLoaded: 1, rowsReplaced: 1 });
    const [row] = await f.warehouse.rows<{ n: number; target: number }>(
      "SELECT count(*)::INTEGER AS n, max(target) AS target FROM office_target WHERE office_code = 'OF-1701'");
    expect(row).toEqual({ n: 1, target: 130 });
  });
});
