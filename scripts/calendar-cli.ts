/**
 * The calendar CLI (`npm run calendar -- …`):
 *   deadline --from 2026-05-06 --working-days 6     due date, rule, provisional flag
 *   deadline --from 2026-05-06 --calendar-days 30
 *   year 2026                                       days off and working weekend days, with sources
 *   registration --at 2026-03-20T14:00:00Z --channel portal
 *   selfcheck                                       tz data, 2025/2026 working-day totals
 * Honours KEZEN_CALENDAR_FILE (operator calendar).
 */
import { isoWeekday } from '../domain/calendar/dates';
import type { KezenCalendar } from '../domain/calendar/calendar';
import type { Channel } from '../domain/calendar/types';
import { calendarOf } from '../services/platform/runtime/calendar-file';
import { loadConfig } from '../services/platform/config';
import { assertTimeZoneData } from '../services/platform/runtime/timezone-check';

const USAGE = `usage:
  calendar deadline --from YYYY-MM-DD (--working-days N | --calendar-days N)
  calendar year YYYY
  calendar registration --at <ISO instant> --channel state-corporation|state-corporation-duty|portal|provider
  calendar selfcheck`;

const WEEKDAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CHANNELS: Channel[] = ['state-corporation', 'state-corporation-duty', 'portal', 'provider'];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function count(value: string | undefined, name: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new Error(`--${name} needs a whole number of days`);
  return Number(value);
}

function deadline(cal: KezenCalendar, args: string[], out: (s: string) => void): void {
  const from = option(args, 'from');
  if (!from) throw new Error('deadline needs --from YYYY-MM-DD');
  const wd = option(args, 'working-days');
  const cd = option(args, 'calendar-days');
  if ((wd === undefined) === (cd === undefined))
    throw new Error('give exactly one of --working-days N, --calendar-days N');
  const due =
    wd !== undefined
      ? cal.addWorkingDays(from, count(wd, 'working-days'))
      : cal.addCalendarDays(from, count(cd, 'calendar-days'));
  out(`due: ${due.dueOn} (${WEEKDAY[isoWeekday(due.dueOn)]})`);
  out(`rule: ${due.rule}`);
  out(
    `provisional: ${due.provisional ? 'yes — the calendar of that year is computed from statutory rules only (Kurban ait and transfers not loaded)' : 'no'}`,
  );
}

function year(cal: KezenCalendar, args: string[], out: (s: string) => void): void {
  const y = Number(args[0]);
  if (!Number.isInteger(y) || y < 1992 || y > 2200) throw new Error('year needs a year, e.g. year 2026');
  const data = cal.yearData(y);
  out(
    `${y}: ${cal.workingDaysInYear(y)} working days (five-day week)${cal.isProvisional(`${y}-01-01`) ? ' — PROVISIONAL: statutory rules only, Kurban ait and transfer acts not loaded' : ''}`,
  );
  if (data) out(`data: ${data.source}`);
  for (const d of cal.exceptions(y)) {
    const wd = isoWeekday(d.date);
    const kind = d.working ? 'working' : wd >= 6 ? 'off (weekend)' : 'off';
    out(`${d.date} ${WEEKDAY[wd]}  ${kind.padEnd(13)} ${d.reason ?? ''}`);
    out(`               source: ${d.source ?? ''}`);
  }
}

function registration(cal: KezenCalendar, args: string[], out: (s: string) => void): void {
  const at = option(args, 'at');
  const channel = option(args, 'channel') as Channel | undefined;
  if (!at || !channel || !CHANNELS.includes(channel))
    throw new Error('registration needs --at <instant> --channel <channel>');
  out(`local: ${cal.localDate(at)}; registered on: ${cal.registrationDate(at, channel)} (Rules §5; Annex 1 item 7)`);
}

function selfcheck(cal: KezenCalendar, out: (s: string) => void): boolean {
  const tz = assertTimeZoneData();
  out(
    `tz: ${tz.zone} ${tz.checks.map((c) => `${c.instant.slice(0, 4)} ${c.offset}`).join(', ')} (tzdata ${tz.tz ?? 'unknown'}) ok`,
  );
  let ok = true;
  for (const [y, expected] of [
    [2025, 246],
    [2026, 247],
  ] as const) {
    const n = cal.workingDaysInYear(y);
    const good = n === expected;
    ok &&= good;
    out(`${y}: ${n} working days (docs/CALENDAR.md: ${expected}) ${good ? 'ok' : 'MISMATCH'}`);
  }
  out(`2027: provisional = ${cal.isProvisional('2027-01-01')}`);
  return ok;
}

/** Runs the CLI; returns the exit code. */
export function main(
  argv: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): number {
  const [command, ...args] = argv;
  try {
    const cal = calendarOf(loadConfig().calendarFile);
    switch (command) {
      case 'deadline':
        deadline(cal, args, out);
        return 0;
      case 'year':
        year(cal, args, out);
        return 0;
      case 'registration':
        registration(cal, args, out);
        return 0;
      case 'selfcheck':
        return selfcheck(cal, out) ? 0 : 1;
      default:
        err(USAGE);
        return 2;
    }
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
