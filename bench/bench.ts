/**
 * `npm run bench -- --scale small|mx [--runs N] [--skip-etl]`: generates demo data, times the ETL and every
 * catalogue query (server side and over HTTP), and prints each figure beside its reference,
 * the same work done by raw DuckDB on the same data, and the DESIGN.md budget, as ratios.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE, signSession } from '../dashboard/server/auth/session-cookie.ts';
import { createApp } from '../dashboard/server/create-app.ts';
import { generateDemo } from '../etl/demo/generate-demo.ts';
import { loadFile } from '../etl/load/load-file.ts';
import { planFiles } from '../etl/load/load-files.ts';
import { pseudonymKey } from '../etl/privacy/pseudonym-key.ts';
import { CATALOGUE } from '../queries/catalogue/catalogue.ts';
import { answerFrom, parseParams, runQuery, type AnswerSource } from '../queries/catalogue/run-query.ts';
import type { Viewer } from '../queries/catalogue/query-definition.ts';
import { AnswerCache, answerKey } from '../queries/catalogue/answer-cache.ts';
import { warmUp } from '../queries/catalogue/warm-up.ts';
import autocannon from 'autocannon';
import { AuditLog } from '../warehouse/audit-log.ts';
import { updateWarehouse } from '../warehouse/publish.ts';
import { factsMissing, rebuildFacts } from '../warehouse/facts.ts';
import { migrate } from '../warehouse/migrate.ts';
import { Warehouse } from '../warehouse/warehouse.ts';
import { timePlacementsFloor } from './placements-floor.ts';
import { percentile, timeRuns } from './stats.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' }, runs: { type: 'string', default: '200' }, fresh: { type: 'boolean', default: false }, 'skip-etl': { type: 'boolean', default: false } } });
const scale = values.scale as 'tiny' | 'small' | 'mx';
const runs = Number(values.runs);
const root = resolve(process.env.FARO_BENCH_DIR ?? `/tmp/faro-bench-${scale}`);
const csvDir = join(root, 'csv');
const dbPath = join(root, 'faro.duckdb');
const key = pseudonymKey('benchmark key, not a secret');
const now = new Date('2026-11-01T00:00:00Z');
/** Benchmarks run firm-level queries as an outreach officer of the two largest provinces. */
const BENCH_VIEWER = { username: 'bench', role: 'concertador' as const, territories: ['09', '17'] };

interface Figure { name: string; value: number; unit: string; reference?: number; referenceName?: string; budget?: number; budgetKind?: 'max' | 'ratio' }
const figures: Figure[] = [];

if (values.fresh) rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
if (!existsSync(join(csvDir, 'manifest.json'))) {
  const t0 = performance.now();
  await generateDemo({ outDir: csvDir, scale, seed: 20261124 });
  console.log(`generated ${scale} demo data in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ETL: every file through the real loader; the placements file is the budgeted figure.
// --skip-etl reuses the warehouse of an earlier run (to measure queries only).
if (values['skip-etl'] && existsSync(dbPath)) {
  console.log(`ETL not measured: reusing ${dbPath}`);
  const reused = await Warehouse.open({ path: dbPath, access: 'write' });
  await migrate(reused);
  // A warehouse whose facts predate the current schema gets them rebuilt now.
  if (await factsMissing(reused)) await rebuildFacts(reused);
  reused.close();
} else {
  rmSync(dbPath, { force: true });
  const loadTimes = new Map<string, { ms: number; rows: number; file: string }>();
  await updateWarehouse(dbPath, async (w) => {
    for (const file of planFiles([csvDir])) {
      const t0 = performance.now();
      const report = await loadFile(w, file, { now, key });
      loadTimes.set(report.source, { ms: performance.now() - t0, rows: report.rowsRead, file });
      console.log(`loaded ${file.split('/').pop()}: ${report.rowsLoaded.toLocaleString()} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // As `npm run etl -- load` does once per batch of files.
    const t0 = performance.now();
    await rebuildFacts(w);
    figures.push({ name: 'ETL derived facts rebuilt once per batch (all tables)', value: performance.now() - t0, unit: 'ms' });
  });
  const placementsLoad = loadTimes.get('placements')!;
  rmSync(join(root, 'raw.duckdb'), { force: true });
  const raw = await Warehouse.open({ path: join(root, 'raw.duckdb'), access: 'write' });
  const rawTimes = await timeRuns(async () => {
    await raw.run('DROP TABLE IF EXISTS t');
    await raw.run(`CREATE TABLE t AS SELECT * FROM read_csv('${placementsLoad.file.replaceAll("'", "''")}')`);
  }, 3, 1);
  raw.close();
  rmSync(join(root, 'raw.duckdb'), { force: true });
  const rawMs = percentile(rawTimes, 50);
  figures.push({ name: `ETL placements CSV (${placementsLoad.rows.toLocaleString()} rows)`, value: placementsLoad.ms, unit: 'ms', reference: rawMs, referenceName: 'DuckDB read_csv -> table', budget: 2, budgetKind: 'ratio' });
  // The least work writing the same table: how far the checks and guarantees put the load above it.
  const floorWarehouse = await Warehouse.open({ path: dbPath, access: 'write' });
  const floor = await timePlacementsFloor(floorWarehouse, placementsLoad.file, key);
  floorWarehouse.close();
  figures.push({ name: 'ETL placements floor: no checks, pseudonym map + sorted write', value: floor.mapMs + floor.writeMs, unit: 'ms', reference: rawMs, referenceName: 'DuckDB read_csv -> table' });
  figures.push({ name: 'ETL placements load vs its floor', value: placementsLoad.ms, unit: 'ms', reference: floor.mapMs + floor.writeMs, referenceName: 'floor' });
  figures.push({ name: 'ETL placements rows/s', value: placementsLoad.rows / (placementsLoad.ms / 1000), unit: 'rows/s', reference: placementsLoad.rows / (rawMs / 1000), referenceName: 'DuckDB rows/s' });

}

