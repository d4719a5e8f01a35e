import type { CalendarYearData } from './format';
import { YEAR_2024 } from './2024';
import { YEAR_2025 } from './2025';
import { YEAR_2026 } from './2026';

export type { CalendarData, CalendarDayEntry, CalendarYearData } from './format';
export { STATUTORY_DAYS_OFF, statutoryDaysOffIn, type StatutoryDayOff } from './statutory-holidays';

/** The years kezen ships fully; any other year is computed from the statutory rules and is provisional. */
export const SHIPPED_YEARS: readonly CalendarYearData[] = [YEAR_2024, YEAR_2025, YEAR_2026];
