/**
 * Loading the operator's extra calendar (env `KEZEN_CALENDAR_FILE`, JSON in the format of
 * domain/calendar/data/format.ts): read and parse here at the edge, validate and build in the pure domain.
 */
import { readFileSync } from 'node:fs';
import { createCalendar, type KezenCalendar } from '../../../domain/calendar/calendar';
import type { CalendarData } from '../../../domain/calendar/data/format';
import { CalendarDataError, validateCalendarData } from '../../../domain/calendar/validate';

export function loadCalendarFile(path: string): CalendarData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CalendarDataError(`Calendar file ${path}: cannot be read (${(e as Error).message})`, '(file)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CalendarDataError(`Calendar file ${path}: not valid JSON (${(e as Error).message})`, '(file)');
  }
  return validateCalendarData(json, `file ${path}`);
}

/** The calendar of the running service: shipped years plus the operator's file when `KEZEN_CALENDAR_FILE` is set. */
export function calendarFromEnv(env: NodeJS.ProcessEnv = process.env): KezenCalendar {
  const file = env.KEZEN_CALENDAR_FILE?.trim();
  return createCalendar(file ? loadCalendarFile(file) : undefined);
}
