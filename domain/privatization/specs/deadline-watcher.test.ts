/**
 * RecordDeadlineMissed — the deadline watcher's command: DeadlineMissed{detectedBy:'watcher'} exactly once.
 * "Deadlines are facts, not gates" (docs/HTTP-CONTRACT.md "Deadline conventions").
 */
import { InvalidCommand, InvalidState } from '../../shared/errors';
import type { PrivatizationCommand } from '../types';
import { DECISION_DUE, adoptDecision, registered, tenAm, voted } from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const missed = (deadlineId = 'decision'): PrivatizationCommand => ({
  type: 'RecordDeadlineMissed',
  data: { deadlineId },
});

describe('RecordDeadlineMissed', () => {
  test('on the day after the due date the breach is recorded, with the rule', () => {
    privatization
      .given(registered().history)
      .when(missed(), tenAm('2026-04-02'))
      .then([
        {
          type: 'DeadlineMissed',
          data: {
            deadlineId: 'decision',
            dueOn: DECISION_DUE,
            missedOn: '2026-04-02',
            rule: expect.stringContaining('Annex 1 item 3.1'),
            detectedBy: 'watcher',
          },
        },
      ]);
  });

  test('not before: on the due date (until midnight Almaty) the deadline is not missed', () => {
    privatization
      .given(registered().history)
      .when(missed(), '2026-04-01T18:59:00Z')
      .thenFails(InvalidCommand, { code: 'not-overdue' });
  });

  test('idempotent: a second report appends nothing', () => {
    const c = registered();
    c.run(tenAm('2026-04-02'), missed());
    privatization.given(c.history).when(missed(), tenAm('2026-04-03')).thenNothing();
  });

  test('a deadline already satisfied, or cancelled by withdrawal, appends nothing', () => {
    const c = voted();
    c.run(tenAm('2026-03-06'), adoptDecision(c.caseId, '2026-03-06T04:00:00Z'));
    privatization.given(c.history).when(missed(), tenAm('2026-04-05')).thenNothing();
    const w = registered();
    w.run(tenAm('2026-03-03'), { type: 'WithdrawApplication', data: {} });
    privatization.given(w.history).when(missed(), tenAm('2026-04-05')).thenNothing();
  });

  test('on a case that does not exist it is out of order (409)', () => {
    privatization.given([]).when(missed(), tenAm('2026-04-05')).thenFails(InvalidState, { code: 'out-of-order' });
  });

  test('an unknown deadline is invalid', () => {
    privatization
      .given(registered().history)
      .when(missed('nope'), tenAm('2026-04-05'))
      .thenFails(InvalidCommand, { code: 'unknown-deadline' });
  });
});
