/**
 * Exact arithmetic for money and quantities: money is integer tiyn, quantities (m², kWh, m³) are integers of
 * thousandths, shares are integers of hundredths of a per cent. Products go through BigInt so no intermediate
 * result is ever rounded by floating point.
 */

/** A decimal with at most `digits` fraction digits → an exact integer of 10^-digits units; null if it has more. */
export function toScaled(value: number, digits: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const factor = 10 ** digits;
  const scaled = Math.round(value * factor);
  // The JSON number was written with at most `digits` fraction digits iff it round-trips.
  if (Math.abs(scaled / factor - value) > Number.EPSILON * Math.max(1, value) * 4) return null;
  if (!Number.isSafeInteger(scaled)) return null;
  return scaled;
}

export const toThousandths = (value: number): number | null => toScaled(value, 3);
export const toHundredths = (value: number): number | null => toScaled(value, 2);

/** floor(a × b / c) exactly, for non-negative integers. */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError('Division by a non-positive number');
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** round-half-up(a × b / c) exactly, for non-negative integers. */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError('Division by a non-positive number');
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n * 2n + d) / (2n * d));
}

/** Thousandths → `54.000` for explanations. */
export function formatThousandths(value: number): string {
  const whole = Math.floor(value / 1000);
  const frac = String(value % 1000).padStart(3, '0');
  return `${whole}.${frac}`;
}

/** Tiyn → `1234.56` tenge, for explanations. */
export function formatTenge(tiyn: number): string {
  return `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}`;
}
