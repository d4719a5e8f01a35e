/**
 * The working-day calendar of Kazakhstan (docs/CALENDAR.md) as seen by the rest of kezen.
 * Dates of legal meaning are local dates in Asia/Almaty, written `YYYY-MM-DD`; instants are ISO-8601 UTC strings.
 */
export type LocalDate = string;
export type Instant = string;

export type Channel = 'state-corporation' | 'state-corporation-duty' | 'portal' | 'provider';

/** Weekly opening hours, local time `HH:mm`, with an optional lunch break (Annex 1 item 7). */
export interface ChannelHours {
  /** ISO weekday 1 (Monday) … 7 (Sunday) → opening intervals; a missing day is closed. */
  weekly: Partial<
    Record<1 | 2 | 3 | 4 | 5 | 6 | 7, { open: string; close: string; breaks?: { from: string; to: string }[] }>
  >;
  /** True for the portal: accepted around the clock, but registered only on working days (Rules §5). */
  aroundTheClock?: boolean;
}

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** Why the day is off (holiday name, weekend rule, transfer act), or why a weekend day works; with the legal source. */
  reason?: string;
  source?: string;
  /** True when the year's data are computed from statutory rules only (Kurban ait and transfers not yet loaded). */
  provisional: boolean;
}

/** A computed due date with the rule that produced it (docs/HTTP-CONTRACT.md "Deadline conventions"). */
export interface DueDate {
  dueOn: LocalDate;
  rule: string;
  provisional: boolean;
}

export interface WorkingCalendar {
  dayInfo(date: LocalDate): DayInfo;
  isWorkingDay(date: LocalDate): boolean;
  /** N working days after `from` (the term starts the day after; Civil Code art. 176–178). */
  addWorkingDays(from: LocalDate, n: number): DueDate;
  /** N calendar days after `from`; a last day that is not a working day rolls to the next working day. */
  addCalendarDays(from: LocalDate, n: number): DueDate;
  /** Working days in (from, to]: 0 when to <= from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  nextWorkingDay(date: LocalDate): LocalDate;
  /** The next working day on or after `date`. */
  workingDayOnOrAfter(date: LocalDate): LocalDate;
  /** Subtract N working days (for "at least N working days before" rules). */
  subtractWorkingDays(from: LocalDate, n: number): LocalDate;
  /** Registration date of an application arriving at `instant` through `channel` (Rules §5, Annex 1 item 7). */
  registrationDate(instant: Instant, channel: Channel, hours?: ChannelHours): LocalDate;
  /** The Asia/Almaty local date of an instant. */
  localDate(instant: Instant): LocalDate;
  isProvisional(date: LocalDate): boolean;
}
