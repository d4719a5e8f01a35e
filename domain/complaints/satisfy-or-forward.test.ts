/**
 * Rules §14: the provider forwards the complaint with the administrative case file within 3 working days of
 * receipt — unless within those 3 working days it fully satisfies it, and then it does not forward it.
 * Receipt and registration on Friday 20 March 2026: the §14 terms end on Monday 30 March (Nauryz 23–25 March),
 * the §13 review on 1 April.
 */
import { InvalidState } from '../shared/errors';
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import { at10, deadlineFacts, forwarded, lodged, registered } from './testing/fixtures';
import { complaints } from './testing/decider-spec';

const given = complaints.given(complaints.history([lodged('2026-03-20'), registered('2026-03-20')]));
const satisfy: ComplaintCommand = {
  type: 'SatisfyComplaint',
  data: { measure: { kind: 'decision', description: 'The commission decided to privatize', reference: 'R-17' } },
};

describe('Rules §14: full satisfaction within 3 working days instead of forwarding', () => {
  test('satisfied on 27 March (day 2 of 3): not forwarded — the forward term is cancelled, the review is met', () => {
    const events = given.when(satisfy, at10('2026-03-27')).events();
    expect(events[0]).toMatchObject({
      type: 'ComplaintSatisfied',
      data: { satisfiedOn: '2026-03-27', withinTerm: true, late: false, rule: 'Rules §14' },
    });
    expect(deadlineFacts(events)).toEqual([
      'DeadlineSatisfied:satisfy',
      'DeadlineCancelled:forward',
      'DeadlineSatisfied:review',
    ]);
    expect(events.find((e) => e.type === 'DeadlineCancelled')).toMatchObject({
      data: { reason: expect.stringContaining('not forwarded (Rules §14)') },
    });
  });

  test('satisfied on the last day, 30 March, still counts as within the term', () => {
    expect(given.when(satisfy, at10('2026-03-30')).events()[0]).toMatchObject({ data: { withinTerm: true } });
  });

  test('satisfied on 31 March, after the 3 working days: the duty to forward was breached and is recorded', () => {
    const events = given.when(satisfy, at10('2026-03-31')).events();
    expect(events[0]).toMatchObject({ data: { withinTerm: false, late: true } });
    expect(deadlineFacts(events)).toEqual([
      'DeadlineCancelled:satisfy',
      'DeadlineMissed:forward',
      'DeadlineSatisfied:review',
    ]);
    expect(events.find((e) => e.type === 'DeadlineMissed')).toMatchObject({
      data: {
        dueOn: '2026-03-30',
        missedOn: '2026-03-31',
        detectedBy: 'late-step',
        rule: expect.stringMatching(/^Rules §14/),
      },
    });
  });

  test('a satisfied complaint is closed: it cannot be forwarded afterwards', () => {
    given
      .when(satisfy, at10('2026-03-27'))
      .and()
      .when(forwarded('2026-03-27').command, at10('2026-03-27'))
      .thenFails(InvalidState);
  });
});

describe('Rules §14: forwarding with the administrative case file', () => {
  test('forwarded on 26 March, the first working day after Nauryz: on time; the satisfy window is cancelled', () => {
    const events = given.when(forwarded('2026-03-26').command, at10('2026-03-26')).events();
    expect(events[0]).toMatchObject({
      type: 'ComplaintForwarded',
      data: { forwardedOn: '2026-03-26', late: false, caseFileReference: 'file-1', rule: 'Rules §14' },
    });
    expect(deadlineFacts(events)).toEqual(['DeadlineSatisfied:forward', 'DeadlineCancelled:satisfy']);
  });

  test('forwarded on 31 March, one working day late: recorded with its breach', () => {
    const events = given.when(forwarded('2026-03-31').command, at10('2026-03-31')).events();
    expect(events[0]).toMatchObject({ data: { late: true } });
    expect(deadlineFacts(events)).toEqual([
      'DeadlineMissed:forward',
      'DeadlineSatisfied:forward',
      'DeadlineCancelled:satisfy',
    ]);
  });

  test('a forwarded complaint is at the complaint-review body: the provider can no longer satisfy it', () => {
    given
      .when(forwarded('2026-03-26').command, at10('2026-03-26'))
      .and()
      .when(satisfy, at10('2026-03-27'))
      .thenFails(InvalidState, { code: 'already-forwarded' });
  });
});
