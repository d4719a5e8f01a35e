/**
 * The days off of one year, computed from the statutory rules and the year's data (docs/CALENDAR.md).
 * Only exceptions are stored: a weekday off, or a weekend day that works. Everything else is a plain weekday/weekend.
 */
import { isWeekend, localDate, plusDays } from './dates';
import type { CalendarYearData } from './data/format';
import { statutoryDaysOffIn } from './data/statutory-holidays';
import type { LocalDate } from './types';

export interface DayStatus {
  working: boolean;
  reason: string;
  source: string;
}

export const WEEKEND_RULE =
  'Weekend rule: a holiday on a Saturday or Sunday moves a day off to the next working day, each holiday day separately (Law "On holidays in the Republic of Kazakhstan" art. 5)';

export interface ComputedYear {
  year: number;
  provisional: boolean;
  /** Explicit day statuses (holidays, religious days, weekend-rule days, transfers) keyed by date. */
  days: Map<LocalDate, DayStatus>;
}

/**
 * @param data the year's data (Kurban ait, transfers); absent = statutory rules only, provisional.
 */
export function computeYear(year: number, data?: CalendarYearData): ComputedYear {
  const days = new Map<LocalDate, DayStatus>();
  const rules = statutoryDaysOffIn(year);
  for (const rule of rules) {
    days.set(localDate(year, rule.month, rule.day), {
      working: false,
      reason: rule.kind === 'religious' ? `${rule.name} (religious day off, never moved)` : rule.name,
      source: rule.source,
    });
  }
  if (data?.kurbanAit) {
    days.set(data.kurbanAit.date, {
      working: false,
      reason: 'Kurban ait, first day (religious day off, never moved)',
      source: data.kurbanAit.source,
    });
  }
  // Weekend rule, in date order so that each holiday day on a weekend takes its own next free weekday
  // (Nauryz 21–22 March 2026 on Sat/Sun, 23 March a holiday itself → 24 and 25 March off).
  const weekendHolidays = rules
    .filter((r) => r.kind === 'holiday')
    .map((r) => ({ rule: r, date: localDate(year, r.month, r.day) }))
    .filter((h) => isWeekend(h.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const h of weekendHolidays) {
    let d = plusDays(h.date, 1);
    while (isWeekend(d) || days.has(d)) d = plusDays(d, 1);
    days.set(d, {
      working: false,
      reason: `Day off for ${h.rule.name} on ${h.date} (weekend rule)`,
      source: `${WEEKEND_RULE}; ${h.rule.source}`,
    });
  }
  // Transfer acts and explicit days override the computation (Labour Code art. 85 para 3).
  for (const entry of data?.days ?? []) {
    days.set(entry.date, { working: entry.working, reason: entry.reason, source: entry.source });
  }
  return { year, provisional: !data?.complete, days };
}
