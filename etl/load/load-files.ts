import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { factsMissing, rebuildFacts } from '../../warehouse/facts.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { SOURCES, sourceForFile } from '../sources/sources.ts';
import { isBoundaryFile, loadBoundaryFile } from './load-boundaries.ts';
import { LoadError } from './load-error.ts';
import { loadFile, type LoadOptions } from './load-file.ts';
import type { LoadReport } from './load-report.ts';

/**
 * Expands files and folders into the CSV files to load, in the order their sources depend on
 * one another (offices before seekers before placements...). Boundary files (`.geojson`,
 * `.topojson`) come first: they depend only on the reference tables. A file no source
 * recognises is an error, reported before anything is loaded.
 */
export function planFiles(paths: readonly string[]): string[] {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p).filter((f) => /\.(csv|txt|xlsx|geojson|topojson)$/i.test(f)).sort().map((f) => join(p, f))
      : [p],
  );
  for (const f of files) {
    if (!isBoundaryFile(f) && !sourceForFile(basename(f))) {
      throw new LoadError(f, 0, null, `fuente_desconocida: el nombre no corresponde a ninguna fuente (${SOURCES.map((s) => s.fileNames[0]).join(', ')})`);
    }
  }
  const rank = (f: string) => (isBoundaryFile(f) ? -1 : SOURCES.indexOf(sourceForFile(basename(f))!));
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Loads files one by one, each in its own transaction (boundary files by their own loader), and
 * returns one report per file. When any file changed the data (or the facts are missing: a warehouse
 * of an older version), the derived facts are then rebuilt once for the batch, in their own transaction. A file that fails stops the batch before that
 * (the CLI then publishes nothing).
 */
export async function loadFiles(warehouse: Warehouse, paths: readonly string[], options: LoadOptions & { onReport?: (r: LoadReport) => void }): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const file of planFiles(paths)) {
    const report = isBoundaryFile(file) && !options.source ? await loadBoundaryFile(warehouse, file, options) : await loadFile(warehouse, file, options);
    options.onReport?.(report);
    reports.push(report);
  }
  if (reports.some((r) => r.status === 'loaded') || (await factsMissing(warehouse))) {
    options.onStage?.('derive', 'hechos derivados');
    await rebuildFacts(warehouse, (step, of) => options.onProgress?.((100 * step) / of));
  }
  return reports;
}
