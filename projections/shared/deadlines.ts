/**
 * The shared deadline facts (domain/shared/deadlines.ts: DeadlineSet / Satisfied / Missed / Cancelled) folded by
 * ONE rule that every read model uses — case views, timelines, the deadlines collection, complaint and housing
 * assistance views, the dashboard, the compliance report — so an auditor or a complaint investigator reads one
 * meaning everywhere — whether each legal deadline was met (docs/HTTP-CONTRACT.md "Deadline conventions": a term
 * ends at the end of its last day, Asia/Almaty time). The states (DeadlineState):
 * - `met`: the step was taken on or before the due date;
 * - `missed`: the term ran out without the step. Either the step came later (`satisfiedOn` keeps its date and
 *   `late: true`, the field kept for compatibility) or it is still owed (the watcher recorded the breach, `missedOn`);
 *   a recorded breach stays missed when the step is later taken or cancelled — the breach is a fact;
 * - `open`: not taken, not breached. Overdue is computed at query time against "today" (`isOverdue`);
 * - `cancelled`: the step no longer applies, and its term had not run out.
 * "Deadlines are facts, not gates": a missed deadline whose step is not taken stays owed (pending).
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { LocalDate } from '../../domain/calendar/types';
import type {
  DeadlineCancelledData,
  DeadlineMissedData,
  DeadlineSatisfiedData,
  DeadlineSetData,
  DeadlineState,
  Deadline,
} from '../../domain/shared/deadlines';

export const DEADLINE_EVENT_TYPES = [
  'DeadlineSet',
  'DeadlineSatisfied',
  'DeadlineMissed',
  'DeadlineCancelled',
] as const;

/** The status fields every read model's deadline entry carries (whatever else it keeps). */
export interface DeadlineStatus {
  deadlineId: string;
  dueOn: LocalDate;
  state: DeadlineState;
  /** The step was taken on this date (on time: `met`; late: `missed`). */
  satisfiedOn?: LocalDate;
  /** true once the term ran out without the step (taken late, or still owed past the due date); false: on time. */
  late?: boolean;
  /** The breach was recorded (DeadlineMissed), with the first overdue date. */
  missedOn?: LocalDate;
  cancelledReason?: string;
}

export interface DeadlineView extends DeadlineStatus {
  termId: string;
  rule: string;
  description: string;
  triggeredOn: LocalDate;
  provisional: boolean;
  regulationVersion: string;
}

type DeadlineFact = Pick<RecordedEvent, 'type' | 'data'>;

export const isDeadlineEvent = (type: string): boolean => (DEADLINE_EVENT_TYPES as readonly string[]).includes(type);

/**
 * THE status rule (see the header): the state after one Satisfied / Missed / Cancelled fact. A late step is
 * `missed`, an on-time one `met`; a recorded breach is never undone; a cancellation only ends an open deadline.
 */
export function deadlineStateAfter(state: DeadlineState, event: DeadlineFact): DeadlineState {
  switch (event.type) {
    case 'DeadlineSet':
      return 'open';
    case 'DeadlineSatisfied':
      return state === 'missed' || (event.data as DeadlineSatisfiedData).late === true ? 'missed' : 'met';
    case 'DeadlineMissed':
      return 'missed';
    case 'DeadlineCancelled':
      return state === 'open' ? 'cancelled' : state;
    default:
      return state;
  }
}

/** An entry after one Satisfied / Missed / Cancelled fact about it (its other fields are kept as they are). */
export function applyDeadlineFact<E extends DeadlineStatus>(current: E, event: DeadlineFact): E {
  const state = deadlineStateAfter(current.state, event);
  switch (event.type) {
    case 'DeadlineSatisfied': {
      const d = event.data as DeadlineSatisfiedData;
      return { ...current, state, satisfiedOn: d.satisfiedOn, late: d.late === true || current.late === true };
    }
    case 'DeadlineMissed':
      return { ...current, state, missedOn: (event.data as DeadlineMissedData).missedOn, late: true };
    case 'DeadlineCancelled':
      return { ...current, state, cancelledReason: (event.data as DeadlineCancelledData).reason };
    default:
      return current;
  }
}

/** The deadline after one shared deadline event (undefined when the event is not about `current`'s deadline). */
export function evolveDeadline(current: DeadlineView | undefined, event: DeadlineFact): DeadlineView | undefined {
  if (event.type === 'DeadlineSet') {
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
  return current && isDeadlineEvent(event.type) ? applyDeadlineFact(current, event) : current;
}

/** The deadline id an event is about. */
export function deadlineIdOf(event: DeadlineFact): string | undefined {
  if (event.type === 'DeadlineSet') return (event.data as DeadlineSetData).deadline.deadlineId;
  if (isDeadlineEvent(event.type)) return (event.data as { deadlineId: string }).deadlineId;
  return undefined;
}

/** Folds a deadline event into a case's deadline list (kept in due-date order). */
export function evolveDeadlines(list: readonly DeadlineView[], event: DeadlineFact): DeadlineView[] {
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

/**
 * The same fold over a record keyed by deadline id (the complaint and housing-assistance views keep them so, each
 * entry shaped by `entryOf`). Undefined when the event changes nothing (malformed, or an unknown deadline id).
 */
export function evolveDeadlineRecord<E extends DeadlineStatus>(
  deadlines: Readonly<Record<string, E>>,
  event: DeadlineFact,
  entryOf: (d: Deadline) => E,
): Record<string, E> | undefined {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.type === 'DeadlineSet') {
    const d = data.deadline as Deadline | undefined;
    if (!d || typeof d.deadlineId !== 'string') return undefined;
    return { ...deadlines, [d.deadlineId]: entryOf(d) };
  }
  if (!isDeadlineEvent(event.type)) return undefined;
  const id = String(data.deadlineId);
  const current = deadlines[id];
  if (!current) return undefined;
  return { ...deadlines, [id]: applyDeadlineFact(current, event) };
}

/** Still owed: open, or missed with the step neither taken nor cancelled (a breach does not end the duty). */
export const isPending = (d: Pick<DeadlineStatus, 'state' | 'satisfiedOn' | 'cancelledReason'>): boolean =>
  d.state === 'open' || (d.state === 'missed' && d.satisfiedOn === undefined && d.cancelledReason === undefined);

/** The earliest due date of a pending deadline (null when none is pending). */
export function nextDueOn(list: Iterable<DeadlineStatus>): LocalDate | null {
  let min: LocalDate | null = null;
  for (const d of list) if (isPending(d) && (min === null || d.dueOn < min)) min = d.dueOn;
  return min;
}

/** A record's earliest pending due date (`overdue` = openDueOn < today) and whether any deadline was missed. */
export function deadlineRecordSummary(deadlines: Readonly<Record<string, DeadlineStatus>>): {
  openDueOn: LocalDate | null;
  anyMissed: boolean;
} {
  const all = Object.values(deadlines);
  return { openDueOn: nextDueOn(all), anyMissed: all.some((d) => d.state === 'missed') };
}

/**
 * Overdue on `today` (a local date in Asia/Almaty, computed by the caller from its clock): still pending and the due
 * date has passed — the term ends at the end of its last day (docs/HTTP-CONTRACT.md "Deadline conventions").
 */
export const isOverdue = (
  d: Pick<DeadlineStatus, 'state' | 'dueOn' | 'satisfiedOn' | 'cancelledReason'>,
  today: LocalDate,
): boolean => isPending(d) && d.dueOn < today;
