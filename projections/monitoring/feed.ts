/**
 * The monitoring feed projection (Rules §11): a pure fold of a case's events into the facts the monitoring system
 * needs (provider, channel, registration date, deadlines, stage) and, on every stage change, one
 * `kezen.monitoring.service-stage.v1` message. No personal data enters the state or the messages.
 *
 * A stage event is followed, in the same command, by the deadline facts it causes (DeadlineSatisfied for the
 * step taken, DeadlineSet for the next one — domain/privatization/deadlines). The message needs them (due date,
 * on time), so the step takes `rest`: the events after this one in the same stream and command. The log is
 * immutable, so the message is the same whenever it is (re)computed.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { ServiceStageMessage, StageStatus } from '../../contracts/monitoring';
import { SERVICE_STAGE_V1 } from '../../contracts/monitoring/schema-name';
import type { ReadDoc } from '../projection';
import { serviceOf, stageOf, type MonitoredService } from './services';

export interface DeadlineFact {
  dueOn: string;
  open: boolean;
  missed: boolean;
}

/** What the feed keeps per case (document `case:<streamName>` of the feed collection). */
export interface CaseFeedState extends ReadDoc {
  kind: 'case';
  serviceCode: ServiceStageMessage['serviceCode'];
  caseId: string;
  providerId: string;
  channel: ServiceStageMessage['channel'];
  registrationDate: string | null;
  regulationVersion: string;
  stage: string | null;
  status: StageStatus;
  refusalGroundCodes: string[];
  deadlines: Record<string, DeadlineFact>;
  /** Position of the last event folded in: an event at or before it was already applied (replay is a no-op). */
  lastPosition: number;
}

export interface FeedStep {
  state: CaseFeedState | null;
  message: ServiceStageMessage | null;
}

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export const caseKey = (streamName: string) => `case:${streamName}`;

/** Whether the feed needs this event at all (one of the monitored services). */
export const isMonitored = (event: RecordedEvent, services: readonly MonitoredService[]) =>
  serviceOf(event.streamName, services) !== undefined;

function open(service: MonitoredService, event: RecordedEvent): CaseFeedState | null {
  if (event.type !== service.intakeEvent) return null; // a case the feed never saw opened (cannot happen in order)
  const d = event.data as Data;
  const channel = str(d.channel) as ServiceStageMessage['channel'] | undefined;
  return {
    id: caseKey(event.streamName),
    kind: 'case',
    serviceCode: service.serviceCode,
    caseId: str(d.caseId) ?? event.streamName.slice(service.streamPrefix.length),
    providerId: str(d.providerId) ?? 'unknown',
    channel: channel ?? null,
    registrationDate: str(d.registeredOn) ?? null,
    regulationVersion: str(d.regulationVersion) ?? event.metadata.regulationVersion,
    stage: null,
    status: 'in-progress',
    refusalGroundCodes: [],
    deadlines: {},
    lastPosition: 0,
  };
}

/** The deadline facts after one event (DeadlineSet/Satisfied/Missed/Cancelled; domain/shared/deadlines.ts). */
function withDeadline(deadlines: Record<string, DeadlineFact>, event: RecordedEvent): Record<string, DeadlineFact> {
  const d = event.data as Data;
  if (event.type === 'DeadlineSet') {
    const deadline = d.deadline as Data | undefined;
    const id = str(deadline?.deadlineId);
    const dueOn = str(deadline?.dueOn);
    return id && dueOn ? { ...deadlines, [id]: { dueOn, open: true, missed: false } } : deadlines;
  }
  const id = str(d.deadlineId);
  const current = id ? deadlines[id] : undefined;
  if (!id || !current) return deadlines;
  // `missed` as the one deadline rule of the read models has it (projections/shared/deadlines.ts): a step taken after
  // its due date is missed, and a recorded breach is never undone — so `onTime` is false exactly when they say missed.
  if (event.type === 'DeadlineSatisfied')
    return { ...deadlines, [id]: { ...current, open: false, missed: current.missed || d.late === true } };
  if (event.type === 'DeadlineMissed') return { ...deadlines, [id]: { ...current, missed: true } };
  if (event.type === 'DeadlineCancelled') return { ...deadlines, [id]: { ...current, open: false } };
  return deadlines;
}

