/**
 * The dashboard's per-case summary: one small document per case (privatization, housing assistance) and
 * per complaint, holding exactly what the monitoring numbers need — provider, channel, registration date, the
 * stages reached with the local date each was entered (durations per stage), refusal grounds, hearings held, the
 * deadlines with their state, and for complaints the outcome. The dashboard query aggregates these indexed,
 * filtered documents; it never replays events per request.
 *
 * Pure: local dates come from the event's business time (`occurredAt`) through the Asia/Almaty conversion of
 * domain/calendar (data, no clock). "Overdue" and "approaching" depend on today and are computed at query time.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { localDateOf } from '../../domain/calendar/dates';
import type { Projection, ReadDoc } from '../projection';
import { stageOf, type MonitoringMapping } from '../monitoring/services';
import { deadlineStateAfter } from '../shared/deadlines';

/** The service a summary belongs to: the `service` of its definition (privatization, housing-assistance, complaints). */
export type DashboardService = string;

export interface SummaryDeadline {
  rule: string;
  dueOn: string;
  state: 'open' | 'met' | 'missed' | 'cancelled';
  /** Local date the step was taken (met, or satisfied late after a miss). */
  satisfiedOn?: string;
  /** True once the term ran out without the step (watcher or late step): the deadline is not "on time". */
  breached: boolean;
  /** True while the step is still to be taken (not satisfied, not cancelled): overdue when past its due date. */
  pending: boolean;
  description?: string;
}

