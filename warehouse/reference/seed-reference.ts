import type { Warehouse } from '../warehouse.ts';
import { CANTONS } from './cantons.ts';
import { OCCUPATIONS } from './occupations.ts';
import { PROVINCES, provinceByCode } from './provinces.ts';
import { SECTORS } from './sectors.ts';

/** Rows written per reference table. */
export interface ReferenceCounts {
  territory: number;
  sector: number;
  occupation: number;
  calendar: number;
}

/**
 * Fills the reference tables (territory, sector, occupation, calendar) in one transaction,
 * replacing what they held: running it twice gives the same rows.
 */
export async function seedReference(warehouse: Warehouse): Promise<ReferenceCounts> {
  return warehouse.transaction(async (tx) => {
    for (const t of ['territory', 'sector', 'occupation', 'calendar']) await tx.run(`DELETE FROM ${t}`);
    const territory = await tx.appender('territory');
    const row = (code: string, level: string, name: string, province: string | null, region: string | null, amazon: boolean, population: number | null) => {
      territory.appendVarchar(code);
      territory.appendVarchar(level);
      territory.appendVarchar(name);
      if (province === null) territory.appendNull(); else territory.appendVarchar(province);
      if (region === null) territory.appendNull(); else territory.appendVarchar(region);
      territory.appendBoolean(amazon);
      if (population === null) territory.appendNull(); else territory.appendInteger(population);
      territory.endRow();
    };
    row('EC', 'country', 'Ecuador', null, null, false, PROVINCES.reduce((n, p) => n + (p.population ?? 0), 0));
    for (const p of PROVINCES) row(p.code, 'province', p.name, p.code, p.region, p.amazonSpecial, p.population);
    for (const c of CANTONS) {
      const p = provinceByCode(c.provinceCode)!;
      row(c.code, 'canton', c.name, c.provinceCode, p.region, p.amazonSpecial, null);
    }
    territory.closeSync();
    for (const x of SECTORS) await tx.run('INSERT INTO sector VALUES (?, ?, ?, ?)', [x.code, 'section', x.nameEs, x.nameEn]);
    for (const x of OCCUPATIONS) await tx.run('INSERT INTO occupation VALUES (?, ?, ?, ?)', [x.code, 'major', x.nameEs, x.nameEn]);
    await tx.run(`INSERT INTO calendar
      SELECT d::DATE, year(d), quarter(d), month(d), date_trunc('month', d)::DATE, weekofyear(d), isodow(d)
      FROM range(DATE '2000-01-01', DATE '2036-01-01', INTERVAL 1 DAY) AS t(d)`);
    const [counts] = await tx.rows<ReferenceCounts>(`SELECT
      (SELECT count(*) FROM territory)::INTEGER AS territory, (SELECT count(*) FROM sector)::INTEGER AS sector,
      (SELECT count(*) FROM occupation)::INTEGER AS occupation, (SELECT count(*) FROM calendar)::INTEGER AS calendar`);
    return counts!;
  });
}
