import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from './migrate.ts';
import { seedReference } from './reference/seed-reference.ts';
import { upgradeWarehouse } from './upgrade-warehouse.ts';
import { Warehouse } from './warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upgradeWarehouse', () => {
  it('migrates a file of an older schema and builds its facts, then leaves it alone', async () => {
    const path = join(dir, 'old.duckdb');
    const old = await Warehouse.open({ path, access: 'write' });
    await migrate(old, listMigrations().filter((m) => m.version <= 11));
    await seedReference(old);
    await old.run(`INSERT INTO office VALUES ('Q1', 'Quito', '1701', '17', 1)`);
    await old.run(`INSERT INTO seeker (seeker_id, registered_on, reg_month, birth_year, age_at_reg, age_band, sex, disability, canton_code, province_code, office_code, load_id, person_id, id_status)
      VALUES ('s1', '2024-01-10', '2024-01-01', 2000, 24, '18-24', 'F', false, '1701', '17', 'Q1', 1, 'p1', 'valid')`);
    await old.checkpoint();
    old.close();

    expect(await upgradeWarehouse(path)).toBe(true);
    const w = await Warehouse.open({ path, access: 'read' });
    expect(await w.rows('SELECT max(version)::INTEGER AS v, (SELECT count(*) FROM seeker_fact)::INTEGER AS n, (SELECT count(*) FROM fact_bounds)::INTEGER AS b FROM schema_version'))
      .toEqual([{ v: Math.max(...listMigrations().map((m) => m.version)), n: 1, b: 1 }]);
    w.close();

    const inode = statSync(path).ino;
    expect(await upgradeWarehouse(path)).toBe(false);
    expect(statSync(path).ino).toBe(inode);
  });

  it('does nothing without a file', async () => {
    expect(await upgradeWarehouse(join(dir, 'absent.duckdb'))).toBe(false);
  });
});
