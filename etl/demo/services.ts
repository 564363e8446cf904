import { join } from 'node:path';
import { firmContacts } from '../sources/firm-contacts.ts';
import { mobilityCases } from '../sources/mobility-cases.ts';
import { serviceEvents } from '../sources/service-events.ts';
import type { DemoCalendar } from './calendar.ts';
import { CsvWriter, quote } from './csv-writer.ts';
import type { DemoFirms } from './firms.ts';
import type { DemoGeography } from './geography.ts';
import { cumulative, type Random } from './random.ts';
import { lastRegisteredBy, type DemoSeekers } from './seekers.ts';

/** Kinds of service event and their shares. */
export const EVENT_MIX = { CONSEJERIA: 0.35, ENTREVISTA: 0.15, TALLER_BUSCADORES: 0.15, TALLER_EMPLEADORES: 0.05, FERIA_EMPLEO: 0.1, PORTAL: 0.2 } as const;
const KINDS = Object.keys(EVENT_MIX) as (keyof typeof EVENT_MIX)[];
const KIND_WEIGHTS = cumulative(Object.values(EVENT_MIX));
const STEPS = ['ANALISIS_MERCADO', 'FOCALIZACION', 'FACILITACION', 'COORDINACION', 'SEGUIMIENTO'] as const;
const STEP_WEIGHTS = cumulative([0.15, 0.25, 0.3, 0.1, 0.2]);
/** Temporary labor-mobility programmes of the demo, with their destination. */
export const PROGRAMMES = [
  ['Trabajo temporal agrícola', 'ES'],
  ['Cuidado de personas', 'CA'],
  ['Hostelería de temporada', 'ES'],
  ['Trabajadores agrícolas temporales', 'CA'],
  ['Construcción', 'DE'],
] as const;

/**
 * Writes `eventos_servicio.csv` (job fairs are held on one day a month per office, so their
 * attendance bunches), `contactos_empresas.csv` (about three outreach contacts per firm over
 * the window) and `movilidad.csv` (one case per 200 seekers, most in early stages).
 */
export async function writeServices(dir: string, n: number, random: Random, calendar: DemoCalendar, geo: DemoGeography, firms: DemoFirms, seekers: DemoSeekers) {
  const events = new CsvWriter(join(dir, 'eventos_servicio.csv'), serviceEvents.columns.map((c) => c.header));
  const offices = geo.offices;
  for (let i = 0; i < n; i++) {
    const kind = KINDS[random.weighted(KIND_WEIGHTS)]!;
    let day = calendar.first + random.weighted(calendar.seasonal);
    const officeIndex = random.int(0, offices.length - 1);
    if (kind === 'FERIA_EMPLEO') {
      day -= ((day - officeIndex) % 30 + 30) % 30;
      if (day < calendar.first) day += 30;
    }
    const employer = kind === 'TALLER_EMPLEADORES';
    const last = employer ? -1 : lastRegisteredBy(seekers.regDay, null, day);
    const seeker = last >= 0 ? seekers.ids[random.int(0, last)]! : '';
    const firm = employer || (kind === 'FERIA_EMPLEO' && random.chance(0.1)) ? firms.ruc[random.int(0, firms.ruc.length - 1)]! : '';
    await events.row([`E${String(i + 1).padStart(9, '0')}`, kind, calendar.date(day), offices[officeIndex]!.code, employer ? '' : seeker, firm]);
  }
  await events.close();

  const contacts = new CsvWriter(join(dir, 'contactos_empresas.csv'), firmContacts.columns.map((c) => c.header));
  const nContacts = firms.ruc.length * 3;
  for (let i = 0; i < nContacts; i++) {
    const firm = random.weighted(firms.postingWeights);
    await contacts.row([`K${String(i + 1).padStart(9, '0')}`, firms.ruc[firm]!, firms.office[firm]!, calendar.date(calendar.first + random.weighted(calendar.seasonal)), STEPS[random.weighted(STEP_WEIGHTS)]!]);
  }
  await contacts.close();

  const mobility = new CsvWriter(join(dir, 'movilidad.csv'), mobilityCases.columns.map((c) => c.header));
  const nCases = Math.max(5, Math.floor(seekers.ids.length / 200));
  for (let i = 0; i < nCases; i++) {
    const opened = calendar.first + random.weighted(calendar.seasonal);
    const last = lastRegisteredBy(seekers.regDay, null, opened);
    if (last < 0) continue;
    const stage = 1 + Math.floor(13 * random.next() ** 2);
    const [programme, country] = random.pick(PROGRAMMES);
    await mobility.row([`M${String(i + 1).padStart(7, '0')}`, seekers.ids[random.int(0, last)]!, quote(`${programme} — ${country}`), country, stage,
      calendar.date(opened), calendar.date(Math.min(calendar.last, opened + stage * random.int(5, 20)))]);
  }
  await mobility.close();
  return { serviceEvents: events.rows, firmContacts: contacts.rows, mobilityCases: mobility.rows };
}
