/**
 * Refusal with hearing (Rules §10; APPC art. 73; Annex 1 item 9). Service deadline: Wednesday 1 April 2026; the
 * notice must go out by Friday 27 March (3 working days before); the hearing no later than 2 working days after it.
 */
import { InvalidState, RuleViolation } from '../../shared/errors';
import { receiptNumberOf } from '../application/submit';
import { TEST_CASE_ID, signedRefusal } from '../testing/fixtures';
import type { PrivatizationCommand } from '../types';
import {
  DECISION_DUE,
  adoptDecision,
  formCommission,
  heard,
  preliminarilyRefused,
  reviewed,
  tenAm,
  votes,
  voted,
} from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const schedule = (hearingAt: string): PrivatizationCommand => ({
  type: 'ScheduleHearing',
  data: { hearingAt, place: 'Akimat, room 214' },
});
const hold: PrivatizationCommand = { type: 'HoldHearing', data: { applicantAttended: true } };
const refuse = (at_: string, grounds = ['not-meeting-requirements' as const]): PrivatizationCommand => ({
  type: 'IssueReasonedRefusal',
  data: signedRefusal(
    TEST_CASE_ID,
    [...grounds],
    'The lease was not extended: the 2020 order concerns another flat.',
    at_,
  ),
});

describe('Annex 1 item 9 — refusal only on the five grounds', () => {
  test('the preliminary decision names its grounds and starts the notice term (3 working days before 1 April → 27 March)', () => {
    privatization
      .given(reviewed().history)
      .when(
        {
          type: 'IssuePreliminaryRefusal',
          data: { grounds: ['unreliable-documents'], explanation: 'The no-debt certificate is forged.' },
        },
        tenAm('2026-03-10'),
      )
      .thenContains([
        {
          type: 'PreliminaryRefusalIssued',
          data: { grounds: ['unreliable-documents'], issuedOn: '2026-03-10', rule: 'Rules §10' },
        },
        {
          type: 'DeadlineSet',
          data: {
            deadline: {
              deadlineId: 'hearing-notice',
              dueOn: '2026-03-27',
              termId: 'privatization.hearing.noticeBeforeDeadline',
            },
          },
        },
      ]);
  });

  test('ground 9.5 stands only when the consent to personal data is really absent', () => {
    privatization
      .given(reviewed().history)
      .when(
        { type: 'IssuePreliminaryRefusal', data: { grounds: ['no-personal-data-consent'], explanation: 'x' } },
        tenAm('2026-03-10'),
      )
      .thenFails(RuleViolation, { rule: 'Annex 1 item 9.5', code: 'ground-not-established' });
  });

  test('when grounds were found, the commission cannot decide before hearing the applicant (Rules §10)', () => {
    const c = reviewed(
      {},
      {
        type: 'CompleteDocumentReview',
        data: { outcome: 'grounds-for-refusal', groundsFound: ['unreliable-documents'] },
      },
    );
    c.run(tenAm('2026-03-05'), formCommission);
    for (const v of votes('for', 'for', 'for')) c.run(tenAm('2026-03-05'), v);
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-06T04:00:00Z'), tenAm('2026-03-06'))
      .thenFails(RuleViolation, { rule: 'Rules §10', code: 'hearing-required' });
  });
});

describe('Rules §10 — the notice at least 3 working days before the service deadline ends', () => {
  test('a notice on Friday 27 March (the last allowed day) is accepted; the hearing term runs to Tuesday 31 March', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(schedule('2026-03-31T06:00:00Z'), tenAm('2026-03-27'))
      .thenContains([
        {
          type: 'HearingScheduled',
          data: {
            noticeSentOn: '2026-03-27',
            hearingOn: '2026-03-31',
            serviceDeadlineOn: DECISION_DUE,
            latestNoticeOn: '2026-03-27',
            latestHearingOn: '2026-03-31',
          },
        },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'hearing-notice', late: false } },
        { type: 'DeadlineSet', data: { deadline: { deadlineId: 'hearing', dueOn: '2026-03-31' } } },
      ]);
  });

  test('a notice on Monday 30 March is too late: 422 with the rule and the dates', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(schedule('2026-03-31T06:00:00Z'), tenAm('2026-03-30'))
      .thenFails(RuleViolation, {
        rule: 'Rules §10',
        code: 'hearing-notice-too-late',
        noticeSentOn: '2026-03-30',
        serviceDeadlineOn: DECISION_DUE,
        latestNoticeOn: '2026-03-27',
      });
  });
});

describe('Rules §10 — the hearing no later than 2 working days from the notice', () => {
  test('notice Friday 20 March: Nauryz (23–25 March) does not count, so Friday 27 March is still in time', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(schedule('2026-03-27T06:00:00Z'), tenAm('2026-03-20'))
      .thenContains([{ type: 'HearingScheduled', data: { latestHearingOn: '2026-03-27' } }]);
  });

  test('a hearing set 3 working days after the notice is refused (422) with the dates', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(schedule('2026-04-01T06:00:00Z'), tenAm('2026-03-27'))
      .thenFails(RuleViolation, {
        rule: 'Rules §10',
        code: 'hearing-date-out-of-bounds',
        noticeSentOn: '2026-03-27',
        hearingOn: '2026-04-01',
        latestHearingOn: '2026-03-31',
      });
  });

  test('a hearing set before the notice is refused', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(schedule('2026-03-25T04:00:00Z'), tenAm('2026-03-25'))
      .thenFails(RuleViolation, { code: 'hearing-date-out-of-bounds' });
  });

  test('holding it before the notified date, or after the 2 working days, is refused (422)', () => {
    const c = preliminarilyRefused();
    c.run(tenAm('2026-03-25'), schedule('2026-03-27T06:00:00Z'));
    privatization
      .given(c.history)
      .when(hold, tenAm('2026-03-26'))
      .thenFails(RuleViolation, { rule: 'Rules §10', heldOn: '2026-03-26' });
    privatization
      .given(c.history)
      .when(hold, tenAm('2026-03-30'))
      .thenFails(RuleViolation, { rule: 'Rules §10', latestHearingOn: '2026-03-27' });
  });

  test('a hearing cannot be held without a notice (409) nor scheduled twice', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(hold, tenAm('2026-03-26'))
      .thenFails(InvalidState, { code: 'out-of-order' });
    const c = preliminarilyRefused();
    c.run(tenAm('2026-03-25'), schedule('2026-03-27T06:00:00Z'));
    privatization.given(c.history).when(schedule('2026-03-27T06:00:00Z'), tenAm('2026-03-25')).thenFails(InvalidState);
  });
});

