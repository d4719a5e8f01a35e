/**
 * Statutory days off as rules with the years each is in force (docs/CALENDAR.md "Public holidays").
 * A change of the law is a data edit here, not a code change.
 *
 * kind `holiday`: a public holiday (Law "On holidays in the Republic of Kazakhstan" of 13 December 2001 No. 267-II,
 *   art. 5; Labour Code art. 84) — subject to the weekend rule (a holiday on a Saturday or Sunday moves a day off to
 *   the next working day, each holiday day separately).
 * kind `religious`: a religious day off (Labour Code art. 84 para 5; Law on holidays art. 5) — never moved.
 *   The first day of Kurban ait has no fixed date: it is data per year (see `years.ts`).
 */
export interface StatutoryDayOff {
  id: string;
  name: string;
  kind: 'holiday' | 'religious';
  month: number;
  day: number;
  /** First year in force (inclusive); absent = long before the years kezen serves. */
  fromYear?: number;
  /** Last year in force (inclusive); absent = still in force. */
  untilYear?: number;
  source: string;
}

const LAW = 'Law "On holidays in the Republic of Kazakhstan" No. 267-II, art. 5; Labour Code art. 84';
const RELIGIOUS = 'Labour Code art. 84 para 5; Law "On holidays in the Republic of Kazakhstan", art. 5 (religious day off)';
const CONSTITUTION_2026 =
  'Ministry of Labour statement after the Constitution of 15 March 2026 (referendum; in force 1 July 2026): 30 August no longer a holiday from 2026, 15 March Constitution Day from 2027 — https://taspanews.kz/novosti-kazakhstana/v-etom-godu-u-kazakhstantsev-ne-budet-odnogo-vykhodnogo-795514517615 ; cross-checked with vacanza/holidays#3690';

export const STATUTORY_DAYS_OFF: readonly StatutoryDayOff[] = [
  { id: 'new-year-1', name: 'New Year', kind: 'holiday', month: 1, day: 1, source: LAW },
  { id: 'new-year-2', name: 'New Year', kind: 'holiday', month: 1, day: 2, source: LAW },
  { id: 'orthodox-christmas', name: 'Orthodox Christmas', kind: 'religious', month: 1, day: 7, source: RELIGIOUS },
  { id: 'womens-day', name: "International Women's Day", kind: 'holiday', month: 3, day: 8, source: LAW },
  {
    id: 'constitution-day-15-march',
    name: 'Constitution Day',
    kind: 'holiday',
    month: 3,
    day: 15,
    fromYear: 2027,
    source: CONSTITUTION_2026,
  },
  { id: 'nauryz-1', name: 'Nauryz', kind: 'holiday', month: 3, day: 21, fromYear: 2010, source: LAW },
  { id: 'nauryz-2', name: 'Nauryz', kind: 'holiday', month: 3, day: 22, source: LAW },
  { id: 'nauryz-3', name: 'Nauryz', kind: 'holiday', month: 3, day: 23, fromYear: 2010, source: LAW },
  { id: 'unity-day', name: 'Unity Day of the people of Kazakhstan', kind: 'holiday', month: 5, day: 1, source: LAW },
  { id: 'defender-day', name: 'Defender of the Fatherland Day', kind: 'holiday', month: 5, day: 7, fromYear: 2013, source: LAW },
  { id: 'victory-day', name: 'Victory Day', kind: 'holiday', month: 5, day: 9, source: LAW },
  { id: 'capital-day', name: 'Capital Day', kind: 'holiday', month: 7, day: 6, fromYear: 2009, source: LAW },
  {
    id: 'constitution-day-30-august',
    name: 'Constitution Day',
    kind: 'holiday',
    month: 8,
    day: 30,
    untilYear: 2025,
    source: `${LAW}; not a holiday from 2026: ${CONSTITUTION_2026}`,
  },
  {
    id: 'republic-day',
    name: 'Republic Day',
    kind: 'holiday',
    month: 10,
    day: 25,
    fromYear: 2022,
    source: `${LAW} (national holiday again since 2022, Law of 29 September 2022)`,
  },
  {
    id: 'first-president-day',
    name: 'Day of the First President',
    kind: 'holiday',
    month: 12,
    day: 1,
    fromYear: 2012,
    untilYear: 2021,
    source: `${LAW} (removed from 2022)`,
  },
  { id: 'independence-day-16', name: 'Independence Day', kind: 'holiday', month: 12, day: 16, source: LAW },
  {
    id: 'independence-day-17',
    name: 'Independence Day',
    kind: 'holiday',
    month: 12,
    day: 17,
    untilYear: 2021,
    source: `${LAW} (17 December is no longer a holiday after 2021)`,
  },
];

export function statutoryDaysOffIn(year: number): StatutoryDayOff[] {
  return STATUTORY_DAYS_OFF.filter((h) => (h.fromYear ?? -Infinity) <= year && year <= (h.untilYear ?? Infinity));
}
