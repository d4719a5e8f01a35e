import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dayNumber, isoWeekday, isValidLocalDate, plusDays } from './dates';

describe('local-date arithmetic (integer days; agrees with luxon)', () => {
  const date = fc.integer({ min: 0, max: 100_000 }).map((n) => DateTime.utc(1990, 1, 1).plus({ days: n }));
  test('plusDays and isoWeekday agree with luxon for any date and offset', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), (dt, n) => {
        const iso = dt.toFormat('yyyy-MM-dd');
        return plusDays(iso, n) === dt.plus({ days: n }).toFormat('yyyy-MM-dd') && isoWeekday(iso) === dt.weekday;
      }),
    );
  });
  test('invalid dates are refused: 29 February only in leap years, no month 13', () => {
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2025-02-29')).toBe(false);
    expect(isValidLocalDate('2025-13-01')).toBe(false);
    expect(isValidLocalDate('2025-1-1')).toBe(false);
    expect(() => dayNumber('2025-04-31')).toThrow(RangeError);
  });
});
