import { createCalendar } from './calendar';
import { CONVENTIONS } from './conventions';

const cal = createCalendar();

describe('Deadline conventions (docs/HTTP-CONTRACT.md "Deadline conventions"; domain/calendar/conventions.ts)', () => {
  test('a term starts on the day after its trigger (Civil Code art. 176–178): 1 calendar day from Tue 2026-04-14 is Wed 15', () => {
    expect(cal.addCalendarDays('2026-04-14', 1).dueOn).toBe('2026-04-15');
    expect(CONVENTIONS.termStartsNextDay).toMatch(/day after/);
  });
  test('a calendar-day term ending on a non-working day ends on the next working day (Civil Code art. 178): 30 days from 2026-02-06 end on Sun 8 March; Mon 9 March is off too → Tue 10 March', () => {
    const due = cal.addCalendarDays('2026-02-06', 30);
    expect(due.dueOn).toBe('2026-03-10');
    expect(due.rule).toMatch(/next working day/);
  });
  test('a calendar-day term ending on a working day is not moved, and says nothing about rolling', () => {
    const due = cal.addCalendarDays('2026-04-06', 30);
    expect(due).toMatchObject({ dueOn: '2026-05-06', provisional: false });
    expect(due.rule).not.toMatch(/next working day/);
    // …whereas 30 days from 1 April end on Unity Day, Fri 1 May 2026, and roll to Mon 4 May
    expect(cal.addCalendarDays('2026-04-01', 30).dueOn).toBe('2026-05-04');
  });
  test('30 calendar days ending at Nauryz 2026 roll over all four days off (21–25 March) to Thursday 26 March', () => {
    expect(cal.addCalendarDays('2026-02-20', 30).dueOn).toBe('2026-03-26');
  });
  test('a working-day term counts working days only: 6 working days from Wed 2026-05-06 → Mon 2026-05-18 (7 and 11 May off)', () => {
    const due = cal.addWorkingDays('2026-05-06', 6);
    expect(due).toMatchObject({ dueOn: '2026-05-18', provisional: false });
    expect(due.rule).toMatch(/working days only/);
  });
  test('5 working days from Fri 2025-01-03 count Sunday 5 January 2025 (transfer act) as a working day → Fri 10 January', () => {
    // working days after 3 Jan: Sun 5 (transfer), Mon 6, Wed 8, Thu 9, Fri 10 (7 Jan off)
    expect(cal.addWorkingDays('2025-01-03', 5).dueOn).toBe('2025-01-10');
  });
  test('a working-day term triggered on a day off still starts the day after: 1 working day from Sat 2026-03-21 → Thu 26 March', () => {
    expect(cal.addWorkingDays('2026-03-21', 1).dueOn).toBe('2026-03-26');
  });
  test('0 days is the trigger day itself; negative or fractional counts are refused', () => {
    expect(cal.addWorkingDays('2026-05-06', 0).dueOn).toBe('2026-05-06');
    expect(() => cal.addWorkingDays('2026-05-06', -1)).toThrow(RangeError);
    expect(() => cal.addCalendarDays('2026-05-06', 1.5)).toThrow(RangeError);
  });
  test('malformed dates are refused', () => {
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('6 May 2026')).toThrow(RangeError);
  });
  test('working days between: (from, to], 0 when to <= from', () => {
    expect(cal.workingDaysBetween('2026-05-06', '2026-05-18')).toBe(6);
    expect(cal.workingDaysBetween('2026-05-18', '2026-05-06')).toBe(0);
    expect(cal.workingDaysBetween('2026-05-06', '2026-05-06')).toBe(0);
  });
  test('at least 3 working days before Fri 2026-05-29 (Rules §10 notice): Mon 25 May (27 May Kurban ait off)', () => {
    // working days in (25 May, 29 May]: 26, 28, 29 = 3
    expect(cal.subtractWorkingDays('2026-05-29', 3)).toBe('2026-05-25');
    expect(cal.workingDaysBetween('2026-05-25', '2026-05-29')).toBe(3);
  });
  test('"at least N working days before" never lands on a day off: 2 working days before Wed 2026-03-11 is Fri 6 March, not Mon 9 March (off)', () => {
    // working days in (9 March, 11 March] are 10 and 11, but 9 March is a day off (weekend rule for 8 March)
    const d = cal.subtractWorkingDays('2026-03-11', 2);
    expect(d).toBe('2026-03-06');
    expect(cal.isWorkingDay(d)).toBe(true);
    expect(cal.workingDaysBetween(d, '2026-03-11')).toBeGreaterThanOrEqual(2);
    expect(cal.workingDaysBetween(cal.nextWorkingDay(d), '2026-03-11')).toBeLessThan(2);
  });
  test('next working day and working day on or after', () => {
    expect(cal.nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    expect(cal.workingDayOnOrAfter('2026-03-20')).toBe('2026-03-20');
    expect(cal.workingDayOnOrAfter('2026-03-21')).toBe('2026-03-26');
  });
});
