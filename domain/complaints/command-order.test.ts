/** Out-of-order commands are refused with the stage they need (409), and change nothing. */
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import { InvalidCommand, InvalidState } from '../shared/errors';
import { at10, deadlineFacts, forwarded, lodgeData, lodged, registered } from './testing/fixtures';
import { complaints } from './testing/decider-spec';

const decide: ComplaintCommand = { type: 'DecideComplaint', data: { outcome: 'rejected', reasons: 'Unfounded.' } };
const withdraw: ComplaintCommand = { type: 'WithdrawComplaint', data: { reason: 'Resolved informally' } };

describe('command order (Rules §13–§14)', () => {
  test('nothing before the complaint is lodged', () => {
    complaints
      .given()
      .when(registered('2026-03-20').command, at10('2026-03-20'))
      .thenFails(InvalidState, { code: 'complaint-not-found' });
    complaints.given().when(decide, at10('2026-03-20')).thenFails(InvalidState, { code: 'complaint-not-found' });
  });

  test('the same complaint cannot be lodged twice', () => {
    complaints
      .given(complaints.history([lodged('2026-03-20')]))
      .when(lodged('2026-03-20').command, at10('2026-03-20'))
      .thenFails(InvalidState, { code: 'complaint-exists' });
  });

  test('a complaint is registered before it is forwarded, satisfied or decided', () => {
    const given = complaints.given(complaints.history([lodged('2026-03-20')]));
    given.when(forwarded('2026-03-20').command, at10('2026-03-20')).thenFails(InvalidState, { code: 'wrong-stage' });
    given.when(decide, at10('2026-03-20')).thenFails(InvalidState, { code: 'wrong-stage' });
  });

  test('a complaint to the provider is decided by the review body only after it is forwarded (§14)', () => {
    complaints
      .given(complaints.history([lodged('2026-03-20'), registered('2026-03-20')]))
      .when(decide, at10('2026-03-26'))
      .thenFails(InvalidState, { code: 'wrong-stage' });
  });

  test('a complaint to the quality authority is neither forwarded nor satisfied by the provider', () => {
    complaints
      .given(complaints.history([lodged('2026-03-20', 'quality-authority'), registered('2026-03-20')]))
      .when(forwarded('2026-03-26').command, at10('2026-03-26'))
      .thenFails(InvalidState, { code: 'not-at-provider' });
  });

  test('a decided complaint is closed: no withdrawal, no second decision', () => {
    const given = complaints.given(
      complaints.history([
        lodged('2026-03-20'),
        registered('2026-03-20'),
        forwarded('2026-03-26'),
        { command: decide, at: at10('2026-03-27') },
      ]),
    );
    given.when(withdraw, at10('2026-03-30')).thenFails(InvalidState, { code: 'complaint-closed' });
    given.when(decide, at10('2026-03-30')).thenFails(InvalidState, { code: 'complaint-closed' });
  });

  test('withdrawal before the decision cancels every open term', () => {
    const events = complaints
      .given(complaints.history([lodged('2026-03-20'), registered('2026-03-20'), forwarded('2026-03-26')]))
      .when(withdraw, at10('2026-03-27'))
      .events();
    expect(events[0]).toMatchObject({ type: 'ComplaintWithdrawn', data: { withdrawnOn: '2026-03-27' } });
    expect(deadlineFacts(events)).toEqual(['DeadlineCancelled:review']);
  });

  test('a representative needs a notarised power of attorney', () => {
    const data = {
      ...lodgeData(),
      complainant: {
        kind: 'representative' as const,
        iin: '900101300018',
        fullName: 'Representative',
        applicantIin: '900101300018',
        powerOfAttorney: { number: 'D-1', issuedOn: '2026-01-10', notarised: false, notary: 'Notary' },
      },
    };
    complaints.given().when({ type: 'LodgeComplaint', data }, at10('2026-03-20')).thenFails(InvalidCommand);
  });
});
