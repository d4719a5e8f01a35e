/**
 * The registration date of an application (Rules §5; Annex 1 item 7).
 *
 * Rules §5 (original: "жұмыс уақыты аяқталғаннан кейін, демалыс және мереке күндері жүгінген жағдайда … келесі
 * жұмыс күні"): an application made **after working hours have ended**, on a weekend or on a holiday is accepted on
 * the **next working day**; otherwise it is registered on the day it arrives.
 *
 * Interpretation, written down once:
 * - Arrival on a working day within the channel's hours → that day.
 * - Arrival on a working day **before opening or during the lunch break** → that same day: the working hours of
 *   that day have not yet ended (the text moves only applications made after the end of working hours), and the
 *   application is taken up when the office opens / resumes.
 * - Arrival on a working day after closing, or on any non-working day → the next working day.
 * - **Portal** (Annex 1 item 7(3): "around the clock, except maintenance"): its working hours are taken to be the
 *   whole of every working day, 00:00–24:00 Asia/Almaty; anything on a weekend or holiday registers on the next
 *   working day. A deployment that reads "working hours" as the provider's schedule passes that schedule as `hours`.
 * - **Duty departments** (Annex 1 item 7(2): Mon–Fri 9:00–20:00, Sat 9:00–13:00): a Saturday is not a working day
 *   (five-day week, docs/CALENDAR.md), so a Saturday intake is accepted on the spot but registered on the next
 *   working day (Rules §5 "on a weekend … next working day"); the State Corporation still delivers it to the provider
 *   the day it accepted it (Rules §5, last sentence) — a fact for the delivery record, not for the term.
 * - A weekend day made a working day by a transfer act works as an ordinary weekday: it takes the Monday hours of
 *   the channel (Labour Code art. 85 para 3).
 */
import { formatLocalDate, toLegalZone } from './dates';
import type { Channel, ChannelHours, Instant, LocalDate } from './types';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

function weekdays(open: string, close: string, breaks?: { from: string; to: string }[]): ChannelHours['weekly'] {
  const weekly: ChannelHours['weekly'] = {};
  for (const d of WEEKDAYS) weekly[d] = { open, close, ...(breaks ? { breaks } : {}) };
  return weekly;
}

/** Annex 1 item 7(1): the provider works Mon–Fri by its own schedule with a lunch break; a common one. */
export function providerHours(
  open = '09:00',
  close = '18:30',
  lunch: { from: string; to: string } | null = { from: '13:00', to: '14:30' },
): ChannelHours {
  return { weekly: weekdays(open, close, lunch ? [lunch] : undefined) };
}

/** Default hours per channel (Annex 1 item 7). */
export const CHANNEL_HOURS: Record<Channel, ChannelHours> = {
  // Annex 1 item 7(2): Monday to Friday 9:00–18:00 without a break.
  'state-corporation': { weekly: weekdays('09:00', '18:00') },
  // Annex 1 item 7(2): duty departments Monday to Friday 9:00–20:00 and Saturday 9:00–13:00.
  'state-corporation-duty': { weekly: { ...weekdays('09:00', '20:00'), 6: { open: '09:00', close: '13:00' } } },
  // Annex 1 item 7(3): around the clock; registered on working days only (Rules §5).
  portal: { weekly: weekdays('00:00', '24:00'), aroundTheClock: true },
  // Annex 1 item 7(1): configurable per provider; default 9:00–18:30, lunch 13:00–14:30 (docs/CALENDAR.md).
  provider: providerHours(),
};

function minutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Not a time HH:mm: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export interface CalendarDays {
  isWorkingDay(date: LocalDate): boolean;
  nextWorkingDay(date: LocalDate): LocalDate;
}

export function registrationDate(
  cal: CalendarDays,
  instant: Instant,
  channel: Channel,
  hours?: ChannelHours,
): LocalDate {
  const local = toLegalZone(instant);
  const date = formatLocalDate(local);
  if (!cal.isWorkingDay(date)) return cal.nextWorkingDay(date);
  const schedule = hours ?? CHANNEL_HOURS[channel];
  if (schedule.aroundTheClock) return date;
  const weekday = local.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  // A working weekend day (transfer act) takes the Monday hours.
  const day = schedule.weekly[weekday] ?? (weekday >= 6 ? schedule.weekly[1] : undefined);
  if (!day) return cal.nextWorkingDay(date);
  const now = local.hour * 60 + local.minute;
  // Before the end of the day's working hours (including before opening and during a break) → that day.
  return now < minutes(day.close) ? date : cal.nextWorkingDay(date);
}
