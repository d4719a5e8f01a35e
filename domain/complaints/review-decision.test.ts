/**
 * Rules §13: the decision on the complaint (upheld, partly upheld, rejected, with reasons) within 5 working days of
 * registration at the provider, 15 at the quality authority; late decisions recorded with their breach; the
 * deadline watcher's RecordDeadlineMissed is idempotent.
 */
import { generateKeyPairSync, sign } from 'crypto';
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import { createTrustStoreVerifier } from '../shared/signature-verifier';
import { InvalidCommand, RuleViolation } from '../shared/errors';
import { complaintDecisionPayload } from './decide';
import { at10, COMPLAINT_ID, deadlineFacts, forwarded, lodged, registered } from './testing/fixtures';
import { complaints } from './testing/decider-spec';

const atReviewBody = complaints.history([lodged('2026-03-20'), registered('2026-03-20'), forwarded('2026-03-26')]);
const decide = (outcome: 'upheld' | 'partly-upheld' | 'rejected' = 'rejected'): ComplaintCommand => ({
  type: 'DecideComplaint',
  data: { outcome, reasons: 'The term of Annex 1 item 3.1 had not yet expired.' },
});

describe('Rules §13: deciding the complaint', () => {
  test('decided by the complaint-review body on 1 April, the 5th working day: on time', () => {
    const events = complaints.given(atReviewBody).when(decide('partly-upheld'), at10('2026-04-01')).events();
    expect(events[0]).toMatchObject({
      type: 'ComplaintDecided',
      data: {
        outcome: 'partly-upheld',
        decidedOn: '2026-04-01',
        decidedBy: 'complaint-review-body',
        late: false,
        rule: 'Rules §13',
      },
    });
    expect(deadlineFacts(events)).toEqual(['DeadlineSatisfied:review']);
  });

  test('decided on 3 April, 2 working days late: DeadlineMissed (late-step, overdue from 2 April) then DeadlineSatisfied late', () => {
    const events = complaints.given(atReviewBody).when(decide(), at10('2026-04-03')).events();
    expect(events[0]).toMatchObject({ data: { late: true } });
    expect(events.slice(1)).toEqual([
      {
        type: 'DeadlineMissed',
        data: {
          deadlineId: 'review',
          dueOn: '2026-04-01',
          missedOn: '2026-04-02',
          rule: expect.stringMatching(/^Rules §13/),
          detectedBy: 'late-step',
        },
      },
      {
        type: 'DeadlineSatisfied',
        data: { deadlineId: 'review', satisfiedOn: '2026-04-03', late: true, rule: expect.any(String) },
      },
    ]);
  });

  test('the quality authority decides a complaint addressed to it directly, within 15 working days (due 15 April)', () => {
    const given = complaints.given(
      complaints.history([lodged('2026-03-20', 'quality-authority'), registered('2026-03-20')]),
    );
    expect(given.when(decide('upheld'), at10('2026-04-15')).events()[0]).toMatchObject({
      data: { decidedBy: 'quality-authority', late: false },
    });
    expect(given.when(decide('upheld'), at10('2026-04-16')).events()[0]).toMatchObject({ data: { late: true } });
  });

  test('a signed decision is recorded only when the signature verifies over the decision payload', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verifier = createTrustStoreVerifier({ trusted: [pem] });
    const data = { outcome: 'rejected' as const, reasons: 'No breach found.' };
    const value = sign('sha256', Buffer.from(complaintDecisionPayload(COMPLAINT_ID, data)), privateKey).toString(
      'base64',
    );
    const signature = {
      signer: 'Reviewer',
      certificateSerial: '01',
      signedAt: '2026-04-01T05:00:00Z',
      algorithm: 'ECDSA-SHA256' as const,
      value,
      certificate: pem,
    };
    const ok = complaints
      .given(atReviewBody)
      .when({ type: 'DecideComplaint', data: { ...data, signature } }, at10('2026-04-01'), { signatures: verifier })
      .events();
    expect(ok[0]).toMatchObject({ data: { signature: { value } } });
    const tampered = { ...data, reasons: 'Something else.', signature };
    complaints
      .given(atReviewBody)
      .when({ type: 'DecideComplaint', data: tampered }, at10('2026-04-01'), { signatures: verifier })
      .thenFails(InvalidCommand);
  });
});

describe('the deadline watcher (RecordDeadlineMissed)', () => {
  const missed: ComplaintCommand = { type: 'RecordDeadlineMissed', data: { deadlineId: 'review' } };

  test('records the breach once, on the first overdue day; a repeat appends nothing', () => {
    const first = complaints.given(atReviewBody).when(missed, at10('2026-04-02'));
    first.then([
      {
        type: 'DeadlineMissed',
        data: {
          deadlineId: 'review',
          dueOn: '2026-04-01',
          missedOn: '2026-04-02',
          rule: expect.any(String),
          detectedBy: 'watcher',
        },
      },
    ]);
    first.and().when(missed, at10('2026-04-03')).thenNothing();
  });

  test('a late decision after the watcher recorded the breach does not record it twice', () => {
    const events = complaints
      .given(atReviewBody)
      .when(missed, at10('2026-04-02'))
      .and()
      .when(decide(), at10('2026-04-03'))
      .events();
    expect(deadlineFacts(events)).toEqual(['DeadlineSatisfied:review']);
  });

  test('a deadline that has not run out cannot be recorded as missed', () => {
    complaints
      .given(atReviewBody)
      .when(missed, at10('2026-04-01'))
      .thenFails(RuleViolation, { code: 'not-overdue', rule: expect.stringMatching(/^Rules §13/) });
  });

  test('the satisfy window lapsing is not a breach: it is closed, and the duty to forward remains', () => {
    const events = complaints
      .given(complaints.history([lodged('2026-03-20'), registered('2026-03-20')]))
      .when({ type: 'RecordDeadlineMissed', data: { deadlineId: 'satisfy' } }, at10('2026-03-31'))
      .events();
    expect(deadlineFacts(events)).toEqual(['DeadlineCancelled:satisfy']);
  });
});
