/**
 * The housing assistance case view (collection `housing_assistance_cases`, one document per case): stage, status,
 * every deadline with its due date and state, the decision with its calculation and pinned parameters, the result,
 * and the case's timeline. Indexed for the case list filters (provider, status, stage, registration date, overdue).
 * Pure: "overdue" is computed at query time from `openDueOn` (the earliest due date still owed) against today.
 * Deadline states follow the one rule of projections/shared/deadlines.ts (a step taken after its due date is `missed`).
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from '../../domain/housing-assistance/stream';
import type { DeadlineState } from '../../domain/shared/deadlines';
import type { Projection, ReadDoc } from '../projection';
import { evolveCaseDeadlines, type CaseDeadline } from '../shared/case-deadline';
import { deadlineRecordSummary, evolveDeadlineRecord } from '../shared/deadlines';
import { housingAssistanceStageOf, type HousingAssistanceStage, type HousingAssistanceStatus } from './stage';
import { caseIdOf, housingAssistanceTimelineEntry, type HousingAssistanceTimelineEntry } from './timeline-entry';

/** Deprecated for `dueDates` (docs/HTTP-CONTRACT.md "Deprecated fields"); kept as it was answered. */
export interface HousingAssistanceDeadlineView {
  deadlineId: string;
  termId: string;
  rule: string;
  description: string;
  unit: string;
  days: number;
  triggeredOn: string;
  dueOn: string;
  provisional: boolean;
  state: DeadlineState;
  satisfiedOn?: string;
  missedOn?: string;
  late?: boolean;
  cancelledReason?: string;
}

export type HousingAssistanceCaseViewDoc = ReadDoc & {
  id: string;
  caseId: string;
  streamName: string;
  service: 'housing-assistance';
  providerId: string;
  regionCode: string;
  channel: string;
  status: HousingAssistanceStatus;
  stage: HousingAssistanceStage;
  receivedAt: string;
  /** The registration date (Rules §5), named as in every service's case view. */
  registrationDate: string;
  /** Deprecated for `registrationDate`. */
  registeredOn: string;
  regulationVersion: string;
  applicantIin: string;
  /** Every family member's IIN (applicants see cases where they are a member), named as in every case view. */
  partyIins: string[];
  /** Deprecated for `partyIins`. */
  memberIins: string[];
  family: { iin: string; fullName: string; kinship: string; birthDate: string; consented: boolean }[];
  dwelling: Record<string, unknown>;
  monthlyExpenses: Record<string, unknown>[];
  acceptedOn: string | null;
  gatewayDataReceivedOn: string | null;
  decision: {
    outcome: 'assigned' | 'refused';
    decidedOn: string;
    decisionNumber: string | null;
    late: boolean;
    amountTiyn: number | null;
    calculation: Record<string, unknown> | null;
    parameters: Record<string, unknown> | null;
    reasons: { ground: string; explanation: string }[] | null;
  } | null;
  result: { issuedOn: string; outcome: string; deliveredVia: string } | null;
  withdrawnOn: string | null;
  /** Every deadline in the shape every service answers with (contracts/read-models.ts). */
  dueDates: CaseDeadline[];
  /** Deprecated for `dueDates`: keyed by deadline id. */
  deadlines: Record<string, HousingAssistanceDeadlineView>;
  openDueOn: string | null;
  anyMissed: boolean;
  timeline: HousingAssistanceTimelineEntry[];
  revision: number;
  lastPosition: number;
};

type Data = Record<string, unknown>;

function applyDeadline(doc: HousingAssistanceCaseViewDoc, e: RecordedEvent): HousingAssistanceCaseViewDoc {
  const deadlines = evolveDeadlineRecord<HousingAssistanceDeadlineView>(doc.deadlines, e, (d) => ({
    deadlineId: d.deadlineId,
    termId: d.termId,
    rule: d.rule,
    description: d.description,
    unit: d.unit,
    days: d.days,
    triggeredOn: d.triggeredOn,
    dueOn: d.dueOn,
    provisional: d.provisional,
    state: 'open',
  }));
  if (!deadlines) return doc;
  return { ...doc, dueDates: evolveCaseDeadlines(doc.dueDates, e), deadlines, ...deadlineRecordSummary(deadlines) };
}

