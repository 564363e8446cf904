import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../load/load-file.ts';
import { makeCedula } from '../privacy/cedula.ts';
import { loadFixture } from '../testing/load-fixture.ts';

const f = loadFixture('seekers');
const HEADER = 'id_buscador,cedula,nombres,apellidos,fecha_nacimiento,sexo,discapacidad,nivel_instruccion,codigo_canton,codigo_oficina,fecha_registro';
const A = makeCedula('170100001');
const B = makeCedula('090200002');
const B_TYPO = B.slice(0, 8) + String((Number(B[8]) + 1) % 10) + B[9];

beforeAll(async () => {
  writeFileSync(join(f.dir, 'oficinas.csv'), 'codigo_oficina,nombre_oficina,codigo_canton\nOF-1701,Quito,1701\nOF-0901,Guayaquil,0901\n');
  await loadFile(f.warehouse, join(f.dir, 'oficinas.csv'), f.options);
});

describe('seeker records and persons', () => {
  it('links records of one person by cédula, or by profile when the cédula is missing or mistyped', async () => {
    const path = join(f.dir, 'buscadores.csv');
    writeFileSync(path, [
      HEADER,
      `B1,${A},María José,Quishpe Andrango,2003-05-10,M,N,BACHILLERATO,1701,OF-1701,2024-01-15`,
      `B2,${B},Carlos,Mendoza Vera,1990-11-30,H,N,SUPERIOR,0901,OF-0901,2024-02-01`,
      `B3,${A},MARIA JOSE,QUISHPE  ANDRANGO,2003-05-10,M,N,BACHILLERATO,1701,OF-1701,2024-06-01`,
      `B4,${B_TYPO},carlos,mendoza vera,1990-11-30,H,N,SUPERIOR,0901,OF-0901,2024-07-01`,
      `B5,,Ana,Pérez,1985-01-01,M,N,,0901,OF-0901,2024-03-01`,
      `B6,,Carlos,Mendoza Vera,1990-11-30,H,N,,0901,OF-0901,2024-08-01`,
    ].join('\n') + '\n');
    const report = await loadFile(f.warehouse, path, f.options);
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 6, rowsRejected: 0 });
    const people = await f.warehouse.rows<{ seeker_id: string; person_id: string; id_status: string }>('SELECT seeker_id, person_id, id_status FROM seeker');
    const person = (id: string) => people.find((p) => p.seeker_id === f.options.key.pseudonym(`buscador:${id}`))!;
    expect(person('B1').person_id).toBe(f.options.key.pseudonym(`cedula:${A}`));
    expect(person('B3').person_id).toBe(person('B1').person_id);
    expect(person('B4')).toMatchObject({ id_status: 'invalid', person_id: person('B2').person_id });
    expect(person('B6')).toMatchObject({ id_status: 'missing', person_id: person('B2').person_id });
    expect(person('B5').id_status).toBe('missing');
    expect(new Set(people.map((p) => p.person_id)).size).toBe(3);
  });
});
