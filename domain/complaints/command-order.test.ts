/** Out-of-order commands are refused with the stage they need (409), and change nothing. */
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import { InvalidCommand, InvalidState } from '../shared/errors';
import { at10, deadlineFacts, forwarded, history, lodgeData, lodged, registered, when } from './spec-support';

const decide: ComplaintCommand = { type: 'DecideComplaint', data: { outcome: 'rejected', reasons: 'Unfounded.' } };
const withdraw: ComplaintCommand = { type: 'WithdrawComplaint', data: { reason: 'Resolved informally' } };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidState);
    return (e as InvalidState).code;
  }
  throw new Error('expected InvalidState');
};

describe('command order (Rules §13–§14)', () => {
  test('nothing before the complaint is lodged', () => {
    expect(code(() => when([], registered('2026-03-20').command, at10('2026-03-20')))).toBe('complaint-not-found');
    expect(code(() => when([], decide, at10('2026-03-20')))).toBe('complaint-not-found');
  });

  test('the same complaint cannot be lodged twice', () => {
    expect(code(() => when(history([lodged('2026-03-20')]), lodged('2026-03-20').command, at10('2026-03-20')))).toBe(
      'complaint-exists',
    );
  });

  test('a complaint is registered before it is forwarded, satisfied or decided', () => {
    const given = history([lodged('2026-03-20')]);
    expect(code(() => when(given, forwarded('2026-03-20').command, at10('2026-03-20')))).toBe('wrong-stage');
    expect(code(() => when(given, decide, at10('2026-03-20')))).toBe('wrong-stage');
  });

  test('a complaint to the provider is decided by the review body only after it is forwarded (§14)', () => {
    const given = history([lodged('2026-03-20'), registered('2026-03-20')]);
    expect(code(() => when(given, decide, at10('2026-03-26')))).toBe('wrong-stage');
  });

  test('a complaint to the quality authority is neither forwarded nor satisfied by the provider', () => {
    const given = history([lodged('2026-03-20', 'quality-authority'), registered('2026-03-20')]);
    expect(code(() => when(given, forwarded('2026-03-26').command, at10('2026-03-26')))).toBe('not-at-provider');
  });

  test('a decided complaint is closed: no withdrawal, no second decision', () => {
    const given = history([
      lodged('2026-03-20'),
      registered('2026-03-20'),
      forwarded('2026-03-26'),
      { command: decide, at: at10('2026-03-27') },
    ]);
    expect(code(() => when(given, withdraw, at10('2026-03-30')))).toBe('complaint-closed');
    expect(code(() => when(given, decide, at10('2026-03-30')))).toBe('complaint-closed');
  });

  test('withdrawal before the decision cancels every open term', () => {
    const given = history([lodged('2026-03-20'), registered('2026-03-20'), forwarded('2026-03-26')]);
    const events = when(given, withdraw, at10('2026-03-27'));
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
    expect(() => when([], { type: 'LodgeComplaint', data }, at10('2026-03-20'))).toThrow(InvalidCommand);
  });
});
