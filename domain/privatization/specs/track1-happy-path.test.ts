/**
 * Track 1, communal housing fund (Rules §9.1; Annex 1 item 3.1), free privatization (Annex 2), State Corporation
 * intake (Rules §6): submission → review → commission → decision → contract → result, on the real 2026 calendar.
 */
import {
  CaseScript,
  adoptDecision,
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../testing/case-script';
import { TEST_CASE_ID, validSubmitApplication } from '../testing/fixtures';
import { privatization } from '../testing/decider-spec';
import { receiptNumberOf } from '../application/submit';

/** Submitted Monday 2 March 10:00, identity data on 3 March, reviewed on 4 March, commission and votes on 5 March. */
function voted(): CaseScript {
  const c = new CaseScript();
  c.run('2026-03-02T05:00:00Z', { type: 'SubmitApplication', data: validSubmitApplication() });
  for (const cmd of identityDataSteps()) c.run('2026-03-03T05:00:00Z', cmd);
  c.run('2026-03-04T05:00:00Z', reviewCompliant);
  c.run('2026-03-05T05:00:00Z', formCommission);
  for (const v of votes('for', 'for', 'against')) c.run('2026-03-05T06:00:00Z', v);
  return c;
}

/** … the decision adopted on Friday 6 March, the rights and technical data obtained on 10 March. */
function readyForContract(): CaseScript {
  const c = voted();
  c.run('2026-03-06T05:00:00Z', adoptDecision(c.caseId, '2026-03-06T04:30:00Z'));
  for (const cmd of dwellingDataSteps()) c.run('2026-03-10T05:00:00Z', cmd);
  return c;
}

const signContract = {
  type: 'SignContract',
  data: { contractNumber: 'PC-2026-31', contractForm: 'electronic' },
} as const;

describe('Track 1 (communal fund), free, State Corporation — Rules §9.1, Annex 1 item 3.1', () => {
  test('submission on Monday 2 March 2026 10:00 Almaty registers that day, receipt with result date 1 April (Rules §5, §6, Annex 1 item 3.1)', () => {
    const events = privatization
      .given([])
      .when({ type: 'SubmitApplication', data: validSubmitApplication() }, '2026-03-02T05:00:00Z')
      .events();
    expect(events.map((e) => e.type)).toEqual([
      'ApplicationRegistered',
      'DocumentChecklistDetermined',
      'ReceiptIssued',
      'DeadlineSet',
    ]);
    expect(events[0]).toMatchObject({
      data: { registeredOn: '2026-03-02', regulationVersion: 'order-115-2025', rule: 'Rules §5' },
    });
    expect(events[2]).toMatchObject({
      data: {
        receiptNumber: receiptNumberOf(TEST_CASE_ID, '2026-03-02'),
        employeeFullName: 'Omarova Saule Kairatovna',
        documentsAccepted: ['8.1', '8.3', '8.8'],
        submittedAt: '2026-03-02T05:00:00Z',
        resultDate: '2026-04-01',
        rule: 'Rules §6',
      },
    });
    expect(events[3]).toMatchObject({
      data: {
        deadline: {
          deadlineId: 'decision',
          termId: 'privatization.decision',
          dueOn: '2026-04-01',
          regulationVersion: 'order-115-2025',
        },
      },
    });
  });

  test('stage 2: gateway identity data, review, commission, votes (Rules §7, §9.1)', () => {
    expect(privatization.given(voted().history).state.status).toBe('commission');
  });

  test('decision by majority on Friday 6 March; contract due 16 March — 9 March 2026 is a day off (Annex 1 item 3.1)', () => {
    privatization
      .given(voted().history)
      .when(adoptDecision(TEST_CASE_ID, '2026-03-06T04:30:00Z'), '2026-03-06T05:00:00Z')
      .then([
        expect.objectContaining({
          type: 'PrivatizationDecisionAdopted',
          data: expect.objectContaining({
            adoptedOn: '2026-03-06',
            tally: { for: 2, against: 1, abstain: 0, members: 3 },
          }),
        }),
        {
          type: 'DeadlineSatisfied',
          data: {
            deadlineId: 'decision',
            satisfiedOn: '2026-03-06',
            late: false,
            rule: expect.stringContaining('Annex 1 item 3.1'),
          },
        },
        expect.objectContaining({
          type: 'DeadlineSet',
          data: {
            deadline: expect.objectContaining({
              deadlineId: 'contract',
              dueOn: '2026-03-16',
              unit: 'working-days',
              days: 5,
            }),
          },
        }),
      ]);
  });

  test('contract after the rights and technical data (Rules §9.1 stage 2–3); free: no payment term (Annex 1 item 6)', () => {
    privatization
      .given(readyForContract().history)
      .when(signContract, '2026-03-11T05:00:00Z')
      .then([
        expect.objectContaining({
          type: 'ContractSigned',
          data: expect.objectContaining({
            paymentDue: false,
            paymentExemption: 'free-privatization',
            signedOn: '2026-03-11',
          }),
        }),
        expect.objectContaining({
          type: 'DeadlineSatisfied',
          data: expect.objectContaining({ deadlineId: 'contract', late: false }),
        }),
      ]);
  });

  test('the result is issued at the State Corporation against the receipt (Rules §6)', () => {
    const signed = privatization.given(readyForContract().history).when(signContract, '2026-03-11T05:00:00Z').and();
    const issued = signed.when(
      {
        type: 'IssueResult',
        data: {
          delivery: {
            channel: 'state-corporation',
            receiptNumber: receiptNumberOf(TEST_CASE_ID, '2026-03-02'),
            recipient: 'applicant',
            identityVerifiedBy: 'identity-document',
          },
        },
      },
      '2026-03-12T05:00:00Z',
    );
    issued.then([
      expect.objectContaining({
        type: 'ResultIssued',
        data: expect.objectContaining({ resultKind: 'privatization-contract', issuedOn: '2026-03-12' }),
      }),
    ]);
    expect(issued.and().state).toMatchObject({ status: 'contracted', resultIssued: true });
  });
});