function evolve(service: MonitoredService, state: CaseFeedState, event: RecordedEvent): CaseFeedState {
  const data = event.data as Data;
  const next: CaseFeedState = {
    ...state,
    deadlines: withDeadline(state.deadlines, event),
    lastPosition: event.position,
  };
  const grounds = service.refusalGrounds?.(event.type, data);
  if (grounds !== undefined && grounds.length > 0) next.refusalGroundCodes = [...new Set(grounds)];
  const change = stageOf(service, event.type, data);
  if (change) {
    next.stage = change.stage;
    next.status = change.status;
  }
  return next;
}

/** Due date and on-time flag once the command's deadline facts (`rest`) are in (see the schema's descriptions). */
function terms(state: CaseFeedState, event: RecordedEvent, rest: readonly RecordedEvent[]) {
  let deadlines = state.deadlines;
  let lateStep = false;
  const metNow: string[] = [];
  for (const e of rest) {
    deadlines = withDeadline(deadlines, e);
    const d = e.data as Data;
    if (e.type === 'DeadlineSatisfied') {
      if (d.late === true) lateStep = true;
      const met = str(d.deadlineId) ? deadlines[d.deadlineId as string]?.dueOn : undefined;
      if (met) metNow.push(met);
    }
  }
  const facts = Object.values(deadlines);
  const openDue = facts.filter((f) => f.open).map((f) => f.dueOn);
  const dueDate = openDue.length > 0 ? openDue.sort()[0]! : metNow.length > 0 ? metNow.sort().at(-1)! : null;
  const missedOpen = facts.some((f) => f.open && f.missed) || event.type === 'DeadlineMissed';
  return { dueDate, onTime: !lateStep && !missedOpen };
}

function message(state: CaseFeedState, event: RecordedEvent, rest: readonly RecordedEvent[]): ServiceStageMessage {
  const { dueDate, onTime } = terms(state, event, rest);
  return {
    schema: SERVICE_STAGE_V1,
    messageId: event.eventId,
    serviceCode: state.serviceCode,
    caseId: state.caseId,
    providerId: state.providerId,
    channel: state.channel,
    stage: state.stage ?? 'registration',
    status: state.status,
    sourceEventType: event.type,
    occurredAt: event.metadata.occurredAt,
    registrationDate: state.registrationDate,
    dueDate,
    onTime,
    refusalGroundCodes: [...state.refusalGroundCodes],
    regulationVersion: state.regulationVersion,
    position: event.position,
  };
}

/**
 * One event: the case state after it and the message it causes (null unless the stage changed, or a deadline
 * of the case was found missed by the watcher — the on-time status of the stage changed).
 */
export function feedStep(
  state: CaseFeedState | null,
  event: RecordedEvent,
  rest: readonly RecordedEvent[],
  services: readonly MonitoredService[],
): FeedStep {
  const service = serviceOf(event.streamName, services);
  if (!service) return { state, message: null };
  if (state && event.position <= state.lastPosition) return { state, message: null };
  const base = state ?? open(service, event);
  if (!base) return { state, message: null };
  const next = evolve(service, base, event);
  const stageChanged = stageOf(service, event.type, event.data as Data) !== undefined;
  const watcherMiss = event.type === 'DeadlineMissed' && (event.data as Data).detectedBy === 'watcher';
  return { state: next, message: stageChanged || watcherMiss ? message(next, event, rest) : null };
}

/** The events after `index` in the same stream and command (the facts the stage event caused). */
export function restOfCommand(events: readonly RecordedEvent[], index: number): RecordedEvent[] {
  const event = events[index]!;
  const rest: RecordedEvent[] = [];
  for (let i = index + 1; i < events.length; i++) {
    const e = events[i]!;
    if (e.streamName !== event.streamName) continue;
    if (e.metadata.commandId !== event.metadata.commandId) break;
    rest.push(e);
  }
  return rest;
}
