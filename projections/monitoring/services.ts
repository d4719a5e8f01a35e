/**
 * Which events change the stage of a service (Rules §9 stages; HA Rules), as data. Each service keeps its mapping
 * beside its projections (projections/<service>/monitoring.ts) and names it in its definition; the list of monitored
 * services is derived from the registry (services/platform/definitions.ts `monitoredServices`). An event type is
 * unique only within its service (docs/ARCHITECTURE.md "Names"), so every look-up goes through the service of the
 * event's stream (`serviceOf`).
 */
import type { ServiceCode, StageStatus } from '../../contracts/monitoring';

export interface StageChange {
  stage: string;
  status: StageStatus;
}

type Data = Record<string, unknown>;

/** A service's stages for the feed (a service definition's `monitoring`). */
export interface MonitoringMapping {
  serviceCode: ServiceCode;
  /** The event that opens a case; its data carries providerId, channel, registeredOn, regulationVersion. */
  intakeEvent: string;
  /** Event type → the stage it reaches (a function when the status depends on the data). */
  stages: Readonly<Record<string, StageChange | ((data: Data) => StageChange)>>;
  /** Refusal grounds an event records (codes; Annex 1 item 9, HA Rules): replaces the case's list when defined. */
  refusalGrounds?: (type: string, data: Data) => string[] | undefined;
  /** The service's event of a hearing held (Rules §10), which the dashboard counts. */
  hearingHeldEvent?: string;
}

/** A monitored service: its mapping under the stream prefix of its definition. */
export interface MonitoredService extends MonitoringMapping {
  streamPrefix: string;
}

export const inProgress = (stage: string): StageChange => ({ stage, status: 'in-progress' });
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function serviceOf(streamName: string, services: readonly MonitoredService[]): MonitoredService | undefined {
  return services.find((s) => streamName.startsWith(s.streamPrefix));
}

export function stageOf(service: Pick<MonitoringMapping, 'stages'>, type: string, data: Data): StageChange | undefined {
  const entry = service.stages[type];
  return typeof entry === 'function' ? entry(data) : entry;
}
