import { createCalendar } from './calendar';
import { providerHours } from './registration';

const cal = createCalendar();
// Asia/Almaty is UTC+5 since 1 March 2024, so local 17:59 on 12 May 2026 is 12:59Z.
const at = (local: string, offset = '+05:00') => new Date(`${local}${offset}`).toISOString();

describe('registration date (Rules §5; Annex 1 item 7)', () => {
  describe('State Corporation: Monday–Friday 9:00–18:00 (Annex 1 item 7(2))', () => {
    test('arrival within hours on a working day registers that day', () => {
      expect(cal.registrationDate(at('2026-05-12T17:59'), 'state-corporation')).toBe('2026-05-12');
    });
    test('arrival after 18:00 registers on the next working day (Rules §5 "after working hours")', () => {
      expect(cal.registrationDate(at('2026-05-12T18:00'), 'state-corporation')).toBe('2026-05-13');
    });
    test('arrival on Friday evening registers on Monday', () => {
      expect(cal.registrationDate(at('2026-05-15T19:00'), 'state-corporation')).toBe('2026-05-18');
    });
    test('arrival on a holiday (Nauryz, Mon 23 March 2026) registers on the next working day, Thu 26 March', () => {
      expect(cal.registrationDate(at('2026-03-23T10:00'), 'state-corporation')).toBe('2026-03-26');
    });
    test('arrival before opening registers that same day: working hours have not ended (Rules §5 "after working hours have ended")', () => {
      expect(cal.registrationDate(at('2026-05-12T08:00'), 'state-corporation')).toBe('2026-05-12');
    });
  });

  describe('duty departments: Monday–Friday 9:00–20:00, Saturday 9:00–13:00 (Annex 1 item 7(2))', () => {
    test('19:30 on a weekday is within the duty department’s hours: that day (the ordinary office would give the next day)', () => {
      expect(cal.registrationDate(at('2026-05-12T19:30'), 'state-corporation-duty')).toBe('2026-05-12');
      expect(cal.registrationDate(at('2026-05-12T19:30'), 'state-corporation')).toBe('2026-05-13');
    });
    test('a Saturday intake is accepted but registers on the next working day: a Saturday is not a working day (Rules §5)', () => {
      expect(cal.registrationDate(at('2026-05-16T10:00'), 'state-corporation-duty')).toBe('2026-05-18');
    });
    test('on a Saturday made a working day by a transfer act (4 May 2024) a duty-department intake registers that day', () => {
      expect(cal.registrationDate(at('2024-05-04T10:00'), 'state-corporation-duty')).toBe('2024-05-04');
      // the ordinary office works that Saturday with its weekday hours (Labour Code art. 85 para 3)
      expect(cal.registrationDate(at('2024-05-04T17:00'), 'state-corporation')).toBe('2024-05-04');
    });
  });

  describe('portal: around the clock, registered on working days (Annex 1 item 7(3); Rules §5)', () => {
    test('23:59 local on a working day registers that day', () => {
      expect(cal.registrationDate(at('2026-05-12T23:59'), 'portal')).toBe('2026-05-12');
    });
    test('the local date counts, not the UTC date: 20:30Z on 12 May is 01:30 on 13 May in Almaty', () => {
      expect(cal.registrationDate('2026-05-12T20:30:00Z', 'portal')).toBe('2026-05-13');
    });
    test('a Saturday application (Nauryz, 21 March 2026) registers on the next working day, Thu 26 March', () => {
      expect(cal.registrationDate(at('2026-03-21T12:00'), 'portal')).toBe('2026-03-26');
    });
    test('a holiday application (Unity Day, Fri 1 May 2026) registers on Monday 4 May', () => {
      expect(cal.registrationDate(at('2026-05-01T09:00'), 'portal')).toBe('2026-05-04');
    });
  });

  describe('provider: Monday–Friday by its schedule with a lunch break (Annex 1 item 7(1))', () => {
    test('default schedule 9:00–18:30: 18:29 that day, 18:30 the next working day', () => {
      expect(cal.registrationDate(at('2026-05-12T18:29'), 'provider')).toBe('2026-05-12');
      expect(cal.registrationDate(at('2026-05-12T18:30'), 'provider')).toBe('2026-05-13');
    });
    test('arrival in the lunch break (13:00–14:30) registers that day: working hours have not ended (Rules §5)', () => {
      expect(cal.registrationDate(at('2026-05-12T13:45'), 'provider')).toBe('2026-05-12');
    });
    test('a provider’s own schedule (8:30–17:00) is configurable: 17:30 registers next working day', () => {
      const hours = providerHours('08:30', '17:00', { from: '12:30', to: '13:30' });
      expect(cal.registrationDate(at('2026-05-12T17:30'), 'provider', hours)).toBe('2026-05-13');
      expect(cal.registrationDate(at('2026-05-12T16:59'), 'provider', hours)).toBe('2026-05-12');
    });
  });

  describe('time zone (docs/CALENDAR.md "Time zone")', () => {
    test('before 1 March 2024 Almaty was UTC+6: 18:30Z on 28 Feb 2024 is already 29 Feb locally', () => {
      expect(cal.localDate('2024-02-28T18:30:00Z')).toBe('2024-02-29');
    });
    test('since 1 March 2024 Almaty is UTC+5: 18:30Z on 28 Feb 2025 is still 23:30 on 28 Feb', () => {
      expect(cal.localDate('2025-02-28T18:30:00Z')).toBe('2025-02-28');
    });
    test('instants with an explicit offset are honoured', () => {
      expect(cal.localDate('2026-05-12T23:30:00+05:00')).toBe('2026-05-12');
      expect(() => cal.localDate('yesterday')).toThrow(RangeError);
    });
  });
});
