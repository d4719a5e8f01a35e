/**
 * The decision deadline as facts (HA Rules §13): a decision satisfies it, on time or late, and records the breach of
 * a late one unless the watcher already has; the watcher's RecordDeadlineMissed records it once.
 */
import type { HousingAssistanceCommand } from '../../contracts/housing-assistance/commands';
import { plusDays } from '../calendar/dates';
import type { LocalDate } from '../calendar/types';
import type { DecisionContext } from '../shared/decider';
import type { DeadlineEvent } from '../shared/deadlines';
import { InvalidCommand, InvalidState } from '../shared/errors';
import { requireStatus } from './guards';
import { DECISION_DEADLINE_ID, type HousingAssistanceEvent, type HousingAssistanceState } from './state';

type RecordDeadlineMissed = Extract<HousingAssistanceCommand, { type: 'RecordDeadlineMissed' }>['data'];

/** Deadline facts of a decision step: satisfied (on time or late), and the breach when late and not yet recorded. */
export function decisionDeadlineFacts(
  state: HousingAssistanceState,
  decidedOn: LocalDate,
): { events: DeadlineEvent[]; late: boolean } {
  const tracked = state.deadlines[DECISION_DEADLINE_ID];
  if (!tracked || tracked.state === 'cancelled' || tracked.state === 'met' || tracked.satisfiedOn)
    return { events: [], late: false };
  const { deadline } = tracked;
  const late = decidedOn > deadline.dueOn;
  const events: DeadlineEvent[] = [];
  if (late && tracked.state !== 'missed')
    events.push({
      type: 'DeadlineMissed',
      data: {
        deadlineId: deadline.deadlineId,
        dueOn: deadline.dueOn,
        missedOn: plusDays(deadline.dueOn, 1),
        rule: deadline.rule,
        detectedBy: 'late-step',
      },
    });
  events.push({
    type: 'DeadlineSatisfied',
    data: { deadlineId: deadline.deadlineId, satisfiedOn: decidedOn, late, rule: deadline.rule },
  });
  return { events, late };
}

/** The deadline watcher's command: idempotent — a deadline already missed, met or cancelled yields no event. */
export function recordDeadlineMissed(
  data: RecordDeadlineMissed,
  state: HousingAssistanceState,
  ctx: DecisionContext,
): HousingAssistanceEvent[] {
  if (state.status === 'none') requireStatus(state, 'RecordDeadlineMissed', ['submitted', 'documents-accepted']);
  const tracked = state.deadlines[data.deadlineId];
  if (!tracked)
    throw new InvalidCommand(`The case has no deadline "${data.deadlineId}"`, 'unknown-deadline', [
      { path: '/deadlineId', message: 'no such deadline in this case' },
    ]);
  if (tracked.state !== 'open') return [];
  const today = ctx.calendar.localDate(ctx.now);
  const { deadline } = tracked;
  if (today <= deadline.dueOn)
    throw new InvalidState(
      `Deadline "${deadline.deadlineId}" is due on ${deadline.dueOn}: not overdue on ${today}`,
      'deadline-not-overdue',
      {
        dueOn: deadline.dueOn,
        today,
      },
    );
  return [
    {
      type: 'DeadlineMissed',
      data: {
        deadlineId: deadline.deadlineId,
        dueOn: deadline.dueOn,
        missedOn: plusDays(deadline.dueOn, 1),
        rule: deadline.rule,
        detectedBy: 'watcher',
      },
    },
  ];
}
