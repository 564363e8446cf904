import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warehouse } from './warehouse.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A versioned SQL migration: `NNN-name.sql` in warehouse/migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Lists the migrations shipped with the project, in version order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Brings the warehouse schema up to date: applies each migration newer than the recorded
 * `schema_version`, each in its own transaction. Returns the versions applied.
 */
export async function migrate(warehouse: Warehouse, migrations: Migration[] = listMigrations()): Promise<number[]> {
  await warehouse.run(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
  );
  const [{ v }] = await warehouse.rows<{ v: number | null }>('SELECT max(version) AS v FROM schema_version') as [{ v: number | null }];
  const current = v ?? 0;
  const applied: number[] = [];
  for (const m of migrations.filter((m) => m.version > current)) {
    await warehouse.transaction(async (tx) => {
      for (const statement of splitStatements(m.sql)) await tx.run(statement);
      await tx.run('INSERT INTO schema_version VALUES (?, ?, now()::TIMESTAMP)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Splits a migration script on the semicolons that end statements (outside comments and strings). */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (!inString && ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      current += '\n';
      continue;
    }
    if (ch === "'") inString = !inString;
    if (ch === ';' && !inString) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
