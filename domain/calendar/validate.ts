/**
 * Validation of an extra calendar (operator file `KEZEN_CALENDAR_FILE`, already parsed from JSON by the runtime).
 * Pure: it takes the parsed value and either returns typed data or throws a `CalendarDataError` naming the bad entry.
 */
import { isValidLocalDate, yearOf } from './dates';
import type { CalendarData, CalendarDayEntry, CalendarYearData } from './data/format';

export class CalendarDataError extends Error {
  constructor(
    message: string,
    /** Path of the bad entry, e.g. `years[0].days[2]`. */
    readonly entry: string,
  ) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function fail(origin: string, path: string, what: string, value?: unknown): never {
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  throw new CalendarDataError(`Calendar data ${origin}: ${path}: ${what}${shown}`, path);
}

function validateDay(origin: string, path: string, year: number, v: unknown): CalendarDayEntry {
  if (!isRecord(v)) fail(origin, path, 'must be an object {date, working, reason, source}', v);
  const label = isValidLocalDate(v.date) ? `${path} (${v.date})` : path;
  if (!isValidLocalDate(v.date)) fail(origin, `${path}.date`, 'must be a valid date YYYY-MM-DD', v.date);
  if (yearOf(v.date) !== year) fail(origin, `${label}.date`, `is not in year ${year}`, v.date);
  if (typeof v.working !== 'boolean') fail(origin, `${label}.working`, 'must be true or false', v.working);
  if (!nonEmptyString(v.reason)) fail(origin, `${label}.reason`, 'must be a non-empty string', v.reason);
  if (!nonEmptyString(v.source)) fail(origin, `${label}.source`, 'must name the legal source', v.source);
  return { date: v.date, working: v.working, reason: v.reason, source: v.source };
}

function validateYear(origin: string, path: string, v: unknown): CalendarYearData {
  if (!isRecord(v)) fail(origin, path, 'must be an object {year, complete, source, kurbanAit?, days}', v);
  const year = v.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1992 || year > 2200)
    fail(origin, `${path}.year`, 'must be an integer year', year);
  const at = `${path} (${year})`;
  if (typeof v.complete !== 'boolean') fail(origin, `${at}.complete`, 'must be true or false', v.complete);
  if (!nonEmptyString(v.source)) fail(origin, `${at}.source`, 'must say where the year’s data came from', v.source);
  let kurbanAit: CalendarYearData['kurbanAit'];
  if (v.kurbanAit !== undefined) {
    const k = v.kurbanAit;
    if (!isRecord(k)) fail(origin, `${at}.kurbanAit`, 'must be an object {date, source}', k);
    if (!isValidLocalDate(k.date) || yearOf(k.date) !== year)
      fail(origin, `${at}.kurbanAit.date`, `must be a valid date YYYY-MM-DD in ${year}`, k.date);
    if (!nonEmptyString(k.source)) fail(origin, `${at}.kurbanAit.source`, 'must name the legal source', k.source);
    kurbanAit = { date: k.date, source: k.source };
  }
  if (v.complete === true && kurbanAit === undefined)
    fail(origin, `${at}.kurbanAit`, 'a complete year must give the first day of Kurban ait');
  const days = v.days ?? [];
  if (!Array.isArray(days)) fail(origin, `${at}.days`, 'must be an array', days);
  const seen = new Set<string>();
  const parsed = days.map((d, i) => {
    const day = validateDay(origin, `${at}.days[${i}]`, year, d);
    if (seen.has(day.date)) fail(origin, `${at}.days[${i}] (${day.date})`, 'duplicate date');
    seen.add(day.date);
    return day;
  });
  return { year, complete: v.complete, source: v.source, ...(kurbanAit ? { kurbanAit } : {}), days: parsed };
}

/** Validate a parsed extra calendar; `origin` names it in errors (e.g. the file path). */
export function validateCalendarData(value: unknown, origin = 'extra calendar'): CalendarData {
  if (!isRecord(value)) fail(origin, '(root)', 'must be an object {"years": [...]}', value);
  if (!Array.isArray(value.years)) fail(origin, 'years', 'must be an array of years', value.years);
  const seen = new Set<number>();
  const years = value.years.map((y, i) => {
    const parsed = validateYear(origin, `years[${i}]`, y);
    if (seen.has(parsed.year)) fail(origin, `years[${i}] (${parsed.year})`, 'duplicate year');
    seen.add(parsed.year);
    return parsed;
  });
  return { years };
}
