/**
 * A case's deadlines in the one shape every answer gives them (contracts/read-models.ts `CaseDeadline`): the case
 * views of every service (`dueDates`), their timelines and the 201 of a create. Folded from the shared deadline
 * events by the one status rule of ./deadlines.ts, so `state` means the same here as in every other read model.
 *
 * Every member is always present (null when it does not apply), unlike the older per-service shapes kept beside it
 * for compatibility (`deadlines`), whose members come and go with the facts.
 */
import type { Static } from '@sinclair/typebox';
import type { RecordedEvent } from '../../contracts/envelope';
import type { CaseDeadlineSchema, StepDeadlineSchema } from '../../contracts/read-models';
import type {
  DeadlineCancelledData,
  DeadlineMissedData,
  DeadlineSatisfiedData,
  DeadlineSetData,
} from '../../domain/shared/deadlines';
import { deadlineStateAfter, isDeadlineEvent } from './deadlines';

export type CaseDeadline = Static<typeof CaseDeadlineSchema>;
export type StepDeadline = Static<typeof StepDeadlineSchema>;

type DeadlineFact = Pick<RecordedEvent, 'type' | 'data'>;

/** The deadline set by a DeadlineSet (undefined when malformed: a read model never throws on a tampered event). */
function deadlineSetBy(event: DeadlineFact) {
  const d = (event.data as Partial<DeadlineSetData> | null)?.deadline;
  return d && typeof d.deadlineId === 'string' ? d : undefined;
}

/** The deadline id a deadline event is about (undefined: not a deadline event, or malformed). */
function idOf(event: DeadlineFact): string | undefined {
  if (event.type === 'DeadlineSet') return deadlineSetBy(event)?.deadlineId;
  if (!isDeadlineEvent(event.type)) return undefined;
  const id = (event.data as { deadlineId?: unknown } | null)?.deadlineId;
  return typeof id === 'string' ? id : undefined;
}

/** The deadline after one shared deadline event (undefined when the event is not about `current`'s deadline). */
export function evolveCaseDeadline(current: CaseDeadline | undefined, event: DeadlineFact): CaseDeadline | undefined {
  if (event.type === 'DeadlineSet') {
    const d = deadlineSetBy(event);
    if (!d) return current;
    return {
      deadlineId: d.deadlineId,
      termId: d.termId,
      description: d.description,
      rule: d.rule,
      unit: d.unit,
      days: d.days,
      regulationVersion: d.regulationVersion,
      provisional: d.provisional,
      triggeredOn: d.triggeredOn,
      dueOn: d.dueOn,
      state: 'open',
      satisfiedOn: null,
      missedOn: null,
      cancelledReason: null,
    };
  }
  if (!current || !isDeadlineEvent(event.type)) return current;
  const state = deadlineStateAfter(current.state, event);
  switch (event.type) {
    case 'DeadlineSatisfied':
      return { ...current, state, satisfiedOn: (event.data as DeadlineSatisfiedData).satisfiedOn };
    case 'DeadlineMissed':
      return { ...current, state, missedOn: (event.data as DeadlineMissedData).missedOn };
    case 'DeadlineCancelled':
      return { ...current, state, cancelledReason: (event.data as DeadlineCancelledData).reason };
    default:
      return current;
  }
}

/** Folds a deadline event into a case's deadlines (by due date, then id); the same list when it is not about one. */
export function evolveCaseDeadlines(list: readonly CaseDeadline[], event: DeadlineFact): CaseDeadline[] {
  const id = idOf(event);
  if (id === undefined) return list as CaseDeadline[];
  const next = evolveCaseDeadline(
    list.find((d) => d.deadlineId === id),
    event,
  );
  if (!next) return list as CaseDeadline[];
  return [...list.filter((d) => d.deadlineId !== id), next].sort((a, b) =>
    a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.deadlineId < b.deadlineId ? -1 : 1,
  );
}

/** The deadlines the events leave (e.g. those a create set, for its 201). */
export const caseDeadlinesOf = (events: readonly DeadlineFact[]): CaseDeadline[] =>
  events.reduce<CaseDeadline[]>(evolveCaseDeadlines, []);

/** Whether any deadline was missed (a recorded breach or a late step). */
export const anyMissed = (list: readonly CaseDeadline[]): boolean => list.some((d) => d.state === 'missed');

/**
 * What one timeline step records about its deadline, from the step alone (each step is written once): set (`open`,
 * with the due date), taken (`met`, or `missed` when late, with the date), breach recorded, cancelled.
 */
export function stepDeadlineOf(event: DeadlineFact): StepDeadline | undefined {
  const deadlineId = idOf(event);
  if (deadlineId === undefined) return undefined;
  const d = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'DeadlineSet':
      return { deadlineId, state: 'open', dueOn: deadlineSetBy(event)!.dueOn };
    case 'DeadlineSatisfied':
      return { deadlineId, state: d.late === true ? 'missed' : 'met', onDate: String(d.satisfiedOn) };
    case 'DeadlineMissed':
      return { deadlineId, state: 'missed', dueOn: String(d.dueOn), onDate: String(d.missedOn) };
    case 'DeadlineCancelled':
      return { deadlineId, state: 'cancelled' };
    default:
      return undefined;
  }
}
