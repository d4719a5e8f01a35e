import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarDataError } from '../../../domain/calendar/validate';
import { calendarOf, loadCalendarFile } from './calendar-file';

const dir = mkdtempSync(join(tmpdir(), 'kezen-calendar-'));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const YEAR_2027 = {
  years: [
    {
      year: 2027,
      complete: true,
      source: 'operator: Government transfer act for 2027 (test data)',
      kurbanAit: { date: '2027-05-17', source: 'Kurban ait 2027 as set by the Spiritual Administration (test data)' },
      days: [
        {
          date: '2027-01-08',
          working: false,
          reason: 'Transfer (test data)',
          source: 'Labour Code art. 85 para 3 (test)',
        },
      ],
    },
  ],
};

describe('operator calendar file KEZEN_CALENDAR_FILE', () => {
  test('a file loaded from the env adds a year: 2027 becomes final with its Kurban ait and transfer', () => {
    const cal = calendarOf(file('2027.json', YEAR_2027));
    expect(cal.isProvisional('2027-05-17')).toBe(false);
    expect(cal.dayInfo('2027-05-17')).toMatchObject({ working: false, source: expect.stringMatching(/Spiritual/) });
    expect(cal.isWorkingDay('2027-01-08')).toBe(false);
    expect(cal.addWorkingDays('2027-05-14', 1)).toMatchObject({ dueOn: '2027-05-18', provisional: false });
  });
  test('without the env the shipped calendar is used (2027 provisional)', () => {
    expect(calendarOf(undefined).isProvisional('2027-05-17')).toBe(true);
  });
  test('a bad entry is refused on load with an error naming it', () => {
    const bad = {
      years: [{ ...YEAR_2027.years[0], days: [{ date: '2027-01-08', working: 'no', reason: 'x', source: 'y' }] }],
    };
    const p = file('bad.json', bad);
    expect(() => loadCalendarFile(p)).toThrow(CalendarDataError);
    expect(() => loadCalendarFile(p)).toThrow(`years[0] (2027).days[0] (2027-01-08).working: must be true or false`);
    expect(() => loadCalendarFile(p)).toThrow(p);
  });
  test('a file that is not JSON, or missing, is refused with its path', () => {
    expect(() => loadCalendarFile(file('broken.json', '{ years: '))).toThrow(/broken\.json: not valid JSON/);
    expect(() => loadCalendarFile(join(dir, 'absent.json'))).toThrow(/absent\.json: cannot be read/);
  });
});
