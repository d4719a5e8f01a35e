/**
 * Deadlines are facts, not gates: the law binds the provider and kezen records reality.
 * A deadline is set with its rule and due date; it is later satisfied (on time or late), missed (the breach,
 * recorded once — by the deadline watcher or at the late step) or cancelled (the step no longer applies).
 */
import type { LocalDate } from '../calendar/types';
import type { TermId } from '../regulation/types';

export interface Deadline {
  /** Stable within the stream, e.g. `decision`, `contract`, `hearing-notice`. */
  deadlineId: string;
  termId: TermId;
  rule: string;
  description: string;
  unit: 'working-days' | 'calendar-days';
  days: number;
  /** The triggering date; the term runs from the next day. */
  triggeredOn: LocalDate;
  dueOn: LocalDate;
  /** True when the due date falls in a year whose calendar is provisional. */
  provisional: boolean;
  regulationVersion: string;
}

export type DeadlineState = 'open' | 'met' | 'missed' | 'cancelled';

export interface DeadlineSetData {
  deadline: Deadline;
}
export interface DeadlineSatisfiedData {
  deadlineId: string;
  satisfiedOn: LocalDate;
  /** true when satisfiedOn > dueOn */
  late: boolean;
  rule: string;
}
export interface DeadlineMissedData {
  deadlineId: string;
  dueOn: LocalDate;
  /** The first local date on which the step was overdue. */
  missedOn: LocalDate;
  rule: string;
  /** `watcher` when the deadline watcher detected it, `late-step` when recorded with the late step. */
  detectedBy: 'watcher' | 'late-step';
}
export interface DeadlineCancelledData {
  deadlineId: string;
  reason: string;
}

/** The shared deadline events every service's decider emits (their schemas are in contracts/deadlines.ts). */
export type DeadlineEvent =
  | { type: 'DeadlineSet'; data: DeadlineSetData }
  | { type: 'DeadlineSatisfied'; data: DeadlineSatisfiedData }
  | { type: 'DeadlineMissed'; data: DeadlineMissedData }
  | { type: 'DeadlineCancelled'; data: DeadlineCancelledData };
