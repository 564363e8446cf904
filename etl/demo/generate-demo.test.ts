import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCedula } from '../privacy/cedula.ts';
import { SOURCES, sourceForFile } from '../sources/sources.ts';
import { generateDemo, type DemoManifest } from './generate-demo.ts';

const root = mkdtempSync(join(tmpdir(), 'faro-demo-'));
let manifest: DemoManifest;
const read = (file: string) => {
  const [header, ...rows] = readFileSync(join(root, 'a', file), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\n');
  const delimiter = file.startsWith('enemdu') ? ';' : ',';
  const names = header!.split(delimiter);
  return rows.map((r) => Object.fromEntries(splitCsv(r, delimiter).map((v, i) => [names[i]!, v])));
};
const splitCsv = (line: string, d: string) => line.match(new RegExp(`("([^"]|"")*"|[^${d}]*)(${d}|$)`, 'g'))!.slice(0, -1).map((c) => c.replace(new RegExp(`${d}$`), '').replace(/^"(.*)"$/, '$1'));

beforeAll(async () => {
  manifest = await generateDemo({ outDir: join(root, 'a'), scale: 'small', seed: 11 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the demo generator', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', async () => {
    const again = await generateDemo({ outDir: join(root, 'b'), scale: 'small', seed: 11 });
    expect(again.files).toEqual(manifest.files);
    const other = await generateDemo({ outDir: join(root, 'c'), scale: 'tiny', seed: 12 });
    const tiny = await generateDemo({ outDir: join(root, 'd'), scale: 'tiny', seed: 13 });
    expect(other.files.find((f) => f.file === 'buscadores.csv')!.sha256).not.toBe(tiny.files.find((f) => f.file === 'buscadores.csv')!.sha256);
  });

  it("writes every source's file with exactly its contract's headers", () => {
    const recognised = new Set(manifest.files.map((f) => sourceForFile(f.file)?.id));
    expect([...recognised].sort()).toEqual(SOURCES.map((s) => s.id).filter((id) => !['job-postings', 'youth-unemployment-series'].includes(id)).sort());
    for (const f of manifest.files) {
      const text = readFileSync(join(root, 'a', f.file), 'utf8');
      const survey = f.file.startsWith('enemdu');
      expect(text.startsWith('\ufeff'), f.file).toBe(survey);
      const header = text.replace(/^\ufeff/, '').split('\n')[0]!.split(survey ? ';' : ',');
      expect(header, f.file).toEqual(sourceForFile(f.file)!.columns.map((c) => c.header));
      expect(f.rows, f.file).toBeGreaterThan(0);
    }
  });

  it('makes only valid cédulas and references that resolve', () => {
    const seekers = read('buscadores.csv');
    expect(seekers.filter((s) => s.id_buscador!.startsWith('B')).every((s) => isValidCedula(s.cedula!))).toBe(true);
    const repeats = seekers.filter((s) => s.id_buscador!.startsWith('R'));
    expect(repeats.length).toBeGreaterThan(40);
    expect(repeats.some((s) => s.cedula && !isValidCedula(s.cedula))).toBe(true);
    const seekerIds = new Set(seekers.map((s) => s.id_buscador));
    const vacancyIds = new Set(read('vacantes.csv').map((v) => v.id_vacante));
    const rucs = new Set(read('empresas.csv').map((f) => f.ruc));
    const placements = read('colocaciones.csv');
    expect(placements.every((p) => vacancyIds.has(p.id_vacante) && seekerIds.has(p.id_buscador))).toBe(true);
    expect(read('vacantes.csv').every((v) => rucs.has(v.ruc_empresa))).toBe(true);
    const placementIds = new Set(placements.map((p) => p.id_colocacion));
    expect(read('seguimientos.csv').every((f) => placementIds.has(f.id_colocacion))).toBe(true);
  });

  it('never dates anything after the end, and places people after posting and registration', () => {
    const seekers = new Map(read('buscadores.csv').map((s) => [s.id_buscador, s.fecha_registro!]));
    const posted = new Map(read('vacantes.csv').map((v) => [v.id_vacante, v.fecha_publicacion!]));
    for (const p of read('colocaciones.csv')) {
      expect(p.fecha_colocacion! <= '2026-09-30').toBe(true);
      expect(p.fecha_colocacion! >= posted.get(p.id_vacante)!).toBe(true);
      expect(p.fecha_colocacion! >= seekers.get(p.id_buscador)!).toBe(true);
    }
  });

  it('keeps its documented distributions', () => {
    const seekers = read('buscadores.csv');
    const age = (s: Record<string, string>) => Number(s.fecha_registro!.slice(0, 4)) - Number(s.fecha_nacimiento!.slice(0, 4));
    const youth = seekers.filter((s) => age(s) <= 29).length / seekers.length;
    expect(youth).toBeGreaterThan(0.45);
    expect(youth).toBeLessThan(0.62);
    const big = seekers.filter((s) => s.codigo_canton!.startsWith('09') || s.codigo_canton!.startsWith('17')).length / seekers.length;
    expect(big).toBeGreaterThan(0.38);
    expect(big).toBeLessThan(0.5);
    const firms = read('empresas.csv');
    expect(firms.filter((f) => Number(f.numero_trabajadores) < 50).length / firms.length).toBeGreaterThan(0.8);
  });

  it('writes ENEMDU files with decimal commas and a plausible weighted unemployment rate', () => {
    const people = read(manifest.files.find((f) => f.file.startsWith('enemdu'))!.file);
    expect(people.every((p) => /^\d+,\d{4}$/.test(p.fexp!))).toBe(true);
    const w = (p: Record<string, string>) => Number(p.fexp!.replace(',', '.'));
    const lf = people.filter((p) => Number(p.condact) >= 1 && Number(p.condact) <= 8);
    const unemployed = lf.filter((p) => Number(p.condact) >= 7);
    const rate = unemployed.reduce((n, p) => n + w(p), 0) / lf.reduce((n, p) => n + w(p), 0);
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.07);
    const population = people.reduce((n, p) => n + w(p), 0);
    expect(Math.abs(population - 18_100_000) / 18_100_000).toBeLessThan(0.01);
  });
});