describe('Rules §10 — after the hearing: a reasoned refusal …', () => {
  test('full path: preliminary decision, notice, hearing, commission against, reasoned refusal, result at the State Corporation', () => {
    const c = heard();
    c.run(tenAm('2026-03-30'), formCommission);
    for (const v of votes('against', 'against', 'for')) c.run(tenAm('2026-03-30'), v);
    const refused = privatization.given(c.history).when(refuse('2026-03-31T04:00:00Z'), tenAm('2026-03-31'));
    refused.then([
      expect.objectContaining({
        type: 'ReasonedRefusalIssued',
        data: expect.objectContaining({
          grounds: ['not-meeting-requirements'],
          refusedOn: '2026-03-31',
          rule: 'Rules §10; Annex 1 item 9',
        }),
      }),
      expect.objectContaining({
        type: 'DeadlineSatisfied',
        data: expect.objectContaining({ deadlineId: 'decision', late: false }),
      }),
    ]);
    const result = refused.and().when(
      {
        type: 'IssueResult',
        data: {
          delivery: {
            channel: 'state-corporation',
            receiptNumber: receiptNumberOf(TEST_CASE_ID, '2026-03-02'),
            recipient: 'applicant',
            identityVerifiedBy: 'digital-documents-service',
          },
        },
      },
      tenAm('2026-04-02'),
    );
    expect(result.events()[0]).toMatchObject({
      type: 'ResultIssued',
      data: { resultKind: 'reasoned-refusal', documents: ['reasoned-refusal'] },
    });
    expect(result.and().state.status).toBe('refused');
  });

  test('a refusal may rest only on grounds the applicant was heard on', () => {
    privatization
      .given(heard().history)
      .when(refuse('2026-03-31T04:00:00Z', ['unreliable-documents' as never]), tenAm('2026-03-31'))
      .thenFails(RuleViolation, { rule: 'Rules §10', code: 'ground-not-heard', unheard: ['unreliable-documents'] });
  });

  test('no refusal when the commission voted by majority to privatize', () => {
    const c = heard();
    c.run(tenAm('2026-03-30'), formCommission);
    for (const v of votes('for', 'for')) c.run(tenAm('2026-03-30'), v);
    privatization
      .given(c.history)
      .when(refuse('2026-03-31T04:00:00Z'), tenAm('2026-03-31'))
      .thenFails(RuleViolation, { code: 'commission-voted-for' });
  });

  test('no reasoned refusal before the hearing (409)', () => {
    privatization
      .given(preliminarilyRefused().history)
      .when(refuse('2026-03-11T04:00:00Z'), tenAm('2026-03-11'))
      .thenFails(InvalidState, { code: 'out-of-order' });
  });
});

describe('Rules §10 — … or the hearing changes the outcome: the commission decides to privatize', () => {
  test('after the hearing the commission votes anew (round 2) and adopts the decision', () => {
    const c = reviewed(
      {},
      {
        type: 'CompleteDocumentReview',
        data: { outcome: 'grounds-for-refusal', groundsFound: ['not-meeting-requirements'] },
      },
    );
    c.run(tenAm('2026-03-05'), formCommission);
    for (const v of votes('against', 'against', 'against')) c.run(tenAm('2026-03-05'), v);
    c.run(tenAm('2026-03-10'), {
      type: 'IssuePreliminaryRefusal',
      data: { grounds: ['not-meeting-requirements'], explanation: 'Lease expired.' },
    });
    c.run(tenAm('2026-03-25'), schedule('2026-03-27T06:00:00Z'));
    c.run('2026-03-27T06:30:00Z', {
      type: 'HoldHearing',
      data: { applicantAttended: true, applicantPosition: 'Extended by order No. 12 of 2020.' },
    });
    for (const v of votes('for', 'for', 'abstain'))
      c.run(tenAm('2026-03-30'), { ...v, data: { ...(v.data as object) } } as PrivatizationCommand);
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-31T04:00:00Z'), tenAm('2026-03-31'))
      .thenContains([
        {
          type: 'PrivatizationDecisionAdopted',
          data: { afterHearing: true, tally: { for: 2, against: 0, abstain: 1, members: 3 }, rule: 'Rules §10' },
        },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'decision', late: false } },
        { type: 'DeadlineSet', data: { deadline: { deadlineId: 'contract' } } },
      ]);
  });

  test('a case without grounds goes straight to the decision (no hearing needed)', () => {
    const c = voted();
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-06T04:00:00Z'), tenAm('2026-03-06'))
      .thenContains([{ type: 'PrivatizationDecisionAdopted', data: { afterHearing: false } }]);
  });
});
