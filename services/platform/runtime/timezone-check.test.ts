import { DateTime, FixedOffsetZone } from 'luxon';
import { assertTimeZoneData, StaleTimeZoneDataError } from './timezone-check';

describe('start-up time-zone check (docs/CALENDAR.md "Time zone": Asia/Almaty +05:00 since 1 March 2024)', () => {
  test('this runtime has current tz data: 2025 → +05:00, 2023 → +06:00', () => {
    const report = assertTimeZoneData();
    expect(report.checks).toEqual([
      { instant: '2025-06-01T12:00:00Z', offset: '+05:00' },
      { instant: '2023-06-01T12:00:00Z', offset: '+06:00' },
    ]);
  });
  test('stale data (Almaty still +06:00 in 2025, tzdata before 2024a) → kezen refuses to start with a clear error', () => {
    const stale = (instant: string) =>
      DateTime.fromISO(instant, { zone: 'utc' }).setZone(FixedOffsetZone.instance(360));
    expect(() => assertTimeZoneData(stale)).toThrow(StaleTimeZoneDataError);
    expect(() => assertTimeZoneData(stale)).toThrow(
      /refuses to start: stale time-zone data — Asia\/Almaty .* is \+06:00, expected \+05:00/,
    );
  });
  test('an unknown zone (no ICU data) → refuses to start', () => {
    const unknown = (instant: string) => DateTime.fromISO(instant, { zone: 'utc' }).setZone('Asia/Nowhere');
    expect(() => assertTimeZoneData(unknown)).toThrow(/does not know the time zone/);
  });
});
