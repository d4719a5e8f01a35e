/**
 * The monitoring dashboard's numbers from per-case summaries: pure, with "today" and the calendar passed in.
 *
 * - On-time rate: deadlines satisfied on time among those closed (met on time, satisfied late, or missed);
 *   cancelled and still-open deadlines do not count. By month of closing (the step's date, or the day after the
 *   due date for a breach — when the term ended).
 * - Durations per stage: working days (domain/calendar, docs/CALENDAR.md) from entering a stage to entering the
 *   next one; the current stage of an open case is not counted. Median and 90th percentile (nearest rank).
 * - Overdue: pending deadlines (step not taken, not cancelled) whose term ended (dueOn < today, Asia/Almaty; Civil Code art. 176–178: the term ends
 *   at the end of its last day) — days overdue in WORKING days after the due date, calendar days alongside.
 * - Approaching: open deadlines due today or within N working days.
 */
import type { WorkingCalendar } from '../../domain/calendar/types';
import { plusDays } from '../../domain/calendar/dates';
import type { CaseSummary } from './case-summary';

export interface DashboardQuery {
  service: string;
  providerId: string | null;
  from: string | null;
  to: string | null;
}

export interface OverdueItem {
  service: string;
  caseId: string;
  providerId: string;
  deadlineId: string;
  rule: string;
  dueOn: string;
  /** Working days after the due date up to today (docs/CALENDAR.md). */
  daysOverdue: number;
  calendarDaysOverdue: number;
  stage?: string;
}

export interface ApproachingItem {
  service: string;
  caseId: string;
  providerId: string;
  deadlineId: string;
  rule: string;
  dueOn: string;
  /** Working days left after today (0: due today). */
  workingDaysLeft: number;
  stage?: string;
}

export interface DashboardNumbers {
  service: string;
  providerId: string | null;
  period: { from: string | null; to: string | null };
  today: string;
  providers: string[];
  totals: { cases: number; open: number; closed: number; overdue: number; hearingsHeld: number; approaching: number };
  onTimeRate: number | null;
  onTime: { met: number; missed: number };
  onTimeByMonth: { month: string; met: number; missed: number; rate: number | null }[];
  byStage: { stage: string; count: number }[];
  byStatus: { status: string; count: number }[];
  byChannel: { channel: string; count: number }[];
  stageDurations: { stage: string; medianWorkingDays: number | null; p90WorkingDays: number | null; count: number }[];
  refusalsByGround: { ground: string; count: number }[];
  complaintsByOutcome: { outcome: string; count: number }[];
  overdueDaysUnit: 'working-days';
  overdue: OverdueItem[];
  approachingWorkingDays: number;
  approaching: ApproachingItem[];
}

export interface AggregateInput {
  query: DashboardQuery;
  /** Case (or complaint) summaries of the service, already filtered by provider and period. */
  cases: readonly CaseSummary[];
  /** Complaints about cases of the service (same provider and period filters). */
  complaints: readonly CaseSummary[];
  providers: readonly string[];
  today: string;
  calendar: Pick<WorkingCalendar, 'workingDaysBetween'>;
  approachingWorkingDays: number;
  /** Longest overdue/approaching lists returned (the most overdue / soonest first). */
  listLimit?: number;
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const counted = <K extends string>(m: Map<string, number>, key: K) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, count]) => ({ [key]: k, count }) as { [P in K]: string } & { count: number });

const dayMs = 86_400_000;
const calendarDaysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

export function aggregate(input: AggregateInput): DashboardNumbers {
  const { cases, today, calendar, query } = input;
  const limit = input.listLimit ?? 200;
  const byStage = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const refusals = new Map<string, number>();
  const durations = new Map<string, number[]>();
  const months = new Map<string, { met: number; missed: number }>();
  const overdue: OverdueItem[] = [];
  const approaching: ApproachingItem[] = [];
  let open = 0;
  let hearingsHeld = 0;
  let met = 0;
  let missed = 0;

  for (const c of cases) {
    if (c.stage) bump(byStage, c.stage);
    bump(byStatus, c.status);
    if (c.status === 'in-progress') open += 1;
    bump(byChannel, c.channel ?? 'unknown');
    for (const g of c.refusalGrounds) bump(refusals, g);
    hearingsHeld += c.hearingsHeld;
    for (let i = 0; i + 1 < c.stages.length; i += 1) {
      const s = c.stages[i]!;
      const list = durations.get(s.stage) ?? [];
      list.push(calendar.workingDaysBetween(s.on, c.stages[i + 1]!.on));
      durations.set(s.stage, list);
    }
    for (const [deadlineId, d] of Object.entries(c.deadlines)) {
      if (d.state === 'met' || d.state === 'missed') {
        const onTime = d.state === 'met' && !d.breached;
        const closedOn = onTime ? (d.satisfiedOn ?? d.dueOn) : plusDays(d.dueOn, 1);
        const m = months.get(closedOn.slice(0, 7)) ?? { met: 0, missed: 0 };
        if (onTime) m.met += 1;
        else m.missed += 1;
        months.set(closedOn.slice(0, 7), m);
        if (onTime) met += 1;
        else missed += 1;
      }
      // Overdue: the step is still to be taken after its term ended — also once the breach is recorded.
      if (!d.pending) continue;
      const base = {
        service: c.service,
        caseId: c.caseId,
        providerId: c.providerId,
        deadlineId,
        rule: d.rule,
        dueOn: d.dueOn,
        ...(c.stage ? { stage: c.stage } : {}),
      };
      if (d.dueOn < today) {
        overdue.push({
          ...base,
          daysOverdue: calendar.workingDaysBetween(d.dueOn, today),
          calendarDaysOverdue: calendarDaysBetween(d.dueOn, today),
        });
      } else if (d.state === 'open') {
        const left = calendar.workingDaysBetween(today, d.dueOn);
        if (left <= input.approachingWorkingDays) approaching.push({ ...base, workingDaysLeft: left });
      }
    }
  }

  const outcomes = new Map<string, number>();
  for (const c of input.complaints) bump(outcomes, c.outcome ?? 'pending');

  overdue.sort((a, b) => b.calendarDaysOverdue - a.calendarDaysOverdue || a.caseId.localeCompare(b.caseId));
  approaching.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseId.localeCompare(b.caseId));

  return {
    service: query.service,
    providerId: query.providerId,
    period: { from: query.from, to: query.to },
    today,
    providers: [...input.providers],
    totals: {
      cases: cases.length,
      open,
      closed: cases.length - open,
      overdue: overdue.length,
      hearingsHeld,
      approaching: approaching.length,
    },
    onTimeRate: met + missed === 0 ? null : met / (met + missed),
    onTime: { met, missed },
    onTimeByMonth: [...months.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([month, m]) => ({ month, ...m, rate: m.met + m.missed === 0 ? null : m.met / (m.met + m.missed) })),
    byStage: counted(byStage, 'stage'),
    byStatus: counted(byStatus, 'status'),
    byChannel: counted(byChannel, 'channel'),
    stageDurations: [...durations.entries()].map(([stage, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return { stage, medianWorkingDays: median(sorted), p90WorkingDays: percentile(sorted, 90), count: sorted.length };
    }),
    refusalsByGround: counted(refusals, 'ground'),
    complaintsByOutcome: counted(outcomes, 'outcome'),
    overdueDaysUnit: 'working-days',
    overdue: overdue.slice(0, limit),
    approachingWorkingDays: input.approachingWorkingDays,
    approaching: approaching.slice(0, limit),
  };
}
