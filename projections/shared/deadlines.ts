/**
 * The shared deadline facts (domain/shared/deadlines.ts: DeadlineSet / Satisfied / Missed / Cancelled) folded into
 * a read-model shape every service's projections reuse. "Deadlines are facts, not gates" (issue #4): a missed
 * deadline stays pending until the step is taken (late); overdue is computed at query time against "today".
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { LocalDate } from '../../domain/calendar/types';
import type {
  DeadlineCancelledData,
  DeadlineMissedData,
  DeadlineSatisfiedData,
  DeadlineSetData,
  DeadlineState,
} from '../../domain/shared/deadlines';

export const DEADLINE_EVENT_TYPES = [
  'DeadlineSet',
  'DeadlineSatisfied',
  'DeadlineMissed',
  'DeadlineCancelled',
] as const;

export interface DeadlineView {
  deadlineId: string;
  termId: string;
  rule: string;
  description: string;
  triggeredOn: LocalDate;
  dueOn: LocalDate;
  provisional: boolean;
  regulationVersion: string;
  state: DeadlineState;
  /** The step was taken on this date (on time or late). */
  satisfiedOn?: LocalDate;
  /** true: taken after the due date; false: on time; absent while not taken. */
  late?: boolean;
  /** The breach was recorded (DeadlineMissed), with the first overdue date. */
  missedOn?: LocalDate;
  cancelledReason?: string;
}

export const isDeadlineEvent = (type: string): boolean => (DEADLINE_EVENT_TYPES as readonly string[]).includes(type);

/** The deadline after one shared deadline event (undefined when the event is not about `current`'s deadline). */
export function evolveDeadline(
  current: DeadlineView | undefined,
  event: Pick<RecordedEvent, 'type' | 'data'>,
): DeadlineView | undefined {
  switch (event.type) {
    case 'DeadlineSet': {
      const d = (event.data as DeadlineSetData).deadline;
      return {
        deadlineId: d.deadlineId,
        termId: d.termId,
        rule: d.rule,
        description: d.description,
        triggeredOn: d.triggeredOn,
        dueOn: d.dueOn,
        provisional: d.provisional,
        regulationVersion: d.regulationVersion,
        state: 'open',
      };
    }
    case 'DeadlineSatisfied': {
      if (!current) return current;
      const d = event.data as DeadlineSatisfiedData;
      return { ...current, state: 'met', satisfiedOn: d.satisfiedOn, late: d.late };
    }
    case 'DeadlineMissed': {
      if (!current) return current;
      const d = event.data as DeadlineMissedData;
      // A late satisfaction recorded before the breach keeps the deadline met (it stays late).
      return { ...current, state: current.state === 'met' ? 'met' : 'missed', missedOn: d.missedOn, late: true };
    }
    case 'DeadlineCancelled': {
      if (!current) return current;
      return { ...current, state: 'cancelled', cancelledReason: (event.data as DeadlineCancelledData).reason };
    }
    default:
      return current;
  }
}

/** The deadline id an event is about. */
export function deadlineIdOf(event: Pick<RecordedEvent, 'type' | 'data'>): string | undefined {
  if (event.type === 'DeadlineSet') return (event.data as DeadlineSetData).deadline.deadlineId;
  if (isDeadlineEvent(event.type)) return (event.data as { deadlineId: string }).deadlineId;
  return undefined;
}

/** Folds a deadline event into a case's deadline list (kept in due-date order). */
export function evolveDeadlines(
  list: readonly DeadlineView[],
  event: Pick<RecordedEvent, 'type' | 'data'>,
): DeadlineView[] {
  const id = deadlineIdOf(event);
  if (id === undefined) return list as DeadlineView[];
  const current = list.find((d) => d.deadlineId === id);
  const next = evolveDeadline(current, event);
  if (!next) return list as DeadlineView[];
  const rest = list.filter((d) => d.deadlineId !== id);
  return [...rest, next].sort((a, b) =>
    a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.deadlineId < b.deadlineId ? -1 : 1,
  );
}

/** Open or missed-but-not-yet-taken: the step is still owed. */
export const isPending = (d: Pick<DeadlineView, 'state'>): boolean => d.state === 'open' || d.state === 'missed';

/** The earliest due date of a pending deadline (null when none is pending). */
export function nextDueOn(list: readonly DeadlineView[]): LocalDate | null {
  let min: LocalDate | null = null;
  for (const d of list) if (isPending(d) && (min === null || d.dueOn < min)) min = d.dueOn;
  return min;
}

/**
 * Overdue on `today` (a local date in Asia/Almaty, computed by the caller from its clock): still pending and the due
 * date has passed — the term ends at the end of its last day (PRODUCT.md "Deadline conventions").
 */
export const isOverdue = (d: Pick<DeadlineView, 'state' | 'dueOn'>, today: LocalDate): boolean =>
  isPending(d) && d.dueOn < today;
