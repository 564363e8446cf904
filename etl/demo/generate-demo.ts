import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { officeTargets } from '../sources/office-targets.ts';
import { offices } from '../sources/offices.ts';
import { DemoCalendar } from './calendar.ts';
import { CsvWriter, quote } from './csv-writer.ts';
import { writeFirms } from './firms.ts';
import { DemoGeography } from './geography.ts';
import { createRandom, type Random } from './random.ts';
import { SCALES, type Scale } from './scales.ts';
import { writeSeekers } from './seekers.ts';
import { writeServices } from './services.ts';
import { surveyPeriods, writeSurvey } from './survey.ts';
import { writeVacancies } from './vacancies.ts';

/** Options of {@link generateDemo}. */
export interface DemoOptions {
  outDir: string;
  scale: Scale;
  /** Seed of the generator: the same seed, scale and end give byte-identical files. */
  seed?: number;
  /** Last day of the data, 'YYYY-MM-DD' (never the clock: the data must be reproducible). */
  end?: string;
  onProgress?: (file: string, rows: number) => void;
}

/** What was generated: every file with its data rows and sha256. */
export interface DemoManifest {
  scale: Scale;
  seed: number;
  end: string;
  files: { file: string; rows: number; sha256: string }[];
}

/** The demo's default last day. */
export const DEMO_END = '2026-09-30';

/**
 * Generates a PES export (offices, seekers, firms, vacancies, referrals, placements, follow-ups,
 * service events, outreach contacts, mobility cases) and ENEMDU survey files, as CSV files a
 * real service and INEC would publish, deterministically from a seed. `etl/demo/README.md`
 * documents the distributions.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoManifest> {
  const seed = options.seed ?? 20261124;
  const end = options.end ?? DEMO_END;
  const spec = SCALES[options.scale];
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  const calendar = new DemoCalendar(end, spec.years);
  const geo = new DemoGeography(options.scale === 'mx' ? 4 : 1.2);
  const stream = (k: number) => createRandom(seed * 31 + k);
  const progress = (file: string, rows: number) => options.onProgress?.(file, rows);

  const officeOut = new CsvWriter(join(options.outDir, 'oficinas.csv'), offices.columns.map((c) => c.header));
  for (const o of geo.offices) await officeOut.row([o.code, quote(o.name), o.canton]);
  await officeOut.close();
  progress('oficinas.csv', officeOut.rows);
  const seekers = await writeSeekers(options.outDir, spec.seekers, stream(1), calendar, geo);
  progress('buscadores.csv', seekers.ids.length);
  const firms = await writeFirms(options.outDir, spec.firms, stream(2), calendar, geo);
  progress('empresas.csv', firms.ruc.length);
  const vacancies = await writeVacancies(options.outDir, spec.vacancies, stream(3), calendar, firms, seekers);
  progress('colocaciones.csv', vacancies.placements);
  await writeOfficeTargets(options.outDir, vacancies.placedByOfficeMonth, stream(6), calendar.date(calendar.last).slice(0, 7));
  await writeServices(options.outDir, spec.serviceEvents, stream(4), calendar, geo, firms, seekers);
  progress('eventos_servicio.csv', spec.serviceEvents);
  await writeSurvey(options.outDir, surveyPeriods(end, spec.surveyPeriods), spec.surveyDwellings, stream(5), geo);

  const files: DemoManifest['files'] = [];
  for (const file of readdirSync(options.outDir).filter((f) => f.endsWith('.csv')).sort()) {
    const { rows, sha256 } = await describeFile(join(options.outDir, file));
    files.push({ file, rows, sha256 });
  }
  const manifest: DemoManifest = { scale: options.scale, seed, end, files };
  writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * `metas_oficinas.csv`: a placements target for each office and each of the last 12 months, set
 * at what the office achieved times a factor of 0.85 to 1.25 drawn once per office, so that some
 * offices meet their targets and others fall short.
 */
async function writeOfficeTargets(dir: string, placed: Map<string, number>, random: Random, lastMonth: string): Promise<void> {
  const out = new CsvWriter(join(dir, 'metas_oficinas.csv'), officeTargets.columns.map((c) => c.header));
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
  const offices = [...new Set([...placed.keys()].map((k) => k.split('|')[0]!))].sort();
  for (const office of offices) {
    const factor = 0.85 + 0.4 * random.next();
    for (const month of months) {
      const achieved = placed.get(`${office}|${month}`) ?? 0;
      await out.row([office, month, 'COLOCACIONES', String(Math.max(1, Math.round(achieved * factor)))]);
    }
  }
  await out.close();
}

async function describeFile(path: string): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    hash.update(b);
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
  }
  return { rows: lines - 1, sha256: hash.digest('hex') };
}
