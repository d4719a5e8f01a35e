/**
 * Case view of the privatization service (docs/HTTP-CONTRACT.md "Queries": `GET /v1/privatization/cases/{caseId}` and
 * the case list): stage, status, track, form, channel, every deadline with its due date and state, the regulation
 * version, the revision.
 *
 * The view folds a light state of its own instead of the decider's full case file (which carries certificates and
 * signatures of every family member — kilobytes per case, rewritten on every change, too slow for the rebuild's
 * throughput target). Its status transitions mirror domain/privatization/evolve.ts exactly; the spec
 * `case-view-agrees-with-decider` folds real histories of every track and outcome through both and compares.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { CaseStatus } from '../../domain/privatization';
import { stageOf as monitoringStageOf } from '../monitoring/services';
import { privatizationMonitoring } from './monitoring';
import { PRIVATIZATION_STREAM_PREFIX } from '../../domain/privatization/stream';
import { caseViewProjection, type CaseSummary, type CaseViewDoc } from '../shared/case-view';

export interface PrivatizationViewState {
  status: CaseStatus | 'none';
  /** Monitoring stage code (Rules §11 feed: ./monitoring.ts). */
  stage: string | null;
  track: string | null;
  form: string | null;
  channel: string | null;
  providerId: string | null;
  submittedAt: string | null;
  registrationDate: string | null;
  applicantIin: string | null;
  partyIins: string[];
  receiptNumber: string | null;
  decision: { decisionNumber: string; adoptedOn: string; afterHearing: boolean } | null;
  preliminaryRefusal: { issuedOn: string; grounds: string[] } | null;
  hearing: { noticeSentOn: string; hearingOn: string; heldOn?: string } | null;
  refusal: { refusedOn: string; grounds: string[] } | null;
  transferCompletedOn: string | null;
  contract: { contractNumber: string; signedOn: string; contractForm: string } | null;
  withdrawnOn: string | null;
  resultIssuedOn: string | null;
}

export const initialViewState: PrivatizationViewState = {
  status: 'none',
  stage: null,
  track: null,
  form: null,
  channel: null,
  providerId: null,
  submittedAt: null,
  registrationDate: null,
  applicantIin: null,
  partyIins: [],
  receiptNumber: null,
  decision: null,
  preliminaryRefusal: null,
  hearing: null,
  refusal: null,
  transferCompletedOn: null,
  contract: null,
  withdrawnOn: null,
  resultIssuedOn: null,
};

type D = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- event data, schema-checked on append

/** The view state after one event (status transitions as in domain/privatization/evolve.ts). */
export function evolveView(s: PrivatizationViewState, e: Pick<RecordedEvent, 'type' | 'data'>): PrivatizationViewState {
  const next = evolveFacts(s, e);
  const change = monitoringStageOf(privatizationMonitoring, e.type, e.data as D);
  return change && next.status !== 'none' ? { ...next, stage: change.stage } : next;
}

