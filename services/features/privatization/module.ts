/**
 * The privatization service as a platform module (docs/REGULATION.md: Rules §4–§10, Annex 1–3).
 * `commandRoles` is THE authorisation matrix of the service: who may send which command.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { privatizationCommandSchemas, privatizationEventSchemas } from '../../../contracts/privatization';
import { privatizationDecider, regulationVersionOf, type PrivatizationState } from '../../../domain/privatization';
import type { Command, Decider, DomainEvent } from '../../../domain/shared/decider';
import { privatizationCaseView, privatizationTimelineSource } from '../../../projections/privatization';
import { authorizeChannel } from '../../platform/auth/channel';
import { readSideOf } from '../../platform/definitions';
import type { Role } from '../../platform/roles';
import {
  summarizeCreated,
  type CaseParties,
  type CreatedSummary,
  type ServiceModule,
} from '../../platform/service-module';
import { privatization } from './definition';

/**
 * Who does what (Rules §4–§10): the State Corporation's operator or the applicant on the portal submits; the
 * provider's officer reviews and obtains gateway data; the commission secretary forms the commission, records votes
 * and runs the hearing; the provider's head adopts and signs decisions and sends the akim's petition; the
 * state-property body decides on the transfer and signs the act with the provider; the registrar registers title.
 * Auditors, investigators and monitoring send nothing. RecordDeadlineMissed is the deadline watcher's (internal).
 */
export const PRIVATIZATION_COMMAND_ROLES: Readonly<Record<string, readonly Role[]>> = {
  SubmitApplication: ['intake-operator', 'applicant'], // Rules §4: State Corporation or portal
  RecordGatewayData: ['provider-officer'], // Rules §7, §9: gateway data
  CompleteDocumentReview: ['provider-officer'], // Rules §9 stage 1
  FormCommission: ['commission-secretary'], // Rules §9 stage 2: housing commission
  RecordCommissionVote: ['commission-secretary'],
  AdoptPrivatizationDecision: ['provider-head'], // signed with the head's EDS (Rules §7)
  IssuePreliminaryRefusal: ['provider-head'], // Rules §10
  ScheduleHearing: ['commission-secretary', 'provider-officer'], // Rules §10: notice ≥ 3 working days before
  HoldHearing: ['commission-secretary'], // Rules §10: hearing ≤ 2 working days after the notice
  IssueReasonedRefusal: ['provider-head'], // Rules §10, Annex 1 item 9
  SendPetition: ['provider-head'], // Rules §9.3: the akim's petition
  RecordPropertyBodyDecision: ['property-body'], // Rules §9.3, Annex 1 item 3.3
  SignTransferAct: ['property-body', 'provider-head'], // both sides sign (Rules §9.2–§9.3)
  ApproveTransferAct: ['property-body', 'provider-head'],
  RegisterTitle: ['registrar'], // state registration of title
  SignContract: ['provider-head', 'provider-officer'], // Annex 1 item 3: within 5 working days
  RecordPayment: ['provider-officer'], // Annex 1 item 6
  IssueResult: ['provider-officer', 'intake-operator'], // Rules §6 (State Corporation) / §7 (personal cabinet)
  WithdrawApplication: ['applicant', 'intake-operator'],
  RecordDeadlineMissed: [],
};

interface SubmitBody {
  channel?: string;
  providerId?: string;
  applicant?: { iin?: string };
  familyMembers?: { iin?: string }[];
}

function partiesOf(state: PrivatizationState): CaseParties {
  if (state.status === 'none') return { memberIins: [] };
  return {
    providerId: state.providerId,
    applicantIin: state.applicantIin,
    memberIins: state.familyMembers.map((m) => m.iin),
  };
}

function summarize(events: readonly RecordedEvent[]): CreatedSummary {
  const base = summarizeCreated(events);
  const extra: Record<string, unknown> = {};
  for (const e of events) {
    const data = e.data as Record<string, unknown>;
    if (e.type === 'ReceiptIssued') extra.receipt = { receiptNumber: data.receiptNumber, resultDate: data.resultDate };
    if (e.type === 'RequestAccepted') extra.requestAccepted = { status: data.status, resultDate: data.resultDate };
  }
  return { ...base, extra };
}

export const privatizationModule: ServiceModule<PrivatizationState> = {
  ...readSideOf(privatization),
  title: 'Privatization of dwellings',
  basePath: '/v1/privatization/cases',
  decider: privatizationDecider as unknown as Decider<Command, DomainEvent, PrivatizationState>,
  createCommand: { name: 'SubmitApplication' },
  commandSchemas: privatizationCommandSchemas,
  eventSchemas: privatizationEventSchemas,
  commandRoles: PRIVATIZATION_COMMAND_ROLES,
  partiesOf,
  partiesOfCreate(body) {
    const b = body as SubmitBody;
    return {
      providerId: b.providerId,
      applicantIin: b.applicant?.iin,
      memberIins: (b.familyMembers ?? []).flatMap((m) => (m.iin ? [m.iin] : [])),
    };
  },
  // Rules §4, §6–§7: the State Corporation's operator submits at its counters, the applicant in person on the portal.
  authorizeCreate: (principal, body) =>
    authorizeChannel(principal, String((body as SubmitBody).channel), (body as SubmitBody).applicant?.iin),
  regulationVersionOf,
  toCommand(name, body, { caseId }) {
    return name === 'SubmitApplication'
      ? { type: name, data: { ...(body as object), caseId } }
      : { type: name, data: body };
  },
  summarizeCreated: summarize,
  // The case view uses ReadModelBinding's default field names (id = caseId, providerId, status, stage, submittedOn,
  // openDueOn, partyIins); the timeline is read step by step with its deadlines.
  readModels: { cases: privatizationCaseView.collection, timelineSteps: privatizationTimelineSource },
};
