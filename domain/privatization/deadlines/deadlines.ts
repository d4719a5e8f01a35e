/**
 * Deadlines are facts, not gates: the law binds the provider, kezen records reality. Each due date comes
 * from `setDeadline` (domain/shared/deadline-terms.ts) with the term's rule and the version pinned by the case.
 * A late step is still recorded, with DeadlineSatisfied{late:true} and, unless the watcher already recorded it,
 * DeadlineMissed{detectedBy:'late-step'}.
 */
import { plusDays } from '../../calendar/dates';
import type { LocalDate } from '../../calendar/types';
import type { DecisionContext } from '../../shared/decider';
import { setDeadline } from '../../shared/deadline-terms';
import type { TermId } from '../../regulation/types';
import type { CaseFile } from '../state';
import { event, type PrivatizationEvent } from '../types';

export function deadlineSet(
  file: Pick<CaseFile, 'regulationVersion'>,
  ctx: DecisionContext,
  deadlineId: string,
  termId: TermId,
  triggeredOn: LocalDate,
  description?: string,
): PrivatizationEvent {
  const deadline = setDeadline({
    calendar: ctx.calendar,
    regulation: ctx.regulations.byId(file.regulationVersion),
    termId,
    deadlineId,
    triggeredOn,
    ...(description ? { description } : {}),
  });
  return event('DeadlineSet', { deadline });
}

/** The facts of taking the step a deadline guards, on `on`: nothing when no such open deadline exists. */
export function satisfy(file: CaseFile, deadlineId: string, on: LocalDate): PrivatizationEvent[] {
  const entry = file.deadlines[deadlineId];
  if (!entry || (entry.state !== 'open' && entry.state !== 'missed')) return [];
  const { dueOn, rule } = entry.deadline;
  const late = on > dueOn;
  const events: PrivatizationEvent[] = [];
  if (late && !entry.missedRecorded) {
    events.push(
      event('DeadlineMissed', { deadlineId, dueOn, missedOn: plusDays(dueOn, 1), rule, detectedBy: 'late-step' }),
    );
  }
  events.push(event('DeadlineSatisfied', { deadlineId, satisfiedOn: on, late, rule }));
  return events;
}

export function cancelOpen(file: CaseFile, reason: string): PrivatizationEvent[] {
  return Object.values(file.deadlines)
    .filter((d) => d.state === 'open' || d.state === 'missed')
    .map((d) => event('DeadlineCancelled', { deadlineId: d.deadline.deadlineId, reason }));
}

export function dueOn(file: CaseFile, deadlineId: string): LocalDate | undefined {
  return file.deadlines[deadlineId]?.deadline.dueOn;
}
