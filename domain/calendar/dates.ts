/**
 * Local-date arithmetic in the legal time zone. Dates of legal meaning are `YYYY-MM-DD` in Asia/Almaty
 * (notes/CALENDAR.md "Time zone"); the zone is always the IANA name, never a fixed offset, so that instants before
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

export function isValidLocalDate(date: unknown): date is LocalDate {
  return typeof date === 'string' && ISO_DATE.test(date) && DateTime.fromISO(date, { zone: 'utc' }).isValid;
}

export function formatLocalDate(dt: DateTime): LocalDate {
  return dt.toFormat('yyyy-MM-dd');
}

export function plusDays(date: LocalDate, n: number): LocalDate {
  return formatLocalDate(parseLocalDate(date).plus({ days: n }));
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return parseLocalDate(date).weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;
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
  return formatLocalDate(toLegalZone(instant));
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
