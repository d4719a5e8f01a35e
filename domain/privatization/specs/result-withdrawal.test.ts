/**
 * The result by channel (Rules §6, §7; Annex 1 item 5) and the applicant's withdrawal before the contract.
 */
import { InvalidState, RuleViolation } from '../../shared/errors';
import { receiptNumberOf } from '../application/submit';
import { TEST_CASE_ID, signedCabinetResult } from '../testing/fixtures';
import type { PrivatizationCommand } from '../types';
import { contracted, decided, heard, registered, tenAm } from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const receipt = receiptNumberOf(TEST_CASE_ID, '2026-03-02');
const atStateCorporation = (over: Record<string, unknown> = {}): PrivatizationCommand => ({
  type: 'IssueResult',
  data: {
    delivery: {
      channel: 'state-corporation',
      receiptNumber: receipt,
      recipient: 'applicant',
      identityVerifiedBy: 'identity-document',
      ...over,
    } as never,
  },
});

describe('Rules §7 — portal: the result in the personal cabinet, an e-document signed with the head’s EDS', () => {
  test('a signed contract result is delivered', () => {
    const c = contracted({ channel: 'portal' });
    privatization
      .given(c.history)
      .when(
        {
          type: 'IssueResult',
          data: signedCabinetResult(TEST_CASE_ID, 'privatization-contract', 'PC-2026-31', '2026-03-13T04:00:00Z'),
        },
        tenAm('2026-03-13'),
      )
      .thenContains([
        {
          type: 'ResultIssued',
          data: { resultKind: 'privatization-contract', issuedOn: '2026-03-13', rule: 'Rules §7; Annex 1 item 5' },
        },
      ]);
  });

  test('a signature over another document is refused (422)', () => {
    const c = contracted({ channel: 'portal' });
    privatization
      .given(c.history)
      .when(
        {
          type: 'IssueResult',
          data: signedCabinetResult(TEST_CASE_ID, 'privatization-contract', 'PC-OTHER', '2026-03-13T04:00:00Z'),
        },
        tenAm('2026-03-13'),
      )
      .thenFails(RuleViolation, { rule: 'Rules §7', code: 'invalid-signature' });
  });

  test('a portal case does not get its result at the State Corporation', () => {
    privatization
      .given(contracted({ channel: 'portal' }).history)
      .when(atStateCorporation(), tenAm('2026-03-13'))
      .thenFails(RuleViolation, { rule: 'Rules §7', code: 'wrong-result-channel' });
  });
});

describe('Rules §6 — State Corporation: against the receipt, to the applicant or a representative with a notarised power of attorney', () => {
  test('another receipt number is refused', () => {
    privatization
      .given(contracted().history)
      .when(atStateCorporation({ receiptNumber: 'SC-1' }), tenAm('2026-03-13'))
      .thenFails(RuleViolation, { rule: 'Rules §6', code: 'receipt-mismatch' });
  });

  test('a representative without a notarised power of attorney is refused; with one, the result is issued', () => {
    const c = contracted();
    privatization
      .given(c.history)
      .when(
        atStateCorporation({ recipient: 'representative', representativeFullName: 'Nurpeisov Yerlan' }),
        tenAm('2026-03-13'),
      )
      .thenFails(RuleViolation, { code: 'power-of-attorney-required' });
    privatization
      .given(c.history)
      .when(
        atStateCorporation({
          recipient: 'representative',
          representativeFullName: 'Nurpeisov Yerlan',
          powerOfAttorney: { number: 'PoA-7', issuedOn: '2026-03-01', notarised: false, notary: 'Notary Abenova' },
        }),
        tenAm('2026-03-13'),
      )
      .thenFails(RuleViolation, { code: 'power-of-attorney-required' });
    privatization
      .given(c.history)
      .when(
        atStateCorporation({
          recipient: 'representative',
          representativeFullName: 'Nurpeisov Yerlan',
          powerOfAttorney: { number: 'PoA-7', issuedOn: '2026-03-01', notarised: true, notary: 'Notary Abenova' },
        }),
        tenAm('2026-03-13'),
      )
      .thenContains([{ type: 'ResultIssued', data: { rule: 'Rules §6; Annex 1 item 5' } }]);
  });

  test('the result is issued once; not before the contract or a refusal (409)', () => {
    const c = contracted();
    c.run(tenAm('2026-03-13'), atStateCorporation());
    privatization
      .given(c.history)
      .when(atStateCorporation(), tenAm('2026-03-14'))
      .thenFails(InvalidState, { code: 'result-already-issued' });
    privatization
      .given(decided().history)
      .when(atStateCorporation(), tenAm('2026-03-10'))
      .thenFails(InvalidState, { code: 'out-of-order' });
  });
});

describe('Withdrawal by the applicant at any stage before the contract', () => {
  test('withdrawing cancels the open deadlines', () => {
    privatization
      .given(registered().history)
      .when({ type: 'WithdrawApplication', data: { reason: 'moving abroad' } }, tenAm('2026-03-05'))
      .then([
        {
          type: 'ApplicationWithdrawn',
          data: { reason: 'moving abroad', withdrawnOn: '2026-03-05', stage: 'registered' },
        },
        { type: 'DeadlineCancelled', data: { deadlineId: 'decision', reason: 'the application was withdrawn' } },
      ]);
  });

  test.each([
    ['after the hearing', heard],
    ['after the decision', decided],
  ])('allowed %s', (_name, history) => {
    const events = privatization
      .given(history().history)
      .when({ type: 'WithdrawApplication', data: {} }, tenAm('2026-03-30'))
      .events();
    expect(events[0]?.type).toBe('ApplicationWithdrawn');
  });

  test('not after the contract (409), and nothing more happens on a withdrawn case', () => {
    privatization
      .given(contracted().history)
      .when({ type: 'WithdrawApplication', data: {} }, tenAm('2026-03-13'))
      .thenFails(InvalidState, { code: 'out-of-order' });
    const c = registered();
    c.run(tenAm('2026-03-05'), { type: 'WithdrawApplication', data: {} });
    privatization
      .given(c.history)
      .when({ type: 'CompleteDocumentReview', data: { outcome: 'compliant' } }, tenAm('2026-03-06'))
      .thenFails(InvalidState);
  });
});
