/**
 * Deadlines approaching within N working days (KEZEN_APPROACHING_WORKING_DAYS, default 2): shown on the dashboard
 * and offered to the monitoring feed — a warning, not a fact, so nothing is appended to the log.
 */
import type { WorkingCalendar } from '../../../domain/calendar/types';
import type { OpenDeadlineSource } from './open-deadlines';

export interface ApproachingDeadline {
  streamName: string;
  deadlineId: string;
  rule: string;
  dueOn: string;
  /** Working days after today up to the due date (0: due today, the last day of the term). */
  workingDaysLeft: number;
}

/** The last date that is still "approaching": N working days after today (today itself counts as 0). */
export function approachingHorizon(
  calendar: Pick<WorkingCalendar, 'addWorkingDays'>,
  today: string,
  n: number,
): string {
  return n <= 0 ? today : calendar.addWorkingDays(today, n).dueOn;
}

export async function approachingDeadlines(
  source: OpenDeadlineSource,
  calendar: Pick<WorkingCalendar, 'addWorkingDays' | 'workingDaysBetween'>,
  today: string,
  workingDays: number,
): Promise<ApproachingDeadline[]> {
  const out: ApproachingDeadline[] = [];
  for await (const d of source.dueBetween(today, approachingHorizon(calendar, today, workingDays))) {
    out.push({
      streamName: d.streamName,
      deadlineId: d.deadlineId,
      rule: d.rule,
      dueOn: d.dueOn,
      workingDaysLeft: calendar.workingDaysBetween(today, d.dueOn),
    });
  }
  return out;
}
