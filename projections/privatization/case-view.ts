/**
 * Case view of the privatization service (PRODUCT.md `GET /v1/privatization/cases/{caseId}` and the case list):
 * stage, status, track, form, channel, every deadline with its due date and state, the regulation version, the
 * revision. Folded with the decider's own `evolve` (domain/privatization), so the view agrees with the command side.
 */
import type { CaseStatus, PrivatizationState } from '../../domain/privatization';
import { privatizationDecider } from '../../domain/privatization';
import { caseViewProjection, type CaseSummary, type CaseViewDoc } from '../shared/case-view';

export const PRIVATIZATION_STREAM_PREFIX = 'privatization-';

/**
 * The stage of Rules §9 a case is at. Tracks 1–2 and 3 share stages 1–2 (application; review and commission,
 * with the §10 hearing inside stage 2); the transfer is stage 3 of tracks 2–3 and the contract the last stage
 * (3 on track 1, 4 on tracks 2–3). Closed cases have no stage.
 */
export function stageOf(status: CaseStatus, track: string): { stage: number | null; stageName: string } {
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

export function summarizePrivatization(state: PrivatizationState): CaseSummary {
  if (state.status === 'none') throw new RangeError('No case yet');
  return {
    providerId: state.providerId,
    status: state.status,
    ...stageOf(state.status, state.track),
    track: state.track,
    form: state.form.kind,
    channel: state.channel,
    submittedAt: state.submittedAt,
    registrationDate: state.registeredOn,
    applicantIin: state.applicantIin,
    partyIins: [state.applicantIin, ...state.familyMembers.map((m) => m.iin)],
    receiptNumber: state.receiptNumber ?? null,
    decision: state.decision ?? null,
    refusal: state.refusal ?? null,
    hearing: state.hearing ?? null,
    contract: state.contract ? { signedOn: state.contract.signedOn, contractForm: state.contract.contractForm } : null,
    resultIssued: state.resultIssued,
  };
}

export type PrivatizationCaseView = CaseViewDoc<PrivatizationState>;

export const privatizationCaseView = caseViewProjection<PrivatizationState>({
  name: 'privatization-case-view',
  version: 1,
  collection: 'privatization_cases',
  streamPrefix: PRIVATIZATION_STREAM_PREFIX,
  fold: privatizationDecider as unknown as CaseViewSpecFold,
  summarize: summarizePrivatization,
  exists: (state) => state.status !== 'none',
});

type CaseViewSpecFold = {
  initialState: PrivatizationState;
  evolve(state: PrivatizationState, event: { type: string; data: unknown }): PrivatizationState;
};
