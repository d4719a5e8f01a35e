import fc from 'fast-check';
import { createCalendar } from './calendar';
import { plusDays } from './dates';

const cal = createCalendar();
// Dates across the shipped years and into the provisional 2027 (2024-01-01 + 0..1460 days).
const date = fc.integer({ min: 0, max: 1460 }).map((n) => plusDays('2024-01-01', n));
const n = fc.integer({ min: 1, max: 60 });

describe('properties of the working-day arithmetic (docs/CALENDAR.md; docs/HTTP-CONTRACT.md "Deadline conventions")', () => {
  test('adding N ≥ 1 working days lands on a working day', () => {
    fc.assert(fc.property(date, n, (d, k) => cal.isWorkingDay(cal.addWorkingDays(d, k).dueOn)));
  });
  test('adding working days is strictly monotone in N', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return cal.addWorkingDays(d, lo).dueOn < cal.addWorkingDays(d, hi).dueOn;
      }),
    );
  });
  test('working days between inverts adding working days', () => {
    fc.assert(fc.property(date, n, (d, k) => cal.workingDaysBetween(d, cal.addWorkingDays(d, k).dueOn) === k));
  });
  test('the due date of N working days is the first day with N working days in (from, day]', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const due = cal.addWorkingDays(d, k).dueOn;
        return cal.workingDaysBetween(d, plusDays(due, -1)) === k - 1;
      }),
    );
  });
  test('calendar-day roll-forward: the due date is a working day, on or after from + N, with no working day in between', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (d, k) => {
        const last = plusDays(d, k);
        const due = cal.addCalendarDays(d, k).dueOn;
        return (
          cal.isWorkingDay(due) && due >= last && cal.workingDaysBetween(plusDays(last, -1), plusDays(due, -1)) === 0
        );
      }),
    );
  });
  test('subtracting N working days gives the latest working day with at least N working days up to the date', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 10 }), (d, k) => {
        const x = cal.subtractWorkingDays(d, k);
        return (
          cal.isWorkingDay(x) &&
          cal.workingDaysBetween(x, d) >= k &&
          cal.workingDaysBetween(cal.nextWorkingDay(x), d) < k
        );
      }),
    );
  });
});
