import { cumulative } from './random.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Hiring seasonality by calendar month (Jan..Dec): busy first quarter and September-November, a December dip. */
export const MONTH_SEASONALITY = [1.15, 1.1, 1.15, 1.0, 1.0, 0.95, 0.9, 0.95, 1.1, 1.1, 1.05, 0.75] as const;

/** The demo's window of days, with ISO strings cached and seasonal weights for drawing dates. */
export class DemoCalendar {
  readonly first: number;
  readonly last: number;
  /** Cumulative seasonal weights over the window's days (index 0 is `first`). */
  readonly seasonal: Float64Array;
  private readonly base: number;
  private readonly iso: (string | undefined)[] = [];

  constructor(end: string, years: number) {
    this.last = dayNumber(end);
    const endDate = new Date(this.last * DAY_MS);
    this.first = dayNumber(`${endDate.getUTCFullYear() - years}-${String(endDate.getUTCMonth() + 1).padStart(2, '0')}-01`);
    this.base = this.first - 40_000;
    const weights: number[] = [];
    for (let d = this.first; d <= this.last; d++) weights.push(MONTH_SEASONALITY[new Date(d * DAY_MS).getUTCMonth()]!);
    this.seasonal = cumulative(weights);
  }

  /** ISO `YYYY-MM-DD` of a day number (cached: dates repeat millions of times at scale mx). */
  date(day: number): string {
    const i = day - this.base;
    return (this.iso[i] ??= new Date(day * DAY_MS).toISOString().slice(0, 10));
  }

  /** Calendar year of a day number. */
  year(day: number): number {
    return new Date(day * DAY_MS).getUTCFullYear();
  }
}

/** Ecuador's unified basic wage (SBU, USD per month) by year; later years repeat the last. */
export function basicWage(year: number): number {
  const sbu: Record<number, number> = { 2015: 354, 2016: 366, 2017: 375, 2018: 386, 2019: 394, 2020: 400, 2021: 400, 2022: 425, 2023: 450, 2024: 460, 2025: 470, 2026: 482 };
  return sbu[Math.min(2026, Math.max(2015, year))]!;
}
