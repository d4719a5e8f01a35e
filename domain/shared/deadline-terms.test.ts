import { createCalendar } from '../calendar/calendar';
import { defaultRegulations } from '../regulation/registry';
import { setDeadline } from './deadline-terms';

const calendar = createCalendar();
const registry = defaultRegulations();
const regulation = registry.byId('order-115-2025');

describe('setDeadline: a term of the regulation → a Deadline with its rule and version (docs/HTTP-CONTRACT.md "Deadline conventions")', () => {
  test('Annex 1 item 3.1: decision within 30 calendar days of submission on Wed 2026-02-18 → Fri 20 March 2026', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'privatization.decision',
      deadlineId: 'decision',
      triggeredOn: '2026-02-18',
    });
    expect(d).toEqual({
      deadlineId: 'decision',
      termId: 'privatization.decision',
      rule: expect.stringMatching(/^Annex 1 item 3\.1: 30 calendar days from the day after the trigger/),
      description: expect.stringMatching(/30 calendar days/),
      unit: 'calendar-days',
      days: 30,
      triggeredOn: '2026-02-18',
      dueOn: '2026-03-20',
      provisional: false,
      regulationVersion: 'order-115-2025',
    });
  });
  test('Annex 1 item 3.1: 30 calendar days from Fri 2026-02-20 end on Nauryz (Sun 22 March) → Thu 26 March (Civil Code art. 178)', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'privatization.decision',
      deadlineId: 'decision',
      triggeredOn: '2026-02-20',
    });
    expect(d.dueOn).toBe('2026-03-26');
    expect(d.rule).toMatch(/next working day/);
  });
  test('HA Rules §13: 6 working days from acceptance on Wed 2026-05-06 → Mon 18 May 2026', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'housingAssistance.decision',
      deadlineId: 'decision',
      triggeredOn: '2026-05-06',
    });
    expect(d).toMatchObject({
      unit: 'working-days',
      days: 6,
      dueOn: '2026-05-18',
      rule: expect.stringMatching(/^HA Rules §13/),
    });
  });
  test('Annex 1 item 3: contract within 5 working days of the decision on Fri 2026-03-20 → Wed 1 April (23–25 March off)', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'privatization.contract',
      deadlineId: 'contract',
      triggeredOn: '2026-03-20',
    });
    expect(d.dueOn).toBe('2026-04-01');
  });
  test('Rules §10: the hearing notice is due at least 3 working days before a decision deadline of Fri 2026-05-29 → Mon 25 May', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'privatization.hearing.noticeBeforeDeadline',
      deadlineId: 'hearing-notice',
      triggeredOn: '2026-05-29',
    });
    expect(d).toMatchObject({
      dueOn: '2026-05-25',
      rule: expect.stringMatching(/^Rules §10: latest working day at least 3 working days before/),
    });
  });
  test('Rules §10: the hearing no later than 2 working days after a notice on Fri 2026-05-22 → Tue 26 May', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'privatization.hearing.afterNotice',
      deadlineId: 'hearing',
      triggeredOn: '2026-05-22',
    });
    expect(d.dueOn).toBe('2026-05-26');
  });
  test('Rules §13–14: complaint to the provider 5 working days, quality authority 15, forwarding 3', () => {
    const due = (termId: 'complaints.provider' | 'complaints.qualityAuthority' | 'complaints.forward') =>
      setDeadline({ calendar, regulation, termId, deadlineId: termId, triggeredOn: '2026-12-14' }).dueOn;
    expect(due('complaints.forward')).toBe('2026-12-18'); // 16 Dec off
    expect(due('complaints.provider')).toBe('2026-12-22');
    expect(due('complaints.qualityAuthority').startsWith('2027-01')).toBe(true);
  });
  test('a due date in a provisional year is flagged ("any deadline computed on a provisional year says so")', () => {
    const d = setDeadline({
      calendar,
      regulation,
      termId: 'complaints.qualityAuthority',
      deadlineId: 'review',
      triggeredOn: '2026-12-14',
    });
    expect(d.provisional).toBe(true);
  });
  test('given a registry, the version in force on the trigger date is used', () => {
    const d = setDeadline({
      calendar,
      regulation: registry,
      termId: 'privatization.payment',
      deadlineId: 'payment',
      triggeredOn: '2025-06-02',
    });
    expect(d).toMatchObject({
      regulationVersion: 'order-115-2025',
      dueOn: '2025-07-02',
      rule: expect.stringMatching(/^Annex 1 item 6/),
    });
  });
});
