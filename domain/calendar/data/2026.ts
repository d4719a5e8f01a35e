import type { CalendarYearData } from './format';

/**
 * 2026: docs/CALENDAR.md — 247 working days. No transfer act found. 30 August is no longer a holiday from 2026
 * (statutory-holidays.ts), so Monday 31 August 2026 is a working day.
 */
export const YEAR_2026: CalendarYearData = {
  year: 2026,
  complete: true,
  source: 'docs/CALENDAR.md (Law on holidays art. 5; Labour Code art. 84–85; no transfer act for 2026 found)',
  kurbanAit: {
    date: '2026-05-27',
    source: 'Kurban ait 2026, first day — Wednesday 27 May (Labour Code art. 84 para 5); docs/CALENDAR.md',
  },
  days: [],
};
