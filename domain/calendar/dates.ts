/**
 * Local-date arithmetic in the legal time zone. Dates of legal meaning are `YYYY-MM-DD` in Asia/Almaty
 * (docs/CALENDAR.md "Time zone"); the zone is always the IANA name, never a fixed offset, so that instants before
 * 1 March 2024 (UTC+6) and after (UTC+5) both resolve correctly.
 */
import { DateTime } from 'luxon';
import type { Instant, LocalDate } from './types';

export const LEGAL_ZONE = 'Asia/Almaty';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parse a `YYYY-MM-DD` local date (calendar arithmetic is done at UTC midnight: no DST or offset can shift a day). */
export function parseLocalDate(date: LocalDate): DateTime {
  if (typeof date !== 'string' || !ISO_DATE.test(date))
    throw new RangeError(`Not a local date (YYYY-MM-DD): ${String(date)}`);
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`Not a valid calendar date: ${date}`);
  return dt;
}

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a local date. Civil-date arithmetic is plain integer arithmetic on the proleptic
 * Gregorian calendar (no zone is involved in counting days); luxon is used where a zone is (instants).
 */
export function dayNumber(date: LocalDate): number {
  if (typeof date !== 'string' || !ISO_DATE.test(date))
    throw new RangeError(`Not a local date (YYYY-MM-DD): ${String(date)}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const ms = Date.UTC(y, m - 1, d);
  const n = Math.round(ms / MS_PER_DAY);
  if (m < 1 || m > 12 || d < 1 || fromDayNumber(n) !== date) throw new RangeError(`Not a valid calendar date: ${date}`);
  return n;
}

export function fromDayNumber(n: number): LocalDate {
  const iso = new Date(n * MS_PER_DAY).toISOString();
  return iso.slice(0, 10);
}

export function isValidLocalDate(date: unknown): date is LocalDate {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return false;
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function formatLocalDate(dt: DateTime): LocalDate {
  return dt.toFormat('yyyy-MM-dd');
}

export function plusDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant in the legal zone; throws on a malformed instant. */
export function toLegalZone(instant: Instant): DateTime {
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) throw new RangeError(`Not an ISO-8601 instant: ${instant}`);
  return dt.setZone(LEGAL_ZONE);
}

export function localDateOf(instant: Instant): LocalDate {
  return fastLocalDateOf(instant) ?? formatLocalDate(toLegalZone(instant));
}

/*
 * Fast path of localDateOf (luxon dominated the CPU profile of a projection rebuild and showed in every command): the
 * legal zone's offset is looked up once per UTC hour — since 2000 every Asia/Almaty offset is a whole number of
 * hours, so every transition falls on a whole UTC hour — and the date is plain arithmetic. Only plain, in-range
 * ISO instants of 2000–9999 take it; anything else goes to luxon (which also rejects what is malformed).
 */
const PLAIN_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
const HOUR_MS = 3_600_000;
const offsetMinutesByUtcHour = new Map<number, number>();

function fastLocalDateOf(instant: Instant): LocalDate | undefined {
  const m = typeof instant === 'string' ? PLAIN_INSTANT.exec(instant) : null;
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 2000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  let offset = 0;
  if (!m[8]) {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Milliseconds are truncated, as luxon does.
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  const utcHour = Math.floor(utc / HOUR_MS);
  let zoneOffset = offsetMinutesByUtcHour.get(utcHour);
  if (zoneOffset === undefined) {
    zoneOffset = DateTime.fromMillis(utcHour * HOUR_MS, { zone: LEGAL_ZONE }).offset;
    if (offsetMinutesByUtcHour.size >= 200_000) offsetMinutesByUtcHour.clear();
    offsetMinutesByUtcHour.set(utcHour, zoneOffset);
  }
  return new Date(utc + zoneOffset * 60_000).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both inclusive. */
export function* eachDay(from: LocalDate, to: LocalDate): Generator<LocalDate> {
  let d = parseLocalDate(from);
  const end = parseLocalDate(to);
  while (d <= end) {
    yield formatLocalDate(d);
    d = d.plus({ days: 1 });
  }
}