function evolveFacts(s: PrivatizationViewState, e: Pick<RecordedEvent, 'type' | 'data'>): PrivatizationViewState {
  const d = e.data as D;
  switch (e.type) {
    case 'ApplicationRegistered':
      return {
        ...initialViewState,
        status: 'registered',
        track: d.track,
        form: d.form?.kind ?? null,
        channel: d.channel,
        providerId: d.providerId,
        submittedAt: d.submittedAt,
        registrationDate: d.registeredOn,
        applicantIin: d.applicant?.iin ?? null,
        partyIins: [d.applicant?.iin, ...((d.familyMembers ?? []) as { iin: string }[]).map((m) => m.iin)].filter(
          (x): x is string => typeof x === 'string',
        ),
      };
    case 'ReceiptIssued':
      return { ...s, receiptNumber: d.receiptNumber };
    case 'DocumentReviewCompleted':
      return { ...s, status: 'commission' };
    case 'PrivatizationDecisionAdopted':
      return {
        ...s,
        status: s.track === 'communal-fund' ? 'contract' : 'transfer',
        decision: { decisionNumber: d.decisionNumber, adoptedOn: d.adoptedOn, afterHearing: d.afterHearing === true },
      };
    case 'PreliminaryRefusalIssued':
      return { ...s, status: 'hearing', preliminaryRefusal: { issuedOn: d.issuedOn, grounds: d.grounds } };
    case 'HearingScheduled':
      return { ...s, hearing: { noticeSentOn: d.noticeSentOn, hearingOn: d.hearingOn } };
    case 'HearingHeld':
      return { ...s, status: 'after-hearing', hearing: s.hearing ? { ...s.hearing, heldOn: d.heldOn } : null };
    case 'ReasonedRefusalIssued':
      return { ...s, status: 'refused', refusal: { refusedOn: d.refusedOn, grounds: d.grounds } };
    case 'TransferCompleted':
      return { ...s, status: 'contract', transferCompletedOn: d.completedOn };
    case 'ContractSigned':
      return {
        ...s,
        status: 'contracted',
        contract: { contractNumber: d.contractNumber, signedOn: d.signedOn, contractForm: d.contractForm },
      };
    case 'ResultIssued':
      return { ...s, resultIssuedOn: d.issuedOn };
    case 'ApplicationWithdrawn':
      return { ...s, status: 'withdrawn', withdrawnOn: d.withdrawnOn };
    default:
      return s;
  }
}

/**
 * The stage of Rules §9 a case is at. Tracks 1–2 and 3 share stages 1–2 (application; review and commission,
 * with the §10 hearing inside stage 2); the transfer is stage 3 of tracks 2–3 and the contract the last stage
 * (3 on track 1, 4 on tracks 2–3). Closed cases have no stage.
 */
export function ruleStageOf(
  status: CaseStatus | 'none',
  track: string | null,
): { stage: number | null; stageName: string } {
  switch (status) {
    case 'registered':
      return { stage: 1, stageName: 'application' };
    case 'commission':
    case 'hearing':
    case 'after-hearing':
      return { stage: 2, stageName: 'commission' };
    case 'transfer':
      return { stage: 3, stageName: 'transfer' };
    case 'contract':
      return { stage: track === 'communal-fund' ? 3 : 4, stageName: 'contract' };
    default:
      return { stage: null, stageName: 'closed' };
  }
}

export function summarizePrivatization(s: PrivatizationViewState): CaseSummary {
  const { stage: stageNumber, stageName } = ruleStageOf(s.status, s.track);
  return {
    providerId: s.providerId,
    status: s.status,
    stage: s.stage,
    stageNumber,
    stageName,
    track: s.track,
    form: s.form,
    channel: s.channel,
    submittedAt: s.submittedAt,
    registrationDate: s.registrationDate,
    applicantIin: s.applicantIin,
    partyIins: s.partyIins,
    details: {
      receiptNumber: s.receiptNumber,
      decision: s.decision,
      preliminaryRefusal: s.preliminaryRefusal,
      hearing: s.hearing,
      refusal: s.refusal,
      transferCompletedOn: s.transferCompletedOn,
      contract: s.contract,
      withdrawnOn: s.withdrawnOn,
      resultIssuedOn: s.resultIssuedOn,
    },
  };
}

export type PrivatizationCaseView = CaseViewDoc<PrivatizationViewState>;

export const privatizationCaseView = caseViewProjection<PrivatizationViewState>({
  name: 'privatization-case-view',
  // 2: one deadline rule (projections/shared/deadlines.ts): a step taken after its due date is `missed`.
  version: 2,
  collection: 'privatization_cases',
  streamPrefix: PRIVATIZATION_STREAM_PREFIX,
  fold: { initialState: initialViewState, evolve: evolveView },
  summarize: summarizePrivatization,
  exists: (state) => state.status !== 'none',
});