function opened(e: RecordedEvent): HousingAssistanceCaseViewDoc {
  const d = e.data as Data;
  const members = ((d.family as { members?: Data[] } | undefined)?.members ?? []) as Data[];
  const caseId = caseIdOf(e.streamName);
  const memberIins = members.map((m) => String(m.iin));
  return {
    id: caseId,
    caseId,
    streamName: e.streamName,
    service: 'housing-assistance',
    providerId: String(d.providerId),
    regionCode: String(d.regionCode),
    channel: String(d.channel),
    status: 'submitted',
    stage: 'registration',
    receivedAt: String(d.receivedAt),
    registrationDate: String(d.registeredOn),
    registeredOn: String(d.registeredOn),
    regulationVersion: String(d.regulationVersion),
    applicantIin: String(members.find((m) => m.kinship === 'applicant')?.iin ?? ''),
    partyIins: memberIins,
    memberIins,
    family: members.map((m) => ({
      iin: String(m.iin),
      fullName: String(m.fullName),
      kinship: String(m.kinship),
      birthDate: String(m.birthDate),
      consented: m.consent !== undefined,
    })),
    dwelling: { ...(d.dwelling as Data) },
    monthlyExpenses: ((d.monthlyExpenses as Data[]) ?? []).map((x) => ({ ...x })),
    acceptedOn: null,
    gatewayDataReceivedOn: null,
    decision: null,
    result: null,
    withdrawnOn: null,
    dueDates: [],
    deadlines: {},
    openDueOn: null,
    anyMissed: false,
    timeline: [],
    revision: -1,
    lastPosition: 0,
  };
}

export function evolveHousingAssistanceCaseView(
  doc: HousingAssistanceCaseViewDoc | null,
  e: RecordedEvent,
): HousingAssistanceCaseViewDoc | null {
  if (e.type === 'ApplicationSubmitted' && !doc) doc = opened(e);
  if (!doc || e.position <= doc.lastPosition) return doc; // before the submission, or an event already applied
  const data = (e.data ?? {}) as Data;
  const stage = housingAssistanceStageOf(e);
  let next: HousingAssistanceCaseViewDoc = {
    ...doc,
    ...(stage ? { stage: stage.stage } : {}),
    ...(stage ? { status: stage.status } : {}),
    timeline: [...doc.timeline, housingAssistanceTimelineEntry(e)],
    revision: e.revision,
    lastPosition: e.position,
  };
  switch (e.type) {
    case 'CompleteDocumentsAccepted':
      next = { ...next, acceptedOn: String(data.acceptedOn) };
      break;
    case 'GatewayDataRecorded':
      next = { ...next, gatewayDataReceivedOn: String(data.receivedOn) };
      break;
    case 'AssistanceAssigned':
      next = {
        ...next,
        decision: {
          outcome: 'assigned',
          decidedOn: String(data.decidedOn),
          decisionNumber: typeof data.decisionNumber === 'string' ? data.decisionNumber : null,
          late: data.late === true,
          amountTiyn: Number(data.amountTiyn),
          calculation: data.calculation as Data,
          parameters: data.parameters as Data,
          reasons: null,
        },
      };
      break;
    case 'AssistanceRefused':
      next = {
        ...next,
        decision: {
          outcome: 'refused',
          decidedOn: String(data.decidedOn),
          decisionNumber: typeof data.decisionNumber === 'string' ? data.decisionNumber : null,
          late: data.late === true,
          amountTiyn: null,
          calculation: null,
          parameters: null,
          reasons: (data.reasons as { ground: string; explanation: string }[]).map((r) => ({ ...r })),
        },
      };
      break;
    case 'ResultIssued':
      next = {
        ...next,
        result: {
          issuedOn: String(data.issuedOn),
          outcome: String(data.outcome),
          deliveredVia: String(data.deliveredVia),
        },
      };
      break;
    case 'ApplicationWithdrawn':
      next = { ...next, withdrawnOn: String(data.withdrawnOn) };
      break;
    case 'DeadlineSet':
    case 'DeadlineSatisfied':
    case 'DeadlineMissed':
    case 'DeadlineCancelled':
      next = applyDeadline(next, e);
      break;
  }
  return next;
}

export const HOUSING_ASSISTANCE_CASES_COLLECTION = 'housing_assistance_cases';

export const housingAssistanceCaseViewProjection: Projection<HousingAssistanceCaseViewDoc> = {
  name: 'housing-assistance-case-view',
  // 2: one deadline rule (projections/shared/deadlines.ts): a missed deadline not yet taken stays in openDueOn.
  // 3: the timeline's event types named without the service's name (docs/ARCHITECTURE.md "Names").
  // 4: the fields every service's case view has (registrationDate, partyIins, streamName, dueDates).
  version: 4,
  collection: HOUSING_ASSISTANCE_CASES_COLLECTION,
  indexes: [
    { field: 'providerId' },
    { field: 'status' },
    { field: 'stage' },
    { field: 'regionCode' },
    { field: 'registeredOn' },
    { field: 'openDueOn' },
    { field: 'anyMissed' },
    { field: 'applicantIin' },
    { field: 'partyIins', multi: true },
  ],
  streamPrefixes: [HOUSING_ASSISTANCE_STREAM_PREFIX],
  // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
  streamLocal: true,
  keysOf: (event) => [caseIdOf(event.streamName)],
  evolve: (doc, event) => evolveHousingAssistanceCaseView(doc, event),
};

/** Whether the case is overdue today: an open deadline whose due date has passed (computed at query time). */
export const isOverdue = (doc: Pick<HousingAssistanceCaseViewDoc, 'openDueOn'>, today: string) =>
  doc.openDueOn !== null && doc.openDueOn < today;
