import type { CalendarYearData } from './format';

/** 2025: docs/CALENDAR.md — 246 working days. */
export const YEAR_2025: CalendarYearData = {
  year: 2025,
  complete: true,
  source: 'docs/CALENDAR.md (Law on holidays art. 5; Labour Code art. 84–85; Government transfer act for 2025)',
  kurbanAit: {
    date: '2025-06-06',
    source: 'Kurban ait 2025, first day — Friday 6 June (Labour Code art. 84 para 5); docs/CALENDAR.md',
  },
  days: [
    {
      date: '2025-01-03',
      working: false,
      reason: 'Day off transferred from Sunday 5 January',
      source: 'Government act on the transfer of days off in 2025 (Labour Code art. 85 para 3); docs/CALENDAR.md',
    },
    {
      date: '2025-01-05',
      working: true,
      reason: 'Working Sunday: day off transferred to Friday 3 January',
      source: 'Government act on the transfer of days off in 2025 (Labour Code art. 85 para 3); docs/CALENDAR.md',
    },
  ],
};