// Queries: server time through the catalogue vs the same SQL on a bare DuckDB connection. The
// public pages' answers are precomputed when a warehouse is opened (warmUp): their served time is
// a cache read, and the time of computing them is reported beside it, without a budget.
const served = await Warehouse.open({ path: dbPath, access: 'read' });
const bare = await Warehouse.open({ path: dbPath, access: 'read', connections: 1 });
const cache = new AnswerCache();
const warm = await warmUp(served, cache, CATALOGUE, [BENCH_VIEWER]);
figures.push({ name: `warm-up: ${warm.computed} answers computed, ${warm.derived} sliced`, value: warm.ms, unit: 'ms' });
const sampleParams: Record<string, Record<string, string>> = { 'placements-by-month-province': {}, provinces: {} };
/** The server's answer source as the warm-up left it: precomputed answers only; anything else is computed afresh. */
const precomputedOnly = (viewer: Viewer): AnswerSource => ({
  cached: (key) => (cache.isPinned(served, key) ? cache.peek(served, key) : undefined),
  keyOf: (query, params) => answerKey(query, params, viewer),
  part: (query, raw) => {
    const key = answerKey(query, parseParams(query, raw) as Record<string, unknown>, viewer);
    return cache.isPinned(served, key) ? cache.peek(served, key)! : runQuery(served, query, raw, {}, viewer);
  },
});
for (const q of CATALOGUE) {
  const params = sampleParams[q.name] ?? q.example ?? {};
  const { sql, params: bound } = q.build(q.params.parse(params), BENCH_VIEWER);
  const rawQ = await timeRuns(() => bare.withConnection((c) => c.runAndReadAll(sql, bound)), q.warm ? Math.min(runs, 20) : runs);
  if (q.warm) {
    // Served: the precomputed landing view; computing: the example, as a filter change would, by
    // the server's own route (from the parts or base answers the warm-up precomputed, if any;
    // nothing it computes is kept between runs), beside the query's single statement.
    const landing = (typeof q.warm.params === 'function' ? await q.warm.params(served) : q.warm.params)[0] ?? {};
    const key = answerKey(q, parseParams(q, landing) as Record<string, unknown>, BENCH_VIEWER);
    const servedTimes = await timeRuns(() => cache.get(served, key, () => runQuery(served, q, landing, {}, BENCH_VIEWER)), runs);
    figures.push({ name: `query ${q.name} p95 (served, precomputed)`, value: percentile(servedTimes, 95), unit: 'ms', budget: 15, budgetKind: 'max' });
    const computing = await timeRuns(() => answerFrom(precomputedOnly(BENCH_VIEWER), served, q, params, {}, BENCH_VIEWER), q.parts || q.reuse ? runs : Math.min(runs, 20));
    figures.push({ name: `query ${q.name} p95 (computing, e.g. a new filter)`, value: percentile(computing, 95), unit: 'ms', reference: percentile(rawQ, 95), referenceName: 'single statement, raw DuckDB p95', ...(q.audience === 'public' ? {} : { budget: 15, budgetKind: 'max' as const }) });
    continue;
  }
  const serverTimes = await timeRuns(() => runQuery(served, q, params, {}, BENCH_VIEWER), runs);
  figures.push({ name: `query ${q.name} p95 (server)`, value: percentile(serverTimes, 95), unit: 'ms', reference: percentile(rawQ, 95), referenceName: 'raw DuckDB p95', budget: 15, budgetKind: 'max' });
}

