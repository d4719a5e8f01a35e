/**
 * Which events change the stage of which service (Rules §9 stages; HA Rules), as data: adding a service to the
 * monitoring feed (Rules §11) is adding one entry here. An event type is unique only within its service
 * (docs/ARCHITECTURE.md "Names"), so every look-up goes through the service of the event's stream (`serviceOf`).
 */
import type { ServiceCode, StageStatus } from '../../contracts/monitoring';
import { complaintsMonitored } from '../complaints/monitoring';

export interface StageChange {
  stage: string;
  status: StageStatus;
}

type Data = Record<string, unknown>;

export interface MonitoredService {
  serviceCode: ServiceCode;
  streamPrefix: string;
  /** The event that opens a case; its data carries providerId, channel, registeredOn, regulationVersion. */
  intakeEvent: string;
  /** Event type → the stage it reaches (a function when the status depends on the data). */
  stages: Readonly<Record<string, StageChange | ((data: Data) => StageChange)>>;
  /** Refusal grounds an event records (codes; Annex 1 item 9, HA Rules): replaces the case's list when defined. */
  refusalGrounds?: (type: string, data: Data) => string[] | undefined;
  /** The service's event of a hearing held (Rules §10), which the dashboard counts. */
  hearingHeldEvent?: string;
}

const go = (stage: string): StageChange => ({ stage, status: 'in-progress' });
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export const privatization: MonitoredService = {
  serviceCode: 'privatization',
  streamPrefix: 'privatization-',
  intakeEvent: 'ApplicationRegistered',
  stages: {
    ApplicationRegistered: go('registration'), // stage 1 (Rules §5, §9)
    DocumentReviewCompleted: go('document-review'), // stage 2 (Rules §9.1)
    CommissionFormed: go('commission-formed'),
    PreliminaryRefusalIssued: go('preliminary-refusal'), // Rules §10
    HearingScheduled: go('hearing-scheduled'),
    HearingHeld: go('hearing-held'),
    PrivatizationDecisionAdopted: go('privatization-decision'),
    ReasonedRefusalIssued: { stage: 'reasoned-refusal', status: 'refused' },
    PetitionSent: go('transfer-petition'), // track 3 (Rules §9.3)
    PropertyBodyDecisionRecorded: go('transfer-decision'),
    TransferActSigned: go('transfer-act-signed'), // tracks 2–3 (Rules §9.2, §9.3)
    TransferActApproved: go('transfer-act-approved'),
    TitleRegistered: go('title-registered'),
    TransferCompleted: go('transfer-completed'),
    ContractSigned: go('contract-signed'), // stage 3 / 4
    ResultIssued: (d) => ({
      stage: 'result-issued',
      status: d.resultKind === 'reasoned-refusal' ? 'refused' : 'completed',
    }),
    ApplicationWithdrawn: { stage: 'withdrawn', status: 'withdrawn' },
  },
  refusalGrounds: (type, data) => {
    if (type === 'DocumentReviewCompleted') return strings(data.groundsFound);
    if (type === 'PreliminaryRefusalIssued' || type === 'ReasonedRefusalIssued') return strings(data.grounds);
    return undefined;
  },
  hearingHeldEvent: 'HearingHeld',
};

export const housingAssistance: MonitoredService = {
  serviceCode: 'housing-assistance',
  streamPrefix: 'housing-assistance-',
  intakeEvent: 'ApplicationSubmitted',
  stages: {
    ApplicationSubmitted: go('registration'),
    CompleteDocumentsAccepted: go('documents-accepted'),
    AssistanceAssigned: go('assistance-assigned'),
    AssistanceRefused: { stage: 'refusal', status: 'refused' },
    ResultIssued: (d) => ({
      stage: 'result-issued',
      status: d.outcome === 'refused' ? 'refused' : 'completed',
    }),
    ApplicationWithdrawn: { stage: 'withdrawn', status: 'withdrawn' },
  },
  refusalGrounds: (type, data) =>
    type === 'AssistanceRefused' && Array.isArray(data.reasons)
      ? (data.reasons as Data[]).map((r) => r.ground).filter((g): g is string => typeof g === 'string')
      : undefined,
};

export const MONITORED_SERVICES: readonly MonitoredService[] = [privatization, housingAssistance, complaintsMonitored];

export function serviceOf(streamName: string, services = MONITORED_SERVICES): MonitoredService | undefined {
  return services.find((s) => streamName.startsWith(s.streamPrefix));
}

export function stageOf(service: MonitoredService, type: string, data: Data): StageChange | undefined {
  const entry = service.stages[type];
  return typeof entry === 'function' ? entry(data) : entry;
}
