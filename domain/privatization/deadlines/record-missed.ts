/**
 * RecordDeadlineMissed — sent by the deadline watcher when a due date has passed without the step.
 * Appends DeadlineMissed{detectedBy:'watcher'} exactly once: an already missed, met or cancelled deadline gives no
 * events (idempotent).
 */
import { plusDays } from '../../calendar/dates';
import type { DecisionContext } from '../../shared/decider';
import { InvalidCommand } from '../../shared/errors';
import { requireCase } from '../guards';
import type { PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

export function recordDeadlineMissed(
  command: CommandOf<'RecordDeadlineMissed'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireCase(state, command.type);
  const { deadlineId } = command.data;
  const entry = file.deadlines[deadlineId];
  if (!entry) {
    throw new InvalidCommand(`No deadline ${deadlineId} in this case`, 'unknown-deadline', [
      { path: '/deadlineId', message: 'no such deadline' },
    ]);
  }
  if (entry.state !== 'open') return [];
  const today = ctx.calendar.localDate(ctx.now);
  const { dueOn, rule } = entry.deadline;
  if (today <= dueOn) {
    throw new InvalidCommand(`Deadline ${deadlineId} is due on ${dueOn}; it is not missed on ${today}`, 'not-overdue', [
      { path: '/deadlineId', message: `due on ${dueOn}` },
    ]);
  }
  return [event('DeadlineMissed', { deadlineId, dueOn, missedOn: plusDays(dueOn, 1), rule, detectedBy: 'watcher' })];
}