// HTTP: the API over loopback, Arrow answers; one interaction refreshes every view of a page.
const secret = randomBytes(32);
let warmed!: () => void;
const appWarm = new Promise<void>((r) => (warmed = r));
const app = createApp({ warehouse: () => served, staticDir: resolve('dist/dashboard'), sessionSecret: secret, rateLimitPerMinute: false, audit: await AuditLog.open(':memory:'), cache, onWarmUp: () => warmed() });
await appWarm;
const staffCookie = `${SESSION_COOKIE}=${signSession({ username: 'bench', role: 'concertador', territories: ['09', '17'], expires: Date.now() + 3600_000 }, secret)}`;
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const get = async (name: string, params: Record<string, string>) => {
  const res = await fetch(`${base}/api/queries/${name}?${new URLSearchParams(params)}`, { headers: { accept: 'application/vnd.apache.arrow.stream', cookie: staffCookie } });
  return new Uint8Array(await res.arrayBuffer());
};
// The bench's own first request loads and connects its HTTP client (about 20 ms of this process,
// not of the server): it is made on the catalogue route, which no figure times, before the first calls.
await (await fetch(`${base}/api/queries`, { headers: { cookie: staffCookie } })).arrayBuffer();
for (const q of CATALOGUE) {
  const params = sampleParams[q.name] ?? q.example ?? {};
  const firstCall = performance.now();
  await get(q.name, params);
  figures.push({ name: `API ${q.name} first call, example parameters${q.warm ? '' : ' (uncached)'}`, value: performance.now() - firstCall, unit: 'ms', budget: 15, budgetKind: 'max' });
  const httpTimes = await timeRuns(() => get(q.name, params), runs);
  const { sql, params: bound } = q.build(q.params.parse(params), BENCH_VIEWER);
  const rawQ = await timeRuns(() => bare.withConnection((c) => c.runAndReadAll(sql, bound)), q.warm ? Math.min(runs, 20) : runs);
  figures.push({ name: `API ${q.name} p50 (cached) vs raw SQL p50`, value: percentile(httpTimes, 50), unit: 'ms', reference: percentile(rawQ, 50), referenceName: 'raw DuckDB p50', budget: 1.3, budgetKind: 'ratio' });
  const size = (await get(q.name, params)).byteLength;
  // The budget is for aggregated answers; a firm-level list (a visit list) is as long as it is asked to be.
  figures.push({ name: `answer size ${q.name} (Arrow${q.firmLevel ? ', firm list' : ''})`, value: size / 1024, unit: 'KB', ...(q.firmLevel ? {} : { budget: 16, budgetKind: 'max' as const }) });
}
// The policy page on a filter change: every view it refreshes (see dashboard/app/pages/policy).
const policyViews = (f: Record<string, string>) => Promise.all([
  get('kpi-summary', f), get('kpi-offices', f), get('kpi-trend', f), get('kpi-funnel', { ...f, by: 'none' }),
  get('kpi-channels', f), get('kpi-vacancy-cohorts', f), get('placements-by-month-province', f.province ? { province: f.province } : {}),
]);
const precomputedFilter = await timeRuns(() => policyViews({ sex: 'F' }), runs);
figures.push({ name: 'policy page interaction, precomputed filter (sex) p95', value: percentile(precomputedFilter, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
const provinceClick = await timeRuns(() => policyViews({ province: '17' }), runs);
figures.push({ name: 'policy page interaction, a province bar clicked (precomputed) p95', value: percentile(provinceClick, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
// Every single filter is precomputed for the default period: the first request of each sector.
const sectors = ['G', 'C', 'A', 'F', 'I', 'H', 'N', 'P', 'Q', 'M'];
const firstOf = async (sets: Record<string, string>[]) => {
  const times: number[] = [];
  for (const f of sets) {
    const t0 = performance.now();
    await policyViews(f);
    times.push(performance.now() - t0);
  }
  return times;
};
const oneSector = await firstOf(sectors.map((sector) => ({ sector })));
figures.push({ name: `policy page interaction, a sector picked (precomputed, ${oneSector.length} sectors) p95`, value: percentile(oneSector, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
const [{ y: lastYear } = { y: 2025 }] = await served.rows<{ y: number }>('SELECT year(max(month))::INTEGER - 1 AS y FROM placement_monthly');
const wholeYear = await firstOf([{ from: `${lastYear}-01`, to: `${lastYear}-12` }, { from: `${lastYear - 1}-01`, to: `${lastYear - 1}-12` }]);
figures.push({ name: 'policy page interaction, a whole calendar year (precomputed) p95', value: percentile(wholeYear, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
// Computed on request: two filters at once, and a period that is not a calendar year.
// Twenty first requests each, so that the p95 is not simply the slowest of a few.
const twoFilters = await firstOf(sectors.flatMap((sector) => [{ sector, sex: 'F' }, { sector, sex: 'M' }]));
figures.push({ name: `policy page interaction, two filters (sector + sex, ${twoFilters.length} uncached) p95`, value: percentile(twoFilters, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
// Every 12-month period starting in February to December of the year before last and February to
// October of last year (a period starting in January is a calendar year, which is precomputed).
const twelveMonths = (year: number, m: number) => ({ from: `${year}-${String(m).padStart(2, '0')}`, to: `${year + 1}-${String(m - 1).padStart(2, '0')}` });
const otherPeriods = await firstOf([
  ...Array.from({ length: 11 }, (_, i) => twelveMonths(lastYear - 1, i + 2)),
  ...Array.from({ length: 9 }, (_, i) => twelveMonths(lastYear, i + 2)),
]);
figures.push({ name: `policy page interaction, another 12-month period (${otherPeriods.length} uncached) p95`, value: percentile(otherPeriods, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
// The outreach page's analysis of a territory: precomputed per province; a weight change is computed.
const DEFAULT_WEIGHTS = { w_lq: '0.35', w_growth: '0.3', w_tightness: '0.2', w_youth: '0.15' };
const outreachViews = (territory: string, weights: Record<string, string> = DEFAULT_WEIGHTS) => Promise.all([
  get('market-sectors', { territory }), get('market-shift-share', { territory }), get('market-tightness', { territory, by: 'sector' }),
  get('market-wages', { territory }), get('target-sectors', { territory, ...weights }),
]);
const territoryPicked = await timeRuns(() => outreachViews('09'), runs);
figures.push({ name: 'outreach page, a province picked (precomputed, 5 views) p95', value: percentile(territoryPicked, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
const cantons = ['0901', '0907', '1701', '1703'];
let nextCanton = 0;
const cantonPicked = await timeRuns(() => outreachViews(cantons[nextCanton++ % cantons.length]!), runs);
figures.push({ name: `outreach page, a canton picked (precomputed, 5 views; ${cantons.join(', ')} in turn) p95`, value: percentile(cantonPicked, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
const reweighted: number[] = [];
for (const w of ['0.5', '0.6', '0.7']) {
  const t0 = performance.now();
  await get('target-sectors', { territory: '09', ...DEFAULT_WEIGHTS, w_lq: w });
  reweighted.push(performance.now() - t0);
}
figures.push({ name: `outreach page, a weight changed (${reweighted.length} new weight sets, re-ranked) p95`, value: percentile(reweighted, 95), unit: 'ms', budget: 30, budgetKind: 'max' });
// A firm-score weight: every firm of the territories re-ranked from their cached components.
// Twenty new weights (none the page's 0.3), so that the p95 is not the slowest of a few.
const firmsReweighted: number[] = [];
for (const w of Array.from({ length: 20 }, (_, i) => (0.02 + i * 0.05).toFixed(2))) {
  const t0 = performance.now();
  await get('target-firms', { w_sector: w, w_posting: '0.25', w_fill: '0.15', w_contact: '0.2', w_youth: '0.1', limit: '500' });
  firmsReweighted.push(performance.now() - t0);
}
figures.push({ name: `outreach page, a firm weight changed (${firmsReweighted.length} new weight sets, 500 of the territories' firms) p95`, value: percentile(firmsReweighted, 95), unit: 'ms', budget: 30, budgetKind: 'max' });

// The outreach page's firm lists for the signed-in concertador's territories (precomputed per territory set).
const firmLists = await timeRuns(() => Promise.all([
  get('target-firms', { w_sector: '0.3', w_posting: '0.25', w_fill: '0.15', w_contact: '0.2', w_youth: '0.1', limit: '500' }),
  get('followup-due', {}), get('ageing-vacancies', {}), get('visit-loop', {}),
]), runs);
figures.push({ name: 'outreach page, the firm lists (precomputed, 4 views) p95', value: percentile(firmLists, 95), unit: 'ms', budget: 30, budgetKind: 'max' });

// The public page on a change of period: headline cards (now and before), by sex, the map, the trend.
const [{ period: latest } = { period: '' }, { period: before } = { period: '' }] = await served.rows<{ period: string }>('SELECT DISTINCT period FROM survey_person ORDER BY period DESC LIMIT 2');
const headline = ['youth_unemployment_15_24', 'youth_unemployment_18_29', 'neet_15_24', 'adequate_employment_rate', 'informality_rate', 'median_labour_income'];
const publicInteraction = await timeRuns(() => Promise.all([
  ...headline.flatMap((indicator) => [get('survey-indicator', { indicator, period: latest }), get('survey-indicator', { indicator, period: before })]),
  get('survey-indicator', { indicator: 'youth_unemployment_15_24', by: 'sex', period: latest }),
  get('survey-indicator', { indicator: 'youth_unemployment_15_24', by: 'province', period: latest }),
  get('survey-indicator', { indicator: 'youth_unemployment_15_24' }),
]), runs);
figures.push({ name: `public page interaction (${headline.length * 2 + 3} views) p95`, value: percentile(publicInteraction, 95), unit: 'ms', budget: 30, budgetKind: 'max' });

// Load test: 50 concurrent clients on loopback for a bounded time, over the public pages' answers.
const load = await autocannon({
  url: base,
  connections: 50,
  duration: scale === 'mx' ? 20 : 8,
  requests: [
    { method: 'GET', path: `/api/queries/survey-indicator?indicator=youth_unemployment_15_24&by=sex&period=${latest}` },
    { method: 'GET', path: `/api/queries/survey-indicator?indicator=youth_unemployment_15_24&by=province&period=${latest}` },
    { method: 'GET', path: '/api/queries/survey-indicator?indicator=informality_rate' },
    { method: 'GET', path: '/api/queries/youth-placements' },
    { method: 'GET', path: '/api/queries/provinces' },
  ],
});
figures.push({ name: `load test: 50 clients, ${load.requests.total.toLocaleString()} requests, p99 latency`, value: load.latency.p99, unit: 'ms' });
figures.push({ name: 'load test: requests per second (mean)', value: load.requests.average, unit: 'req/s' });
figures.push({ name: 'load test: errors, timeouts and non-2xx answers', value: load.errors + load.timeouts + load.non2xx, unit: '', budget: 0, budgetKind: 'max' });
server.close();
served.close();
bare.close();

// Public page JavaScript: the entry and the public page's chunks, gzipped.
const assets = resolve('dist/dashboard/assets');
if (existsSync(assets)) {
  const index = readFileSync(resolve('dist/dashboard/index.html'), 'utf8');
  const entry = [...index.matchAll(/(?:src|href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const publicChunks = readdirSync(assets).filter((f) => /^(PublicPage|public)/i.test(f) && f.endsWith('.js'));
  const total = [...new Set([...entry, ...publicChunks])].reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).byteLength, 0);
  figures.push({ name: 'public page JavaScript (gzip, entry + page chunk)', value: total / 1024, unit: 'KB', budget: 300, budgetKind: 'max' });
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log(`\nFaro benchmark — scale ${scale}, ${runs} runs per query, ${Math.round(statSync(dbPath).size / 2 ** 20)} MB warehouse\n`);
console.log(['figure'.padEnd(58), 'value'.padStart(12), 'reference'.padStart(12), 'ratio'.padStart(7), 'budget'.padStart(10), ''].join(' '));
for (const f of figures) {
  const ratio = f.reference ? f.value / f.reference : undefined;
  const ok = f.budget === undefined ? '' : f.budgetKind === 'ratio' ? (ratio !== undefined && ratio <= f.budget ? 'ok' : 'OVER') : f.value <= f.budget ? 'ok' : 'OVER';
  const budget = f.budget === undefined ? '' : f.budgetKind === 'ratio' ? `<= ${f.budget}x` : `<= ${f.budget} ${f.unit}`;
  console.log([f.name.padEnd(58), `${fmt(f.value)} ${f.unit}`.padStart(12), f.reference ? `${fmt(f.reference)} ${f.unit}` : ''.padStart(0), ratio ? `${ratio.toFixed(2)}x` : '', budget, ok]
    .map((c, i) => (i === 0 ? c : c.padStart([0, 12, 12, 7, 10, 5][i]!))).join(' '));
}
