/**
 * The housing commission (Rules §9.1 stage 2): formed, votes, decision by majority signed with the head's EDS;
 * the stage 1–2 term of 30 calendar days (Annex 1 item 3.1) as a fact, not a gate.
 */
import { InvalidCommand, InvalidState, RuleViolation } from '../../shared/errors';
import { signedDecision } from '../testing/fixtures';
import { DECISION_DUE, adoptDecision, formCommission, reviewed, tenAm, voted } from '../testing/histories';
import { privatization } from '../testing/decider-spec';

describe('Rules §9.1 — forming the commission and voting', () => {
  test('the commission is formed with exactly one chair', () => {
    privatization
      .given(reviewed().history)
      .when(
        {
          type: 'FormCommission',
          data: { members: [1, 2, 3].map((i) => ({ memberId: `m${i}`, fullName: `M ${i}`, role: 'member' as const })) },
        },
        tenAm('2026-03-05'),
      )
      .thenFails(InvalidCommand, { code: 'invalid-commission' });
    privatization
      .given(reviewed().history)
      .when(formCommission, tenAm('2026-03-05'))
      .thenContains([{ type: 'CommissionFormed', data: { formedOn: '2026-03-05', rule: 'Rules §9.1' } }]);
  });

  test('votes need a formed commission, come from its members, once per round', () => {
    const vote = { type: 'RecordCommissionVote' as const, data: { memberId: 'm1', vote: 'for' as const } };
    privatization
      .given(reviewed().history)
      .when(vote, tenAm('2026-03-05'))
      .thenFails(InvalidState, { code: 'out-of-order' });
    const c = reviewed();
    c.run(tenAm('2026-03-05'), formCommission);
    privatization
      .given(c.history)
      .when({ type: 'RecordCommissionVote', data: { memberId: 'stranger', vote: 'for' } }, tenAm('2026-03-05'))
      .thenFails(InvalidCommand, { code: 'not-a-member' });
    c.run(tenAm('2026-03-05'), vote);
    privatization.given(c.history).when(vote, tenAm('2026-03-05')).thenFails(InvalidState, { code: 'already-voted' });
  });
});

describe('Rules §9.1 — the decision is taken by majority', () => {
  test.each([
    [['for', 'against', 'abstain'] as const, 1],
    [['for', 'against'] as const, 1],
    [[] as const, 0],
  ])('votes %j: no majority of 3 members → 422 with the tally', (votes, forCount) => {
    const c = voted({}, ...votes);
    if (votes.length === 0) c.history.splice(c.history.findIndex((e) => e.type === 'CommissionVoteRecorded'));
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-06T04:00:00Z'), tenAm('2026-03-06'))
      .thenFails(RuleViolation, {
        rule: 'Rules §9.1',
        code: 'no-majority',
        tally: expect.objectContaining({ for: forCount, members: 3 }),
      });
  });

  test('2 of 3 is a majority', () => {
    const c = voted({}, 'for', 'for', 'against');
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-06T04:00:00Z'), tenAm('2026-03-06'))
      .thenContains([
        { type: 'PrivatizationDecisionAdopted', data: { tally: { for: 2, against: 1, abstain: 0, members: 3 } } },
      ]);
  });
});

describe("Rules §9.1 — the decision is signed with the EDS of the provider's head", () => {
  test('the signature data (signer, certificate serial, signing time) are recorded', () => {
    const c = voted();
    const body = signedDecision(c.caseId, 'HC-1', '2026-03-06T04:00:00Z');
    const events = privatization
      .given(c.history)
      .when({ type: 'AdoptPrivatizationDecision', data: body }, tenAm('2026-03-06'))
      .events();
    expect(events[0]).toMatchObject({
      data: {
        signature: {
          signer: 'Head of Provider TEST',
          certificateSerial: body.signature.certificateSerial,
          signedAt: '2026-03-06T04:00:00Z',
        },
      },
    });
  });

  test('a signature from outside the trust store is refused (422)', () => {
    const c = voted();
    privatization
      .given(c.history)
      .when(
        { type: 'AdoptPrivatizationDecision', data: signedDecision(c.caseId, 'HC-1', '2026-03-06T04:00:00Z', 'rogue') },
        tenAm('2026-03-06'),
      )
      .thenFails(RuleViolation, { rule: 'Rules §9.1', code: 'invalid-signature' });
  });

  test('a signature over another decision number does not sign this decision', () => {
    const c = voted();
    const body = { ...signedDecision(c.caseId, 'HC-1', '2026-03-06T04:00:00Z'), decisionNumber: 'HC-2' };
    privatization
      .given(c.history)
      .when({ type: 'AdoptPrivatizationDecision', data: body }, tenAm('2026-03-06'))
      .thenFails(RuleViolation, { code: 'invalid-signature' });
  });

  test('a signature dated after the decision time is invalid input', () => {
    const c = voted();
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-06T09:00:00Z'), tenAm('2026-03-06'))
      .thenFails(InvalidCommand, { code: 'signature-in-future' });
  });
});

describe('Annex 1 item 3.1 — the decision within 30 calendar days: a fact, not a gate', () => {
  test('a decision on 3 April (due 1 April) is recorded, late, with the breach', () => {
    const c = voted();
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-04-03T04:00:00Z'), tenAm('2026-04-03'))
      .thenContains([
        { type: 'PrivatizationDecisionAdopted', data: { adoptedOn: '2026-04-03' } },
        {
          type: 'DeadlineMissed',
          data: { deadlineId: 'decision', dueOn: DECISION_DUE, missedOn: '2026-04-02', detectedBy: 'late-step' },
        },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'decision', satisfiedOn: '2026-04-03', late: true } },
      ]);
  });

  test('when the watcher already recorded the breach, the late step records no second DeadlineMissed', () => {
    const c = voted();
    c.run(tenAm('2026-04-02'), { type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } });
    const events = privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-04-03T04:00:00Z'), tenAm('2026-04-03'))
      .events();
    expect(events.filter((e) => e.type === 'DeadlineMissed')).toEqual([]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'DeadlineSatisfied', data: expect.objectContaining({ late: true }) }),
    );
  });

  test('on the due date itself the decision is on time', () => {
    const c = voted();
    privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-04-01T04:00:00Z'), '2026-04-01T17:00:00Z')
      .thenContains([
        { type: 'DeadlineSatisfied', data: { deadlineId: 'decision', satisfiedOn: DECISION_DUE, late: false } },
      ]);
  });
});
