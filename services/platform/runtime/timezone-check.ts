/**
 * Start-up check of the runtime's time-zone data (docs/CALENDAR.md "Time zone"): since 1 March 2024 all of
 * Kazakhstan is on UTC+5 (IANA tzdata 2024a and later); before, Asia/Almaty was UTC+6. On stale tz data every
 * registration date near midnight would be a day off, so kezen refuses to start.
 */
import { DateTime } from 'luxon';
import { LEGAL_ZONE } from '../../../domain/calendar/dates';

export class StaleTimeZoneDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleTimeZoneDataError';
  }
}

interface Probe {
  instant: string;
  expectedOffset: string;
  why: string;
}

const PROBES: readonly Probe[] = [
  {
    instant: '2025-06-01T12:00:00Z',
    expectedOffset: '+05:00',
    why: 'all of Kazakhstan on UTC+5 since 1 March 2024 (tzdata 2024a)',
  },
  { instant: '2023-06-01T12:00:00Z', expectedOffset: '+06:00', why: 'Asia/Almaty was UTC+6 before 1 March 2024' },
];

export interface TimeZoneReport {
  zone: string;
  ok: true;
  checks: { instant: string; offset: string }[];
  /** ICU / tz data versions of the runtime, for the log. */
  tz?: string;
  icu?: string;
}

/** How a zone resolves an instant; luxon over the runtime's ICU data by default (a seam for the test of staleness). */
export type ZoneResolver = (instant: string, zone: string) => DateTime;

const luxonResolver: ZoneResolver = (instant, zone) => DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);

/** Throws StaleTimeZoneDataError unless Asia/Almaty resolves to +05:00 in 2025 and +06:00 in 2023. */
export function assertTimeZoneData(resolve: ZoneResolver = luxonResolver): TimeZoneReport {
  const checks = PROBES.map((p) => {
    const dt = resolve(p.instant, LEGAL_ZONE);
    if (!dt.isValid)
      throw new StaleTimeZoneDataError(
        `kezen refuses to start: the runtime does not know the time zone ${LEGAL_ZONE} (${dt.invalidExplanation ?? dt.invalidReason}). Install full ICU / tz data.`,
      );
    const offset = dt.toFormat('ZZ');
    if (offset !== p.expectedOffset)
      throw new StaleTimeZoneDataError(
        `kezen refuses to start: stale time-zone data — ${LEGAL_ZONE} at ${p.instant} is ${offset}, expected ${p.expectedOffset} (${p.why}). ` +
          `Runtime tz data: ${process.versions.tz ?? 'unknown'}; update Node.js / ICU to tzdata 2024a or later.`,
      );
    return { instant: p.instant, offset };
  });
  return {
    zone: LEGAL_ZONE,
    ok: true,
    checks,
    ...(process.versions.tz ? { tz: process.versions.tz } : {}),
    ...(process.versions.icu ? { icu: process.versions.icu } : {}),
  };
}
