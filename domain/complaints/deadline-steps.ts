/**
 * Deadline facts of the complaint stream. "Deadlines are facts, not gates": a late step is accepted and
 * recorded with its breach — the DeadlineMissed (once, `late-step` unless the watcher already recorded it) and then
 * the DeadlineSatisfied with `late: true`.
 */
import { plusDays } from '../calendar/dates';
import type { LocalDate } from '../calendar/types';
import type { DeadlineEvent } from '../shared/deadlines';
import type { ComplaintState } from './state';

/** The first local date on which a step due on `dueOn` is overdue. */
export const overdueFrom = (dueOn: LocalDate): LocalDate => plusDays(dueOn, 1);

/** The step a deadline guards was taken on `on`: nothing when the deadline is absent or already settled. */
export function completeDeadline(state: ComplaintState, deadlineId: string, on: LocalDate): DeadlineEvent[] {
  const d = state.deadlines[deadlineId];
  if (!d || d.state === 'met' || d.state === 'cancelled' || d.satisfiedOn !== undefined) return [];
  const late = on > d.deadline.dueOn;
  const events: DeadlineEvent[] = [];
  if (late && !d.breachRecorded)
    events.push({
      type: 'DeadlineMissed',
      data: {
        deadlineId,
        dueOn: d.deadline.dueOn,
        missedOn: overdueFrom(d.deadline.dueOn),
        rule: d.deadline.rule,
        detectedBy: 'late-step',
      },
    });
  events.push({ type: 'DeadlineSatisfied', data: { deadlineId, satisfiedOn: on, late, rule: d.deadline.rule } });
  return events;
}

/** Record the breach of a deadline without the step (the step may still follow, late). */
export function breachDeadline(state: ComplaintState, deadlineId: string): DeadlineEvent[] {
  const d = state.deadlines[deadlineId];
  if (!d || d.state !== 'open' || d.breachRecorded) return [];
  return [
    {
      type: 'DeadlineMissed',
      data: {
        deadlineId,
        dueOn: d.deadline.dueOn,
        missedOn: overdueFrom(d.deadline.dueOn),
        rule: d.deadline.rule,
        detectedBy: 'late-step',
      },
    },
  ];
}

/** The step no longer applies. */
export function cancelDeadline(state: ComplaintState, deadlineId: string, reason: string): DeadlineEvent[] {
  const d = state.deadlines[deadlineId];
  if (!d || d.state !== 'open') return [];
  return [{ type: 'DeadlineCancelled', data: { deadlineId, reason } }];
}

export function cancelAllOpen(state: ComplaintState, reason: string): DeadlineEvent[] {
  return Object.keys(state.deadlines).flatMap((id) => cancelDeadline(state, id, reason));
}
