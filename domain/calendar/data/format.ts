/**
 * The format of a year's calendar data (docs/CALENDAR.md: the calendar is data — one file per year, each entry with
 * its legal source — so that a new Government transfer or a law change is a data edit). The same
 * format is what an operator loads through `KEZEN_CALENDAR_FILE` (see `validate.ts`).
 */
import type { LocalDate } from '../types';

/** A day whose status a transfer act (or an operator) sets explicitly, overriding the statutory computation. */
export interface CalendarDayEntry {
  date: LocalDate;
  /** true: a working day (e.g. a weekend day a transfer act made working); false: a day off. */
  working: boolean;
  reason: string;
  source: string;
}

export interface CalendarYearData {
  year: number;
  /**
   * true when the year's Kurban ait and transfer acts are loaded, so the year is final. A year without data, or with
   * `complete: false`, is computed from the statutory rules only and is **provisional**.
   */
  complete: boolean;
  /** First day of Kurban ait (religious day off, never moved: Labour Code art. 84 para 5). */
  kurbanAit?: { date: LocalDate; source: string };
  /** Transfers of days off and other explicit days (Labour Code art. 85 para 3). */
  days: CalendarDayEntry[];
  /** Where the year's data came from. */
  source: string;
}

/** An extra calendar (operator file): years adding to or overriding the shipped data. */
export interface CalendarData {
  years: CalendarYearData[];
}
