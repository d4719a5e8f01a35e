/**
 * The deadline conventions (docs/HTTP-CONTRACT.md "Deadline conventions"), written once. Every due date kezen computes
 * carries one of these rule texts, so a reader of an event can see which convention produced it.
 */
export const CONVENTIONS = {
  /**
   * A term of N days starts on the day after its triggering date and ends at the end of its last day, Asia/Almaty
   * time (Civil Code art. 176–178 convention; docs/HTTP-CONTRACT.md "Deadline conventions").
   */
  termStartsNextDay:
    'Civil Code art. 176–178: a term starts on the day after its trigger and ends at the end of its last day (Asia/Almaty)',
  /** A calendar-day term whose last day is not a working day ends on the next working day (Civil Code art. 178). */
  calendarDaysRollForward:
    'Civil Code art. 178: a calendar-day term ending on a non-working day ends on the next working day',
  /** A working-day term counts working days only (docs/CALENDAR.md). */
  workingDaysOnly: 'A working-day term counts working days only (docs/CALENDAR.md; Labour Code art. 84–85)',
  /** Registration: on the day of arrival within the channel's hours; otherwise on the next working day (Rules §5). */
  registration:
    'Rules §5; Annex 1 item 7: registered on the day of arrival within working hours, otherwise on the next working day',
  /** "At least N working days before" a date (Rules §10 hearing notice). */
  workingDaysBefore:
    'At least N working days before the end of the term: the latest working day leaving N working days up to it',
} as const;

export type ConventionId = keyof typeof CONVENTIONS;

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Rule text of a calendar-day due date (conventions termStartsNextDay + calendarDaysRollForward). */
export function calendarDaysRule(n: number, rolledForward: boolean): string {
  const base = `${plural(n, 'calendar day')} from the day after the trigger (Civil Code art. 176–178)`;
  return rolledForward ? `${base}; last day not a working day → next working day (Civil Code art. 178)` : base;
}

/** Rule text of a working-day due date (conventions termStartsNextDay + workingDaysOnly). */
export function workingDaysRule(n: number): string {
  return `${plural(n, 'working day')} from the day after the trigger, working days only (Civil Code art. 176–178; docs/CALENDAR.md)`;
}

/** Rule text of an "at least N working days before" date (convention workingDaysBefore). */
export function workingDaysBeforeRule(n: number): string {
  return `latest working day at least ${plural(n, 'working day')} before the end of the term`;
}
