/**
 * The deadline conventions of PRODUCT.md ("Deadline conventions"), written once. Every due date kezen computes
 * carries one of these rule texts, so a reader of an event can see which convention produced it.
 */
export const CONVENTIONS = {
  /**
   * A term of N days starts on the day after its triggering date and ends at the end of its last day, Asia/Almaty
   * time (Civil Code art. 176–178 convention; PRODUCT.md "Deadline conventions").
   */
  termStartsNextDay:
    'Civil Code art. 176–178: a term starts on the day after its trigger and ends at the end of its last day (Asia/Almaty)',
  /** A calendar-day term whose last day is not a working day ends on the next working day (Civil Code art. 178). */
  calendarDaysRollForward:
    'Civil Code art. 178: a calendar-day term ending on a non-working day ends on the next working day',
  /** A working-day term counts working days only (notes/CALENDAR.md). */
  workingDaysOnly: 'A working-day term counts working days only (notes/CALENDAR.md; Labour Code art. 84–85)',
  /** Registration: on the day of arrival within the channel's hours; otherwise on the next working day (Rules §5). */
  registration:
    'Rules §5; Annex 1 item 7: registered on the day of arrival within working hours, otherwise on the next working day',
  /** "At least N working days before" a date (Rules §10 hearing notice). */
  workingDaysBefore:
    'At least N working days before the end of the term: the latest working day leaving N working days up to it',
} as const;

export type ConventionId = keyof typeof CONVENTIONS;

export function calendarDaysRule(n: number, rolledForward: boolean): string {
  const base = `${n} calendar day(s) from the day after the trigger (${CONVENTIONS.termStartsNextDay})`;
  return rolledForward
    ? `${base}; last day not a working day, moved on (${CONVENTIONS.calendarDaysRollForward})`
    : base;
}

export function workingDaysRule(n: number): string {
  return `${n} working day(s) from the day after the trigger (${CONVENTIONS.workingDaysOnly}; ${CONVENTIONS.termStartsNextDay})`;
}

export function workingDaysBeforeRule(n: number): string {
  return `${n} working day(s) before (${CONVENTIONS.workingDaysBefore}; ${CONVENTIONS.workingDaysOnly})`;
}
