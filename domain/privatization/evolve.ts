/** Folds one event into the case state (pure; unknown-to-state events leave it unchanged). */
import type { OpenCase, PrivatizationState } from './state';
import type { PrivatizationEvent } from './types';

function open(state: PrivatizationState): OpenCase {
  if (state.status === 'none') throw new Error('Event before ApplicationRegistered');
  return state;
}

export function evolve(state: PrivatizationState, e: PrivatizationEvent): PrivatizationState {
  if (e.type === 'ApplicationRegistered') {
    const d = e.data;
    return {
      status: 'registered',
      caseId: d.caseId,
      track: d.track,
      form: d.form,
      channel: d.channel,
      providerId: d.providerId,
      applicantIin: d.applicant.iin,
      applicantName: d.applicant.fullName,
      dwellingAddress: d.dwelling.address,
      familyMembers: d.familyMembers,
      categories: d.applicant.categories,
      situation: d.situation ?? {},
      consents: d.consents,
      submittedAt: d.submittedAt,
      registeredOn: d.registeredOn,
      regulationVersion: d.regulationVersion,
      checklist: [],
      gateway: [],
      groundsFound: [],
      round: 1,
      votes: {},
      transfer: {},
      totalPaid: 0,
      resultIssued: false,
      deadlines: {},
    };
  }
  const s = open(state);
  switch (e.type) {
    case 'DocumentChecklistDetermined':
      return {
        ...s,
        checklist: e.data.items.map(({ document, rule, obtainedBy, submitted }) => ({
          document,
          rule,
          obtainedBy,
          submitted,
        })),
      };
    case 'ReceiptIssued':
      return { ...s, receiptNumber: e.data.receiptNumber };
    case 'RequestAccepted':
      return s;
    case 'GatewayDataRecorded':
      return {
        ...s,
        gateway: [
          ...s.gateway,
          {
            kind: e.data.kind,
            ...(e.data.subjectIin ? { subjectIin: e.data.subjectIin } : {}),
            available: e.data.available,
            obtainedOn: e.data.obtainedOn,
            afterTitleRegistration: s.transfer.titleRegisteredOn !== undefined,
          },
        ],
      };
    case 'DocumentReviewCompleted':
      return { ...s, status: 'commission', reviewOutcome: e.data.outcome, groundsFound: e.data.groundsFound ?? [] };
    case 'CommissionFormed':
      return { ...s, commission: { members: e.data.members } };
    case 'CommissionVoteRecorded':
      return { ...s, votes: { ...s.votes, [e.data.memberId]: e.data.vote } };
    case 'PrivatizationDecisionAdopted':
      return {
        ...s,
        status: s.track === 'communal-fund' ? 'contract' : 'transfer',
        decision: { decisionNumber: e.data.decisionNumber, adoptedOn: e.data.adoptedOn },
      };
    case 'PreliminaryRefusalIssued':
      return { ...s, status: 'hearing', preliminaryRefusal: { grounds: e.data.grounds, issuedOn: e.data.issuedOn } };
    case 'HearingScheduled':
      return {
        ...s,
        hearing: {
          noticeSentOn: e.data.noticeSentOn,
          hearingOn: e.data.hearingOn,
          latestHearingOn: e.data.latestHearingOn,
        },
      };
    case 'HearingHeld':
      // After the hearing the commission decides again (Rules §10): a new round of votes.
      return {
        ...s,
        status: 'after-hearing',
        hearing: { ...s.hearing!, heldOn: e.data.heldOn },
        round: s.round + 1,
        votes: {},
      };
    case 'ReasonedRefusalIssued':
      return { ...s, status: 'refused', refusal: { grounds: e.data.grounds, refusedOn: e.data.refusedOn } };
    case 'PetitionSent':
      return { ...s, transfer: { ...s.transfer, petitionSentOn: e.data.sentOn } };
    case 'PropertyBodyDecisionRecorded':
      return { ...s, transfer: { ...s.transfer, propertyBodyDecidedOn: e.data.decidedOn } };
    case 'TransferActSigned':
      return { ...s, transfer: { ...s.transfer, actSignedOn: e.data.signedOn } };
    case 'TransferActApproved':
      return { ...s, transfer: { ...s.transfer, actApprovedOn: e.data.approvedOn } };
    case 'TitleRegistered':
      return { ...s, transfer: { ...s.transfer, titleRegisteredOn: e.data.registeredOn } };
    case 'TransferCompleted':
      return { ...s, status: 'contract', transfer: { ...s.transfer, completedOn: e.data.completedOn } };
    case 'ContractSigned':
      return {
        ...s,
        status: 'contracted',
        contract: {
          contractNumber: e.data.contractNumber,
          signedOn: e.data.signedOn,
          contractForm: e.data.contractForm,
          ...(e.data.price !== undefined ? { price: e.data.price } : {}),
          paymentDue: e.data.paymentDue,
        },
      };
    case 'InstalmentScheduleSet':
      return s;
    case 'PaymentRecorded':
      return { ...s, totalPaid: e.data.totalPaid };
    case 'ResultIssued':
      return { ...s, resultIssued: true };
    case 'ApplicationWithdrawn':
      return { ...s, status: 'withdrawn' };
    case 'DeadlineSet':
      return {
        ...s,
        deadlines: {
          ...s.deadlines,
          [e.data.deadline.deadlineId]: { deadline: e.data.deadline as never, state: 'open', missedRecorded: false },
        },
      };
    case 'DeadlineSatisfied':
      return withDeadline(s, e.data.deadlineId, (d) => ({ ...d, state: 'met' }));
    case 'DeadlineMissed':
      return withDeadline(s, e.data.deadlineId, (d) => ({ ...d, state: 'missed', missedRecorded: true }));
    case 'DeadlineCancelled':
      return withDeadline(s, e.data.deadlineId, (d) => ({ ...d, state: 'cancelled' }));
    default: {
      // An event type this version does not know (a newer writer): the state stays as it was.
      const _exhaustive: never = e;
      void _exhaustive;
      return s;
    }
  }
}

function withDeadline(
  s: OpenCase,
  id: string,
  f: (d: OpenCase['deadlines'][string]) => OpenCase['deadlines'][string],
): OpenCase {
  const d = s.deadlines[id];
  return d ? { ...s, deadlines: { ...s.deadlines, [id]: f(d) } } : s;
}