export interface CaseSummary extends ReadDoc {
  kind: 'case' | 'complaint';
  service: DashboardService;
  caseId: string;
  providerId: string;
  channel: string | null;
  /** Local registration date (Rules §5): the period filter of the dashboard. */
  registeredOn: string;
  stage: string | null;
  status: string;
  /** Stages reached, in order, with the local date each was entered (durations per stage). */
  stages: { stage: string; on: string }[];
  refusalGrounds: string[];
  hearingsHeld: number;
  deadlines: Record<string, SummaryDeadline>;
  /** Earliest due date among pending deadlines (indexed: overdue = openDueOn < today). */
  openDueOn: string | null;
  /** Complaints only: the service of the case complained about, and the outcome so far. */
  about?: string;
  outcome?: string;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export const DASHBOARD_CASES = 'dashboard_cases';
export const DASHBOARD_CASES_PROJECTION = 'dashboard-cases';

/**
 * How one service's events fold into its summaries (a service definition's `dashboard`): the summary after the
 * event, null before the service's case is opened. `source` gives the service and its stream prefix.
 */
export type DashboardSummary = (
  doc: CaseSummary | null,
  event: RecordedEvent,
  source: DashboardSource,
) => CaseSummary | null;

/** A service on the dashboard (derived from the registry: services/platform/definitions.ts `dashboardSources`). */
export interface DashboardSource {
  service: DashboardService;
  streamPrefix: string;
  summary: DashboardSummary;
}

export const summaryKey = (streamName: string) => streamName;

function openDueOnOf(deadlines: Record<string, SummaryDeadline>): string | null {
  let min: string | null = null;
  for (const d of Object.values(deadlines)) if (d.pending && (min === null || d.dueOn < min)) min = d.dueOn;
  return min;
}

/** The deadline facts of domain/shared/deadlines.ts folded into the summary's map. */
export function withDeadlineFact(
  deadlines: Record<string, SummaryDeadline>,
  event: RecordedEvent,
): Record<string, SummaryDeadline> {
  const d = event.data as Data;
  if (event.type === 'DeadlineSet') {
    const dl = (d.deadline ?? {}) as Data;
    const id = str(dl.deadlineId);
    const dueOn = str(dl.dueOn);
    if (!id || !dueOn) return deadlines;
    const entry: SummaryDeadline = { rule: str(dl.rule) ?? '', dueOn, state: 'open', breached: false, pending: true };
    const description = str(dl.description);
    if (description) entry.description = description;
    return { ...deadlines, [id]: entry };
  }
  const id = str(d.deadlineId);
  const current = id ? deadlines[id] : undefined;
  if (!id || !current) return deadlines;
  // The state by the one deadline rule of every read model (projections/shared/deadlines.ts): late step = missed.
  const state = deadlineStateAfter(current.state, event);
  switch (event.type) {
    case 'DeadlineSatisfied': {
      const satisfiedOn = str(d.satisfiedOn);
      return {
        ...deadlines,
        [id]: {
          ...current,
          state,
          breached: state === 'missed',
          pending: false,
          ...(satisfiedOn ? { satisfiedOn } : {}),
        },
      };
    }
    case 'DeadlineMissed':
      return { ...deadlines, [id]: { ...current, state, breached: true } };
    case 'DeadlineCancelled':
      return { ...deadlines, [id]: { ...current, state, pending: false } };
    default:
      return deadlines;
  }
}

/** A new summary, opened by the service's first event. */
export function openedSummary(
  event: RecordedEvent,
  service: DashboardService,
  caseId: string,
  kind: CaseSummary['kind'],
): CaseSummary {
  const d = event.data as Data;
  return {
    id: summaryKey(event.streamName),
    kind,
    service,
    caseId: str(d.caseId) && kind === 'case' ? (d.caseId as string) : caseId,
    providerId: str(d.providerId) ?? 'unknown',
    channel: str(d.channel) ?? null,
    registeredOn: str(d.registeredOn) ?? str(d.receivedOn) ?? localDateOf(event.metadata.occurredAt),
    stage: null,
    status: 'in-progress',
    stages: [],
    refusalGrounds: [],
    hearingsHeld: 0,
    deadlines: {},
    openDueOn: null,
    ...(kind === 'complaint' ? { about: str(d.service) ?? 'unknown', outcome: 'pending' } : {}),
  };
}

export function enterStage(doc: CaseSummary, stage: string, status: string, on: string): CaseSummary {
  if (doc.stage === stage) return { ...doc, status };
  return { ...doc, stage, status, stages: [...doc.stages, { stage, on }] };
}

/** The summary of a case service, by the stages of its monitoring mapping (privatization, housing assistance). */
export function summaryByStages(mapping: MonitoringMapping): DashboardSummary {
  return (doc, event, source) => {
    let next = doc;
    if (!next) {
      if (event.type !== mapping.intakeEvent) return null;
      next = openedSummary(event, source.service, event.streamName.slice(source.streamPrefix.length), 'case');
    }
    const data = event.data as Data;
    const change = stageOf(mapping, event.type, data);
    // The local date only when a stage is entered : converting every event's instant was a visible share of a rebuild.
    if (change) next = enterStage(next, change.stage, change.status, localDateOf(event.metadata.occurredAt));
    const grounds = mapping.refusalGrounds?.(event.type, data);
    if (grounds !== undefined && grounds.length > 0) next = { ...next, refusalGrounds: [...new Set(grounds)] };
    if (event.type === mapping.hearingHeldEvent) next = { ...next, hearingsHeld: next.hearingsHeld + 1 };
    return next;
  };
}

/** The summaries of the dashboard's services (one per case and per complaint), each folded by its service's own summary. */
export function dashboardCasesProjection(sources: readonly DashboardSource[]): Projection<CaseSummary> {
  const sourceOf = (streamName: string) => sources.find((s) => streamName.startsWith(s.streamPrefix));
  return {
    name: DASHBOARD_CASES_PROJECTION,
    version: 1,
    collection: DASHBOARD_CASES,
    indexes: [
      { field: 'service' },
      { field: 'providerId' },
      { field: 'registeredOn' },
      { field: 'openDueOn' },
      { field: 'about' },
    ],
    streamPrefixes: sources.map((s) => s.streamPrefix),
    // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
    streamLocal: true,
    keysOf: (event) => [summaryKey(event.streamName)],
    evolve(doc, event) {
      const source = sourceOf(event.streamName);
      const base = source ? source.summary(doc, event, source) : doc;
      if (!base) return null;
      if (!event.type.startsWith('Deadline')) return base;
      const deadlines = withDeadlineFact(base.deadlines, event);
      return { ...base, deadlines, openDueOn: openDueOnOf(deadlines) };
    },
  };
}
