/**
 * `createCalendar(extra?)` builds the WorkingCalendar of Kazakhstan from the statutory rules, the shipped years
 * (2024–2026) and an optional extra calendar (operator file, already parsed). Pure: no I/O, no clock.
 */
import { calendarDaysRule, workingDaysRule } from './conventions';
import { dayNumber, isWeekend, localDateOf, plusDays, yearOf } from './dates';
import { SHIPPED_YEARS } from './data';
import type { CalendarData, CalendarYearData } from './data/format';
import { registrationDate } from './registration';
import type { ChannelHours, DayInfo, DueDate, LocalDate, WorkingCalendar } from './types';
import { validateCalendarData } from './validate';
import { computeYear, type ComputedYear } from './year';

/** Safety bound for searches: no term in the regulation comes near this many days. */
const MAX_SCAN_DAYS = 366 * 5;

export interface KezenCalendar extends WorkingCalendar {
  /** The year data in use (shipped merged with extra), for listings such as `npm run calendar -- year`. */
  yearData(year: number): CalendarYearData | undefined;
  /** Every day of the year that differs from a plain weekday/weekend week: days off on weekdays, working weekend days, and holidays on weekends. */
  exceptions(year: number): DayInfo[];
  workingDaysInYear(year: number): number;
}

function mergeYears(
  base: readonly CalendarYearData[],
  extra: readonly CalendarYearData[],
): Map<number, CalendarYearData> {
  const byYear = new Map<number, CalendarYearData>(base.map((y) => [y.year, y]));
  for (const e of extra) {
    const b = byYear.get(e.year);
    if (!b) {
      byYear.set(e.year, e);
      continue;
    }
    const days = new Map(b.days.map((d) => [d.date, d]));
    for (const d of e.days) days.set(d.date, d);
    byYear.set(e.year, {
      year: e.year,
      complete: e.complete,
      source: `${e.source}; over ${b.source}`,
      ...((e.kurbanAit ?? b.kurbanAit) ? { kurbanAit: e.kurbanAit ?? b.kurbanAit } : {}),
      days: [...days.values()].sort((x, y) => x.date.localeCompare(y.date)),
    });
  }
  return byYear;
}

export function createCalendar(extra?: CalendarData): KezenCalendar {
  const extraYears = extra === undefined ? [] : validateCalendarData(extra).years;
  const data = mergeYears(SHIPPED_YEARS, extraYears);
  const computed = new Map<number, ComputedYear>();

  function year(y: number): ComputedYear {
    let c = computed.get(y);
    if (!c) {
      c = computeYear(y, data.get(y));
      // A weekend-rule day could in principle spill over into the next year (a holiday late in December on a weekend).
      const prev = computeYear(y - 1, data.get(y - 1));
      for (const [d, s] of prev.days) if (yearOf(d) === y && !c.days.has(d)) c.days.set(d, s);
      computed.set(y, c);
    }
    return c;
  }

  // Memo of computed days: deadlines and the watcher ask about the same few hundred dates over and over.
  const memo = new Map<LocalDate, DayInfo>();

  function dayInfo(date: LocalDate): DayInfo {
    const hit = memo.get(date);
    if (hit) return hit;
    dayNumber(date); // validates
    const y = year(yearOf(date));
    const s = y.days.get(date);
    const info: DayInfo = s
      ? { date, working: s.working, reason: s.reason, source: s.source, provisional: y.provisional }
      : { date, working: !isWeekend(date), provisional: y.provisional };
    memo.set(date, Object.freeze(info));
    return info;
  }

  const isWorkingDay = (date: LocalDate): boolean => dayInfo(date).working;

  function workingDayOnOrAfter(date: LocalDate): LocalDate {
    let d = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i++, d = plusDays(d, 1)) if (isWorkingDay(d)) return d;
    throw new RangeError(`No working day within ${MAX_SCAN_DAYS} days of ${date}`);
  }

  const nextWorkingDay = (date: LocalDate): LocalDate => workingDayOnOrAfter(plusDays(date, 1));

  /** True when any year from `from` to `to` is provisional: the result rests on statutory rules only. */
  function spansProvisional(from: LocalDate, to: LocalDate): boolean {
    for (let y = Math.min(yearOf(from), yearOf(to)); y <= Math.max(yearOf(from), yearOf(to)); y++)
      if (year(y).provisional) return true;
    return false;
  }

  function assertCount(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`A term is a whole number of days ≥ 0 (got ${n})`);
  }

  function addWorkingDays(from: LocalDate, n: number): DueDate {
    assertCount(n);
    dayNumber(from);
    let d = from;
    // The term starts on the day after the trigger (conventions: termStartsNextDay); count working days only.
    for (let left = n; left > 0;) {
      d = plusDays(d, 1);
      if (isWorkingDay(d)) left--;
    }
    return { dueOn: d, rule: workingDaysRule(n), provisional: spansProvisional(from, d) };
  }

  function addCalendarDays(from: LocalDate, n: number): DueDate {
    assertCount(n);
    const last = plusDays(from, n);
    const dueOn = workingDayOnOrAfter(last);
    return { dueOn, rule: calendarDaysRule(n, dueOn !== last), provisional: spansProvisional(from, dueOn) };
  }

  function workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (dayNumber(to) <= dayNumber(from)) return 0;
    let count = 0;
    for (let d = plusDays(from, 1); d <= to; d = plusDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  }

  /**
   * The latest working day X with at least N working days in (X, from] — "at least N working days before" (Rules §10).
   */
  function subtractWorkingDays(from: LocalDate, n: number): LocalDate {
    assertCount(n);
    let d = from;
    for (let left = n; left > 0; d = plusDays(d, -1)) if (isWorkingDay(d)) left--;
    while (!isWorkingDay(d)) d = plusDays(d, -1);
    return d;
  }

  function exceptions(y: number): DayInfo[] {
    return [...year(y).days.keys()]
      .filter((d) => yearOf(d) === y)
      .sort()
      .map(dayInfo);
  }

  function workingDaysInYear(y: number): number {
    return workingDaysBetween(`${y - 1}-12-31`, `${y}-12-31`);
  }

  return {
    dayInfo,
    isWorkingDay,
    addWorkingDays,
    addCalendarDays,
    workingDaysBetween,
    nextWorkingDay,
    workingDayOnOrAfter,
    subtractWorkingDays,
    registrationDate: (instant, channel, hours?: ChannelHours) =>
      registrationDate({ isWorkingDay, nextWorkingDay }, instant, channel, hours),
    localDate: localDateOf,
    isProvisional: (date) => year(yearOf(date)).provisional,
    yearData: (y) => data.get(y),
    exceptions,
    workingDaysInYear,
  };
}
