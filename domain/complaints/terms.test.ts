/**
 * Rules §13–§14 terms on the calendar (docs/CALENDAR.md): every complaint term runs from the day after its trigger
 * and counts working days only. Expected dates are counted by hand from the 2025/2026 lists of days off.
 */
import type { ComplaintDomainEvent } from './events';
import type { Deadline } from '../shared/deadlines';
import { at10, deadlineFacts, lodged, registered } from './testing/fixtures';
import { complaints } from './testing/decider-spec';

const setDeadlines = (events: readonly ComplaintDomainEvent[]) => {
  const byId = new Map(
    events.flatMap((e) => (e.type === 'DeadlineSet' ? [[e.data.deadline.deadlineId, e.data.deadline] as const] : [])),
  );
  const get = (id: string): Deadline => {
    const d = byId.get(id);
    if (!d) throw new Error(`no DeadlineSet ${id}`);
    return d;
  };
  return {
    get forward() {
      return get('forward');
    },
    get satisfy() {
      return get('satisfy');
    },
    get review() {
      return get('review');
    },
  };
};

describe('Rules §14: forward (3 working days of receipt) and the satisfy window', () => {
  test('lodged with the provider on Friday 20 March 2026, before Nauryz (23–25 March off): due Monday 30 March', () => {
    const events = complaints.history([lodged('2026-03-20')]);
    expect(events[0]).toMatchObject({
      type: 'ComplaintLodged',
      data: { receivedOn: '2026-03-20', regulationVersion: 'order-115-2025', rule: 'Rules §13; Rules §14' },
    });
    const d = setDeadlines(events);
    // 21–22 weekend, 23–25 Nauryz; 26 (1), 27 (2), 30 (3)
    expect(d.forward).toMatchObject({ termId: 'complaints.forward', triggeredOn: '2026-03-20', dueOn: '2026-03-30' });
    expect(d.forward.rule).toMatch(/^Rules §14: 3 working days/);
    expect(d.satisfy).toMatchObject({
      termId: 'complaints.satisfy',
      dueOn: '2026-03-30',
      unit: 'working-days',
      days: 3,
    });
  });

  test('lodged on Tuesday 30 December 2025, before New Year (1–2 January off, 7 January off): due 6 January 2026', () => {
    const d = setDeadlines(complaints.history([lodged('2025-12-30')]));
    // 31 Dec (1); 1–2 Jan holidays, 3–4 weekend; 5 Jan (2), 6 Jan (3)
    expect(d.forward.dueOn).toBe('2026-01-06');
  });

  test('a complaint to the quality authority has no §14 forwarding terms', () => {
    const events = complaints.history([lodged('2026-03-20', 'quality-authority')]);
    expect(deadlineFacts(events)).toEqual([]);
    expect(events[0]).toMatchObject({ data: { rule: 'Rules §13' } });
  });
});

describe('Rules §13: review within 5 working days of registration at the provider, 15 at the quality authority', () => {
  test('registered at the provider on 20 March 2026 (before Nauryz): due 1 April', () => {
    const events = complaints.history([lodged('2026-03-20'), registered('2026-03-20')]);
    const last = events.slice(-2);
    expect(last[0]).toMatchObject({
      type: 'ComplaintRegistered',
      data: { registeredOn: '2026-03-20', registeredBy: 'provider' },
    });
    // 26 (1), 27 (2), 30 (3), 31 (4), 1 April (5)
    expect(setDeadlines(last).review).toMatchObject({
      termId: 'complaints.provider',
      dueOn: '2026-04-01',
      days: 5,
      rule: expect.stringMatching(/^Rules §13/),
    });
  });

  test('registered at the quality authority on 20 March 2026: 15 working days, due 15 April', () => {
    const events = complaints.history([lodged('2026-03-20', 'quality-authority'), registered('2026-03-20')]);
    const d = setDeadlines(events);
    expect(d.review).toMatchObject({ termId: 'complaints.qualityAuthority', dueOn: '2026-04-15', days: 15 });
    expect(events[1]).toMatchObject({ data: { registeredBy: 'quality-authority' } });
  });

  test('registered on 30 December 2025 (before New Year, Orthodox Christmas on 7 January): provider due 9 January, quality authority due 23 January', () => {
    expect(setDeadlines(complaints.history([lodged('2025-12-30'), registered('2025-12-30')])).review.dueOn).toBe(
      '2026-01-09',
    );
    expect(
      setDeadlines(complaints.history([lodged('2025-12-30', 'quality-authority'), registered('2025-12-30')])).review
        .dueOn,
    ).toBe('2026-01-23');
  });

  test('handled on Saturday 21 March 2026 (weekend before Nauryz): registered on the next working day, 26 March; due 2 April', () => {
    const given = complaints.history([lodged('2026-03-21')]);
    const events = complaints.given(given).when(registered('2026-03-21').command, at10('2026-03-21')).events();
    expect(events[0]).toMatchObject({ data: { registeredOn: '2026-03-26' } });
    expect(setDeadlines(events).review.dueOn).toBe('2026-04-02');
    // the §14 term still runs from receipt on the Saturday: 26 (1), 27 (2), 30 (3)
    expect(setDeadlines(given).forward.dueOn).toBe('2026-03-30');
  });

  test('a complaint received at 23:30 local time is received on that local date, not the UTC one', () => {
    // 2026-03-19T18:30Z is 23:30 on 19 March in Asia/Almaty (UTC+5)
    const events = complaints.given().when(lodged('2026-03-19').command, '2026-03-19T18:30:00Z').events();
    expect(events[0]).toMatchObject({ data: { receivedOn: '2026-03-19' } });
    const { state } = complaints.given(events);
    // 20 (1), 26 (2), 27 (3)
    expect(state.deadlines.forward?.deadline.dueOn).toBe('2026-03-27');
  });
});
