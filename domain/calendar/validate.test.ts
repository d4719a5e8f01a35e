import { createCalendar } from './calendar';
import type { CalendarData } from './data/format';
import { CalendarDataError, validateCalendarData } from './validate';

const ok = (days: unknown[] = []): CalendarData =>
  ({
    years: [
      {
        year: 2026,
        complete: true,
        source: 'operator act (test)',
        kurbanAit: { date: '2026-05-27', source: 'x' },
        days,
      },
    ],
  }) as CalendarData;

function errorOf(value: unknown): CalendarDataError {
  try {
    validateCalendarData(value, 'test');
  } catch (e) {
    return e as CalendarDataError;
  }
  throw new Error('expected a CalendarDataError');
}

describe('extra calendar data: overriding days with sources (docs/CALENDAR.md "Operator data")', () => {
  test('an operator entry overrides a shipped day: a Government act making Fri 2026-12-18 a day off', () => {
    const cal = createCalendar(
      ok([
        {
          date: '2026-12-18',
          working: false,
          reason: 'Transfer (test act)',
          source: 'Labour Code art. 85 para 3 (test)',
        },
      ]),
    );
    expect(cal.dayInfo('2026-12-18')).toMatchObject({ working: false, reason: 'Transfer (test act)' });
    expect(cal.workingDaysInYear(2026)).toBe(246);
    // shipped data of the year are kept
    expect(cal.isWorkingDay('2026-05-27')).toBe(false);
  });
  test('an operator may make a statutory holiday working (e.g. a law change): 2026-12-16 working', () => {
    const cal = createCalendar(
      ok([{ date: '2026-12-16', working: true, reason: 'Law change (test)', source: 'test' }]),
    );
    expect(cal.isWorkingDay('2026-12-16')).toBe(true);
  });
});

describe('validation names the bad entry', () => {
  test.each([
    [{ years: 'x' }, 'years'],
    [{ years: [{ year: 'twenty', complete: true, source: 's', days: [] }] }, 'years[0].year'],
    [{ years: [{ year: 2027, complete: 'yes', source: 's', days: [] }] }, 'years[0] (2027).complete'],
    [{ years: [{ year: 2027, complete: true, source: 's', days: [] }] }, 'years[0] (2027).kurbanAit'],
    [{ years: [{ year: 2027, complete: false, source: '', days: [] }] }, 'years[0] (2027).source'],
    [ok([{ date: '2026-02-30', working: false, reason: 'r', source: 's' }]), 'years[0] (2026).days[0].date'],
    [
      ok([{ date: '2027-01-05', working: false, reason: 'r', source: 's' }]),
      'years[0] (2026).days[0] (2027-01-05).date',
    ],
    [ok([{ date: '2026-01-05', working: false, reason: 'r' }]), 'years[0] (2026).days[0] (2026-01-05).source'],
    [
      ok([
        { date: '2026-01-05', working: false, reason: 'r', source: 's' },
        { date: '2026-01-05', working: true, reason: 'r', source: 's' },
      ]),
      'years[0] (2026).days[1] (2026-01-05)',
    ],
  ])('%j → error at %s', (value, entry) => {
    const e = errorOf(value);
    expect(e).toBeInstanceOf(CalendarDataError);
    expect(e.entry).toBe(entry);
    expect(e.message).toContain(`Calendar data test: ${entry}`);
  });
  test('createCalendar validates what it is given', () => {
    expect(() => createCalendar({ years: [{ year: 2026 }] } as never)).toThrow(CalendarDataError);
  });
});

describe('the example operator file (data/operator-calendar.example.json)', () => {
  test('is valid and keeps 2027 provisional (complete: false)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example: unknown = require('./data/operator-calendar.example.json');
    const cal = createCalendar(validateCalendarData(example, 'example'));
    expect(cal.isWorkingDay('2027-01-08')).toBe(false);
    expect(cal.isProvisional('2027-01-08')).toBe(true);
  });
});
