/**
 * The deadline facts folded into a record keyed by deadline id, as the complaint and housing-assistance views keep
 * them. Here a step taken late counts as `missed` (the breach is what the view shows); projections/shared/deadlines.ts
 * keeps `met` + `late: true` instead for the privatization read models.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { Deadline, DeadlineState } from '../../domain/shared/deadlines';

export interface DeadlineRecordEntry {
  deadlineId: string;
  dueOn: string;
  state: DeadlineState;
  satisfiedOn?: string;
  missedOn?: string;
  late?: boolean;
}

/** The record after one deadline event, or undefined when the event changes nothing (malformed or unknown id). */
export function evolveDeadlineRecord<E extends DeadlineRecordEntry>(
  deadlines: Readonly<Record<string, E>>,
  e: Pick<RecordedEvent, 'type' | 'data'>,
  entryOf: (d: Deadline) => E,
): Record<string, E> | undefined {
  const data = e.data as Record<string, unknown>;
  const next = { ...deadlines };
  if (e.type === 'DeadlineSet') {
    const d = data.deadline as Deadline | undefined;
    if (!d || typeof d.deadlineId !== 'string') return undefined;
    next[d.deadlineId] = entryOf(d);
    return next;
  }
  const id = String(data.deadlineId);
  const cur = next[id];
  if (!cur) return undefined;
  if (e.type === 'DeadlineSatisfied')
    next[id] = {
      ...cur,
      satisfiedOn: String(data.satisfiedOn),
      late: Boolean(data.late),
      state: cur.state === 'missed' || data.late ? 'missed' : 'met',
    };
  if (e.type === 'DeadlineMissed') next[id] = { ...cur, state: 'missed', missedOn: String(data.missedOn) };
  if (e.type === 'DeadlineCancelled') next[id] = { ...cur, state: 'cancelled' };
  return next;
}

/** The earliest open due date and whether any deadline was missed. */
export function deadlineRecordSummary(deadlines: Readonly<Record<string, DeadlineRecordEntry>>): {
  openDueOn: string | null;
  anyMissed: boolean;
} {
  const all = Object.values(deadlines);
  const open = all
    .filter((d) => d.state === 'open')
    .map((d) => d.dueOn)
    .sort();
  return { openDueOn: open[0] ?? null, anyMissed: all.some((d) => d.state === 'missed') };
}
