export * from './types';
export { createCalendar, type KezenCalendar } from './calendar';
export { CONVENTIONS, calendarDaysRule, workingDaysRule, workingDaysBeforeRule } from './conventions';
export { CHANNEL_HOURS, providerHours } from './registration';
export { validateCalendarData, CalendarDataError } from './validate';
export { LEGAL_ZONE, localDateOf, plusDays, isValidLocalDate } from './dates';
export { SHIPPED_YEARS, STATUTORY_DAYS_OFF } from './data';
export type { CalendarData, CalendarYearData, CalendarDayEntry } from './data';
