/**
 * localDateOf's fast path (a per-UTC-hour offset of Asia/Almaty) agrees with luxon on every instant: the legal date
 * of an instant (docs/CALENDAR.md "Time zone") must not depend on which path computed it.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { LEGAL_ZONE, localDateOf } from './dates';

const byLuxon = (instant: string) => {
  const dt = DateTime.fromISO(instant, { setZone: true });
  if (!dt.isValid) throw new RangeError('invalid');
  return dt.setZone(LEGAL_ZONE).toFormat('yyyy-MM-dd');
};

describe('localDateOf agrees with luxon in the legal zone', () => {
  it('around the switch from UTC+6 to UTC+5 on 1 March 2024 and at midnights', () => {
    for (const instant of [
      '2024-02-29T17:59:59.999Z',
      '2024-02-29T18:00:00Z',
      '2024-02-29T18:00:00.000+00:00',
      '2024-02-29T23:59:59+05:00',
      '2024-03-01T18:59:59.9999Z',
      '2024-03-01T19:00:00Z',
      '2025-12-31T19:00:00.000Z',
      '2025-12-31T18:59:59.999999999Z',
      '2026-01-01T00:00:00+05:00',
      '2025-06-02T09:00:00-12:00',
      '2025-06-02T09:00+14:00',
      '2025-06-02T24:00:00Z',
    ])
      expect(localDateOf(instant)).toBe(byLuxon(instant));
  });

  it('for generated instants with any offset and fraction', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        (date, offsetMinutes, fractionDigits, zulu) => {
          const shifted = new Date(date.getTime() + (zulu ? 0 : offsetMinutes) * 60_000).toISOString();
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const zone = zulu
            ? 'Z'
            : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const fraction = fractionDigits === 0 ? '' : `.${`${shifted.slice(20, 23)}987654`.slice(0, fractionDigits)}`;
          const instant = `${shifted.slice(0, 19)}${fraction}${zone}`;
          expect(localDateOf(instant)).toBe(byLuxon(instant));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('still refuses what is not an instant', () => {
    for (const bad of ['2025-02-30T10:00:00Z', '2025-13-01T00:00:00Z', 'yesterday'])
      expect(() => localDateOf(bad)).toThrow(RangeError);
  });
});
