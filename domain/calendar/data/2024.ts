import type { CalendarYearData } from './format';

/** 2024: docs/CALENDAR.md. Kurban ait on Sunday 16 June is not moved (religious day off). */
export const YEAR_2024: CalendarYearData = {
  year: 2024,
  complete: true,
  source: 'docs/CALENDAR.md (Law on holidays art. 5; Labour Code art. 84–85; Government transfer act for 2024)',
  kurbanAit: {
    date: '2024-06-16',
    source: 'Kurban ait 2024, first day — Sunday 16 June (Labour Code art. 84 para 5: not moved); docs/CALENDAR.md',
  },
  days: [
    {
      date: '2024-05-04',
      working: true,
      reason: 'Working Saturday: day off transferred to Wednesday 8 May',
      source: 'Government act on the transfer of days off in 2024 (Labour Code art. 85 para 3); docs/CALENDAR.md',
    },
    {
      date: '2024-05-08',
      working: false,
      reason: 'Day off transferred from Saturday 4 May',
      source: 'Government act on the transfer of days off in 2024 (Labour Code art. 85 para 3); docs/CALENDAR.md',
    },
  ],
};
