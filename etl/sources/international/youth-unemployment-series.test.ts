import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../warehouse/testing/shared-data.ts';
import { loadFile } from '../../load/load-file.ts';
import { loadFixture } from '../../testing/load-fixture.ts';

const f = loadFixture('ilo');
const real = sharedData('ilo/youth-unemployment-15-24-wb-ilo-modelled.csv');

describe('the World Bank / ILO youth unemployment series', () => {
  it('reads the quoted header with a comma and rejects bad rates', async () => {
    const path = join(f.dir, 'youth-unemployment-15-24-test.csv');
    writeFileSync(path, 'Entity,Code,Year,"Unemployment rate, ages 15-24"\nEcuador,ECU,2023,8.9\nMexico,MEX,2023,abc\nLatin America and Caribbean (WB),,2023,14.1\n');
    const r = await loadFile(f.warehouse, path, f.options);
    expect(r).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await f.warehouse.rows('SELECT entity, code, year::INTEGER AS year, rate FROM intl_youth_unemployment ORDER BY entity')).toEqual([
      { entity: 'Ecuador', code: 'ECU', year: 2023, rate: 8.9 },
      { entity: 'Latin America and Caribbean (WB)', code: null, year: 2023, rate: 14.1 },
    ]);
  });

  it.skipIf(!real)('loads the real file whole, Ecuador 1991-2024 included', async () => {
    const r = await loadFile(f.warehouse, real!, f.options);
    expect(r.rowsRejected).toBe(0);
    expect(r.rowsLoaded).toBe(6791);
    const [ecu] = await f.warehouse.rows<{ n: number; lo: number; hi: number }>("SELECT count(*)::INTEGER AS n, min(year)::INTEGER AS lo, max(year)::INTEGER AS hi FROM intl_youth_unemployment WHERE code = 'ECU'");
    expect(ecu).toEqual({ n: 34, lo: 1991, hi: 2024 });
  });
});
