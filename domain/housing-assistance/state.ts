/**
 * The housing assistance case as folded from its events (stream `housing-assistance-<caseId>`).
 */
import type {
  ApplicationSubmittedData,
  AssignedData,
  CompleteDocumentsAcceptedData,
  GatewayDataRecordedData,
  RefusedData,
  ResultIssuedData,
  WithdrawnData,
} from '../../contracts/housing-assistance/events';
import type { Channel, LocalDate } from '../calendar/types';
import type { Deadline, DeadlineEvent, DeadlineState } from '../shared/deadlines';

export type HousingAssistanceEvent =
  | { type: 'ApplicationSubmitted'; data: ApplicationSubmittedData }
  | { type: 'CompleteDocumentsAccepted'; data: CompleteDocumentsAcceptedData }
  | { type: 'GatewayDataRecorded'; data: GatewayDataRecordedData }
  | { type: 'AssistanceAssigned'; data: AssignedData }
  | { type: 'AssistanceRefused'; data: RefusedData }
  | { type: 'ResultIssued'; data: ResultIssuedData }
  | { type: 'ApplicationWithdrawn'; data: WithdrawnData }
  | DeadlineEvent;

/** Stages in the order of the service. */
export type HousingAssistanceStatus =
  | 'none'
  | 'submitted' // registered, waiting for the complete set to be accepted
  | 'documents-accepted' // the HA Rules §13 term is running
  | 'assigned'
  | 'refused'
  | 'result-issued'
  | 'withdrawn';

export interface TrackedDeadline {
  deadline: Deadline;
  state: DeadlineState;
  satisfiedOn?: LocalDate;
  missedOn?: LocalDate;
}

export interface HousingAssistanceState {
  status: HousingAssistanceStatus;
  application?: ApplicationSubmittedData;
  acceptedOn?: LocalDate;
  gateway?: GatewayDataRecordedData;
  decision?: { outcome: 'assigned' | 'refused'; decidedOn: LocalDate; amountTiyn?: number; late: boolean };
  resultIssuedOn?: LocalDate;
  deadlines: Record<string, TrackedDeadline>;
}

export const initialState: HousingAssistanceState = { status: 'none', deadlines: {} };

function withDeadline(
  state: HousingAssistanceState,
  id: string,
  change: (d: TrackedDeadline) => TrackedDeadline,
): HousingAssistanceState {
  const current = state.deadlines[id];
  if (!current) return state;
  return { ...state, deadlines: { ...state.deadlines, [id]: change(current) } };
}

export function evolve(state: HousingAssistanceState, event: HousingAssistanceEvent): HousingAssistanceState {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return { ...state, status: 'submitted', application: event.data };
    case 'CompleteDocumentsAccepted':
      return { ...state, status: 'documents-accepted', acceptedOn: event.data.acceptedOn };
    case 'GatewayDataRecorded':
      return { ...state, gateway: event.data };
    case 'AssistanceAssigned':
      return {
        ...state,
        status: 'assigned',
        decision: {
          outcome: 'assigned',
          decidedOn: event.data.decidedOn,
          amountTiyn: event.data.amountTiyn,
          late: event.data.late,
        },
      };
    case 'AssistanceRefused':
      return {
        ...state,
        status: 'refused',
        decision: { outcome: 'refused', decidedOn: event.data.decidedOn, late: event.data.late },
      };
    case 'ResultIssued':
      return { ...state, status: 'result-issued', resultIssuedOn: event.data.issuedOn };
    case 'ApplicationWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'DeadlineSet':
      return {
        ...state,
        deadlines: {
          ...state.deadlines,
          [event.data.deadline.deadlineId]: { deadline: event.data.deadline, state: 'open' },
        },
      };
    case 'DeadlineSatisfied':
      // A late step keeps the breach: the deadline stays `missed`, with the day the step was finally taken.
      return withDeadline(state, event.data.deadlineId, (d) => ({
        ...d,
        state: event.data.late || d.state === 'missed' ? 'missed' : 'met',
        satisfiedOn: event.data.satisfiedOn,
      }));
    case 'DeadlineMissed':
      return withDeadline(state, event.data.deadlineId, (d) => ({
        ...d,
        state: 'missed',
        missedOn: event.data.missedOn,
      }));
    case 'DeadlineCancelled':
      return withDeadline(state, event.data.deadlineId, (d) => ({ ...d, state: 'cancelled' }));
  }
}

/** The regulation version the case pinned at submission (for the envelope and the deadlines). */
export function regulationVersionOf(state: HousingAssistanceState): string | undefined {
  return state.application?.regulationVersion;
}

/** What the platform's authorisation needs: the provider, the applicant and every family member. */
export interface HousingAssistanceAccess {
  providerId: string;
  applicantIin: string;
  familyIins: string[];
}

export function accessOf(state: HousingAssistanceState): HousingAssistanceAccess | undefined {
  const app = state.application;
  if (!app) return undefined;
  const applicant = app.family.members.find((m) => m.kinship === 'applicant');
  return {
    providerId: app.providerId,
    applicantIin: applicant?.iin ?? '',
    familyIins: app.family.members.map((m) => m.iin),
  };
}

export const DECISION_DEADLINE_ID = 'decision';

export const channelOf = (state: HousingAssistanceState): Channel | undefined => state.application?.channel;
