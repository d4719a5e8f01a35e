/**
 * Property tests (fast-check): random command sequences — each step either a random command or a random one among
 * those the case accepts now — never produce a contract without a decision, a refusal without a hearing, a payment
 * without a contract; and a deadline's breach is recorded at most once, before any late satisfaction.
 */
import fc from 'fast-check';
import { DomainError } from '../../shared/errors';
import { receiptNumberOf } from '../application/submit';
import { decide } from '../decide';
import { evolve } from '../evolve';
import { initialState, type PrivatizationState } from '../state';
import { transferSteps } from '../testing/case-script';
import {
  TEST_CASE_ID,
  TEST_COMMISSION,
  TEST_FORMS,
  TEST_IINS,
  signedDecision,
  signedRefusal,
  testContext,
  validSubmitApplication,
} from '../testing/fixtures';
import type { PrivatizationCommand, PrivatizationEvent } from '../types';

type Gen = (now: string, s: PrivatizationState) => PrivatizationCommand;
const SIGNED_AT = '2026-03-01T00:00:00Z';
const plusHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3600_000).toISOString();

const POOL: Gen[] = [
  ...[TEST_IINS.applicant, TEST_IINS.spouse, TEST_IINS.adultChild, TEST_IINS.minorChild].map((iin): Gen => () => ({
    type: 'RecordGatewayData',
    data: { kind: 'identity', subjectIin: iin, available: true, reference: 'ID' },
  })),
  () => ({ type: 'RecordGatewayData', data: { kind: 'rights-encumbrances', available: true, reference: 'RE' } }),
  () => ({ type: 'RecordGatewayData', data: { kind: 'technical-characteristics', available: true, reference: 'TC' } }),
  () => ({ type: 'CompleteDocumentReview', data: { outcome: 'compliant' } }),
  () => ({
    type: 'CompleteDocumentReview',
    data: { outcome: 'grounds-for-refusal', groundsFound: ['not-meeting-requirements'] },
  }),
  () => ({ type: 'FormCommission', data: { members: TEST_COMMISSION } }),
  ...['m1', 'm2', 'm3'].flatMap((m) =>
    (['for', 'against'] as const).map((vote): Gen => () => ({
      type: 'RecordCommissionVote',
      data: { memberId: m, vote },
    })),
  ),
  () => ({ type: 'AdoptPrivatizationDecision', data: signedDecision(TEST_CASE_ID, 'HC-P', SIGNED_AT) }),
  () => ({ type: 'IssuePreliminaryRefusal', data: { grounds: ['not-meeting-requirements'], explanation: 'x' } }),
  (now) => ({ type: 'ScheduleHearing', data: { hearingAt: plusHours(now, 24), place: 'room' } }),
  () => ({ type: 'HoldHearing', data: { applicantAttended: true } }),
  () => ({
    type: 'IssueReasonedRefusal',
    data: signedRefusal(TEST_CASE_ID, ['not-meeting-requirements'], 'r', SIGNED_AT),
  }),
  () => ({ type: 'IssueReasonedRefusal', data: signedRefusal(TEST_CASE_ID, ['unreliable-documents'], 'r', SIGNED_AT) }),
  ...[...transferSteps('communal-institution'), ...transferSteps('republican-institution')].map(
    (c): Gen =>
      () =>
        c,
  ),
  () => ({ type: 'SignContract', data: { contractNumber: 'PC', contractForm: 'electronic', price: 1000000 } }),
  () => ({ type: 'SignContract', data: { contractNumber: 'PC', contractForm: 'paper' } }),
  () => ({ type: 'RecordPayment', data: { amount: 500000, reference: 'P' } }),
  (_now, s) => ({
    type: 'IssueResult',
    data: {
      delivery: {
        channel: 'state-corporation',
        receiptNumber: s.status === 'none' ? 'x' : receiptNumberOf(s.caseId, s.registeredOn),
        recipient: 'applicant',
        identityVerifiedBy: 'identity-document',
      },
    },
  }),
  () => ({ type: 'WithdrawApplication', data: {} }),
  ...['decision', 'contract', 'transfer', 'payment', 'hearing', 'hearing-notice'].map((id): Gen => () => ({
    type: 'RecordDeadlineMissed',
    data: { deadlineId: id },
  })),
];

const VALID_POOL = POOL.filter((g) => g('2026-03-02T05:00:00Z', initialState).type !== 'WithdrawApplication');

/** Gateway data already on file: accepted again, but no progress — the valid mode skips it. */
const alreadyRecorded = (c: PrivatizationCommand, s: PrivatizationState) =>
  c.type === 'RecordGatewayData' &&
  s.status !== 'none' &&
  s.gateway.some(
    (g) =>
      g.kind === c.data.kind &&
      g.subjectIin === c.data.subjectIin &&
      g.afterTitleRegistration === (s.transfer.titleRegisteredOn !== undefined),
  );

