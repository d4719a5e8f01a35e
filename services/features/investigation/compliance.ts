/**
 * The compliance report: for every legal deadline of a case and of its complaints — the rule, the
 * triggering date, the due date, when the step happened, met / missed / open / cancelled, and the working days
 * used of those allowed. Pure: built from the recorded deadline facts (domain/shared/deadlines.ts) and the calendar;
 * "today" is injected (an open deadline is measured up to today).
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { plusDays } from '../../../domain/calendar/dates';
import type { LocalDate, WorkingCalendar } from '../../../domain/calendar/types';
import type {
  Deadline,
  DeadlineCancelledData,
  DeadlineMissedData,
  DeadlineSatisfiedData,
  DeadlineSetData,
  DeadlineState,
} from '../../../domain/shared/deadlines';
import { deadlineStateAfter, isOverdue } from '../../../projections/shared/deadlines';

export interface ComplianceRow {
  /** `case` for the case's own stream, else the complaint id. */
  subject: 'case' | { complaintId: string };
  streamName: string;
  deadlineId: string;
  termId: string;
  rule: string;
  description: string;
  unit: Deadline['unit'];
  days: number;
  triggeredOn: LocalDate;
  dueOn: LocalDate;
  /** When the step the deadline guards was taken (null while open / when cancelled). */
  stepOn: LocalDate | null;
  state: DeadlineState;
  /**
   * The step is still owed and today is past the due date: an open deadline (the watcher may not have recorded the
   * breach yet) or a missed one not yet taken (projections/shared/deadlines.ts `isOverdue`).
   */
  overdue: boolean;
  /** The breach as recorded: by the watcher or with the late step. */
  breach: { missedOn: LocalDate; detectedBy: DeadlineMissedData['detectedBy'] } | null;
  cancelledBecause: string | null;
  /** Working days in (triggeredOn, stepOn] — or up to today while open; null when cancelled. */
  workingDaysUsed: number | null;
  /** Working days in (triggeredOn, dueOn]: the term itself for a working-day term, its working days for a calendar-day one. */
  workingDaysAllowed: number;
  /** Calendar days in (triggeredOn, stepOn or today]; null when cancelled. */
  calendarDaysUsed: number | null;
  regulationVersion: string;
  /** Position of the DeadlineSet (links the row to the timeline). */
  setAtPosition: number;
}

export interface ComplianceReport {
  asOfDate: LocalDate;
  rows: ComplianceRow[];
  totals: Record<DeadlineState, number>;
}

export interface StreamEvents {
  streamName: string;
  subject: ComplianceRow['subject'];
  events: readonly RecordedEvent[];
}

const daysBetween = (from: LocalDate, to: LocalDate) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));

interface Tracked {
  deadline: Deadline;
  position: number;
  /** By the one deadline rule of every read model (projections/shared/deadlines.ts): a late step is `missed`. */
  state: DeadlineState;
  satisfied?: DeadlineSatisfiedData;
  missed?: DeadlineMissedData;
  cancelled?: DeadlineCancelledData;
}

function rowsOf(stream: StreamEvents, calendar: WorkingCalendar, today: LocalDate): ComplianceRow[] {
  // A deadline id set again (e.g. re-scheduled) starts a new row; the old one keeps its own facts.
  const rows: Tracked[] = [];
  const current = new Map<string, Tracked>();
  for (const e of stream.events) {
    const data = e.data as Record<string, unknown>;
    if (e.type === 'DeadlineSet') {
      const deadline = (data as unknown as Partial<DeadlineSetData>).deadline;
      if (!deadline || typeof deadline.deadlineId !== 'string') continue; // malformed: the chain check reports it
      const t: Tracked = { deadline, position: e.position, state: 'open' };
      rows.push(t);
      current.set(t.deadline.deadlineId, t);
      continue;
    }
    const t = typeof data.deadlineId === 'string' ? current.get(data.deadlineId) : undefined;
    if (!t) continue;
    t.state = deadlineStateAfter(t.state, e);
    if (e.type === 'DeadlineSatisfied') t.satisfied = data as unknown as DeadlineSatisfiedData;
    if (e.type === 'DeadlineMissed') t.missed = data as unknown as DeadlineMissedData;
    if (e.type === 'DeadlineCancelled') t.cancelled = data as unknown as DeadlineCancelledData;
  }
  return rows.map(({ deadline: d, position, state, satisfied, missed, cancelled }) => {
    const stepOn = satisfied?.satisfiedOn ?? null;
    const until = stepOn ?? (state === 'cancelled' ? null : today);
    return {
      subject: stream.subject,
      streamName: stream.streamName,
      deadlineId: d.deadlineId,
      termId: d.termId,
      rule: d.rule,
      description: d.description,
      unit: d.unit,
      days: d.days,
      triggeredOn: d.triggeredOn,
      dueOn: d.dueOn,
      stepOn,
      state,
      overdue: isOverdue(
        { state, dueOn: d.dueOn, satisfiedOn: satisfied?.satisfiedOn, cancelledReason: cancelled?.reason },
        today,
      ),
      breach: missed
        ? { missedOn: missed.missedOn, detectedBy: missed.detectedBy }
        : satisfied?.late
          ? { missedOn: plusDays(d.dueOn, 1), detectedBy: 'late-step' as const }
          : null,
      cancelledBecause: cancelled && !satisfied && !missed ? cancelled.reason : null,
      workingDaysUsed: until === null ? null : calendar.workingDaysBetween(d.triggeredOn, until),
      workingDaysAllowed: d.unit === 'working-days' ? d.days : calendar.workingDaysBetween(d.triggeredOn, d.dueOn),
      calendarDaysUsed: until === null ? null : daysBetween(d.triggeredOn, until),
      regulationVersion: d.regulationVersion,
      setAtPosition: position,
    };
  });
}

export function complianceReport(
  streams: readonly StreamEvents[],
  calendar: WorkingCalendar,
  today: LocalDate,
): ComplianceReport {
  const rows = streams.flatMap((s) => rowsOf(s, calendar, today));
  const totals: Record<DeadlineState, number> = { open: 0, met: 0, missed: 0, cancelled: 0 };
  for (const r of rows) totals[r.state] += 1;
  return { asOfDate: today, rows, totals };
}
