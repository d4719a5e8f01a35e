import { createCalendar } from './calendar';
import { eachDay, isWeekend } from './dates';

const cal = createCalendar();

function nonWorkingWeekdays(year: number): string[] {
  return [...eachDay(`${year}-01-01`, `${year}-12-31`)].filter((d) => !isWeekend(d) && !cal.isWorkingDay(d));
}
function workingWeekendDays(year: number): string[] {
  return [...eachDay(`${year}-01-01`, `${year}-12-31`)].filter((d) => isWeekend(d) && cal.isWorkingDay(d));
}

describe('2025 (docs/CALENDAR.md "The resulting years")', () => {
  test('the complete list of non-working weekdays of 2025', () => {
    expect(nonWorkingWeekdays(2025)).toEqual([
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-07',
      '2025-03-10', '2025-03-21', '2025-03-24', '2025-03-25',
      '2025-05-01', '2025-05-07', '2025-05-09', '2025-06-06',
      '2025-07-07', '2025-09-01', '2025-10-27', '2025-12-16',
    ]); // prettier-ignore
  });
  test('2025 has 246 working days', () => {
    expect(cal.workingDaysInYear(2025)).toBe(246);
  });
  test('2025 transfer act (Labour Code art. 85 para 3): Sunday 5 January works, Friday 3 January is off', () => {
    expect(workingWeekendDays(2025)).toEqual(['2025-01-05']);
    expect(cal.dayInfo('2025-01-05')).toMatchObject({ working: true, provisional: false });
    expect(cal.dayInfo('2025-01-05').source).toMatch(/art\. 85/);
    expect(cal.dayInfo('2025-01-03')).toMatchObject({ working: false });
  });
  test('Constitution Day 30 August 2025 on a Saturday moves to Monday 1 September (weekend rule, Law on holidays art. 5)', () => {
    expect(cal.dayInfo('2025-09-01')).toMatchObject({ working: false });
    expect(cal.dayInfo('2025-09-01').reason).toMatch(/Constitution Day.*weekend rule/);
  });
});

describe('2026 (docs/CALENDAR.md "The resulting years")', () => {
  test('the complete list of non-working weekdays of 2026', () => {
    expect(nonWorkingWeekdays(2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-07',
      '2026-03-09', '2026-03-23', '2026-03-24', '2026-03-25',
      '2026-05-01', '2026-05-07', '2026-05-11', '2026-05-27',
      '2026-07-06', '2026-10-26', '2026-12-16',
    ]); // prettier-ignore
  });
  test('2026 has 247 working days and no working weekend day (no transfer act found)', () => {
    expect(cal.workingDaysInYear(2026)).toBe(247);
    expect(workingWeekendDays(2026)).toEqual([]);
  });
  test('Nauryz 21–22 March 2026 on Saturday/Sunday moves two days: 24 and 25 March off as well as 23 (each holiday day separately)', () => {
    expect(['2026-03-23', '2026-03-24', '2026-03-25'].map(cal.isWorkingDay)).toEqual([false, false, false]);
    expect(cal.dayInfo('2026-03-24').reason).toMatch(/Nauryz on 2026-03-21/);
    expect(cal.dayInfo('2026-03-25').reason).toMatch(/Nauryz on 2026-03-22/);
    expect(cal.isWorkingDay('2026-03-26')).toBe(true);
  });
  test('the 2026 Constitution Day change (Ministry of Labour, 2026): Monday 31 August 2026 is a working day, 30 August no holiday', () => {
    expect(cal.isWorkingDay('2026-08-31')).toBe(true);
    expect(cal.dayInfo('2026-08-30').reason).toBeUndefined();
  });
});

describe('2024 (docs/CALENDAR.md)', () => {
  test('2024 transfer act: Saturday 4 May is a working day, Wednesday 8 May a day off', () => {
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(cal.isWorkingDay('2024-05-08')).toBe(false);
    expect(workingWeekendDays(2024)).toEqual(['2024-05-04']);
  });
  test('Kurban ait on Sunday 16 June 2024 is not moved (Labour Code art. 84 para 5: religious day)', () => {
    expect(cal.dayInfo('2024-06-16')).toMatchObject({ working: false });
    expect(cal.dayInfo('2024-06-16').reason).toMatch(/Kurban ait/);
    expect(cal.isWorkingDay('2024-06-17')).toBe(true);
  });
  test('7 January 2024 (Sunday, Orthodox Christmas) is not moved: Monday 8 January works', () => {
    expect(cal.isWorkingDay('2024-01-08')).toBe(true);
  });
  test('Nauryz 23 March 2024 on a Saturday moves to Monday 25 March (weekend rule)', () => {
    expect(cal.isWorkingDay('2024-03-25')).toBe(false);
  });
});

describe('statutory rules over the years (Law "On holidays" art. 5, docs/CALENDAR.md)', () => {
  test('17 December is a holiday up to 2021 only; 1 December removed from 2022', () => {
    expect(cal.isWorkingDay('2021-12-17')).toBe(false);
    expect(cal.isWorkingDay('2021-12-01')).toBe(false);
    expect(cal.isWorkingDay('2022-12-01')).toBe(true);
    expect(cal.isWorkingDay('2023-12-01')).toBe(true);
    // 17 Dec 2024 is a Tuesday: working again
    expect(cal.isWorkingDay('2024-12-17')).toBe(true);
  });
  test('Republic Day 25 October is a holiday from 2022', () => {
    expect(cal.isWorkingDay('2021-10-25')).toBe(true);
    expect(cal.isWorkingDay('2022-10-25')).toBe(false);
  });
  test('Constitution Day is 15 March from 2027 (Monday 15 March 2027 off), 30 August no longer', () => {
    expect(cal.isWorkingDay('2027-03-15')).toBe(false);
    expect(cal.isWorkingDay('2027-08-30')).toBe(true);
  });
});

describe('provisional years (later years compute from statutory rules and are marked provisional)', () => {
  test('2027 is provisional; 2024–2026 are not', () => {
    expect(cal.isProvisional('2027-06-01')).toBe(true);
    expect(cal.dayInfo('2027-01-01').provisional).toBe(true);
    for (const y of [2024, 2025, 2026]) expect(cal.isProvisional(`${y}-06-01`)).toBe(false);
  });
  test('Kurban ait 2027 is unknown until loaded: the astronomical estimate 16 May 2027 is a plain Sunday', () => {
    expect(cal.dayInfo('2027-05-16').reason).toBeUndefined();
  });
  test('a deadline whose term reaches a provisional year says so (DueDate.provisional)', () => {
    expect(cal.addCalendarDays('2026-12-20', 30).provisional).toBe(true);
    expect(cal.addCalendarDays('2026-11-01', 30).provisional).toBe(false);
    expect(cal.addWorkingDays('2026-12-28', 6).provisional).toBe(true);
  });
  test('every day off of a shipped year carries its legal source', () => {
    for (const y of [2024, 2025, 2026]) for (const d of cal.exceptions(y)) expect(d.source && d.reason).toBeTruthy();
  });
});