const tryDecide = (c: PrivatizationCommand, s: PrivatizationState, now: string): PrivatizationEvent[] | null => {
  try {
    return decide(c, s, testContext(now));
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
};

function run(
  setup: { track: number; form: number },
  steps: { valid: boolean; pick: number; hours: number }[],
): PrivatizationEvent[] {
  const track =
    (['communal-fund', 'communal-institution', 'republican-institution'] as const)[setup.track] ?? 'communal-fund';
  const form = [TEST_FORMS.free, TEST_FORMS.residualValue, TEST_FORMS.instalments][setup.form] ?? TEST_FORMS.free;
  let now = '2026-03-02T05:00:00Z';
  let state = initialState;
  const history: PrivatizationEvent[] = [];
  const apply = (events: PrivatizationEvent[]) => {
    history.push(...events);
    state = events.reduce(evolve, state);
  };
  apply(decide({ type: 'SubmitApplication', data: validSubmitApplication({ track, form }) }, state, testContext(now)));
  for (const step of steps) {
    now = plusHours(now, step.hours);
    if (step.valid) {
      // One of the commands the case accepts now (withdrawal aside: it is always accepted and would end most runs).
      const accepted = VALID_POOL.map((g) => g(now, state))
        .filter((c) => !alreadyRecorded(c, state))
        .map((c) => tryDecide(c, state, now))
        .filter((e): e is PrivatizationEvent[] => e !== null && e.length > 0);
      if (accepted.length > 0) apply(accepted[step.pick % accepted.length] as PrivatizationEvent[]);
    } else {
      const events = tryDecide((POOL[step.pick % POOL.length] as Gen)(now, state), state, now);
      if (events) apply(events);
    }
  }
  return history;
}

const before = (h: PrivatizationEvent[], earlier: PrivatizationEvent['type'], later: PrivatizationEvent['type']) => {
  const l = h.findIndex((e) => e.type === later);
  return l < 0 || h.slice(0, l).some((e) => e.type === earlier);
};

const arbitraryCase = fc.record({
  setup: fc.record({ track: fc.nat(2), form: fc.nat(2) }),
  steps: fc.array(
    fc.record({ valid: fc.nat(9).map((n) => n < 8), pick: fc.nat(200), hours: fc.integer({ min: 0, max: 60 }) }),
    { minLength: 15, maxLength: 50 },
  ),
});

describe('invariants over random command sequences', () => {
  const reached = { contract: 0, refusal: 0, payment: 0, missed: 0 };

  test('no contract without a decision, no refusal without a hearing, no payment without a contract; breaches recorded once', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ setup, steps }) => {
        const h = run(setup, steps);
        const types = h.map((e) => e.type);
        if (types.includes('ContractSigned')) reached.contract++;
        if (types.includes('ReasonedRefusalIssued')) reached.refusal++;
        if (types.includes('PaymentRecorded')) reached.payment++;
        if (types.includes('DeadlineMissed')) reached.missed++;
        expect(before(h, 'PrivatizationDecisionAdopted', 'ContractSigned')).toBe(true);
        expect(before(h, 'HearingHeld', 'ReasonedRefusalIssued')).toBe(true);
        expect(before(h, 'PreliminaryRefusalIssued', 'HearingScheduled')).toBe(true);
        expect(before(h, 'ContractSigned', 'PaymentRecorded')).toBe(true);
        expect(types.includes('ContractSigned') && types.includes('ReasonedRefusalIssued')).toBe(false);
        expect(types.includes('ContractSigned') && types.includes('ApplicationWithdrawn')).toBe(false);
        const missed = h.flatMap((e) => (e.type === 'DeadlineMissed' ? [e.data.deadlineId] : []));
        expect(new Set(missed).size).toBe(missed.length);
        h.forEach((e, i) => {
          if (e.type === 'DeadlineSatisfied' && e.data.late) {
            const id = e.data.deadlineId;
            expect(h.slice(0, i).some((x) => x.type === 'DeadlineMissed' && x.data.deadlineId === id)).toBe(true);
          }
        });
      }),
      { numRuns: 100 },
    );
    // The generator must actually reach the deep stages, or the properties above would hold vacuously.
    expect(reached.contract).toBeGreaterThan(2);
    expect(reached.refusal).toBeGreaterThan(5);
    expect(reached.payment).toBeGreaterThan(0);
    expect(reached.missed).toBeGreaterThan(2);
  });
});
