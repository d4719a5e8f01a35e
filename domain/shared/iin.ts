/**
 * The Kazakh IIN (ЖСН, individual identification number): YYMMDD · century/sex digit · 4-digit serial · check digit.
 * Check digit: Σ dᵢ·wᵢ mod 11 with weights 1..11; if that gives 10, again with weights 3..11,1,2; a second 10 means
 * the number is never issued. Century/sex digit for persons: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s (odd = male).
 */
import type { LocalDate } from '../calendar/types';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

export type IinCheck =
  | { valid: true; birthDate: LocalDate; sex: 'male' | 'female' }
  | { valid: false; reason: 'format' | 'check-digit' | 'century-digit' | 'birth-date' | 'never-issued' };

/** The check digit of the first 11 digits, or null when no check digit exists (never issued). */
export function iinCheckDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) throw new RangeError('Expected 11 digits');
  const digits = [...first11].map(Number);
  const sum = (weights: readonly number[]) => digits.reduce((s, d, i) => s + d * (weights[i] as number), 0) % 11;
  const first = sum(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = sum(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

export function checkIin(iin: string): IinCheck {
  if (!/^[0-9]{12}$/.test(iin)) return { valid: false, reason: 'format' };
  const centurySex = Number(iin[6]);
  if (centurySex < 1 || centurySex > 6) return { valid: false, reason: 'century-digit' };
  const century = 1800 + Math.floor((centurySex - 1) / 2) * 100;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isRealDate(year, month, day)) return { valid: false, reason: 'birth-date' };
  const check = iinCheckDigit(iin.slice(0, 11));
  if (check === null) return { valid: false, reason: 'never-issued' };
  if (check !== Number(iin[11])) return { valid: false, reason: 'check-digit' };
  const birthDate = `${String(year).padStart(4, '0')}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { valid: true, birthDate, sex: centurySex % 2 === 1 ? 'male' : 'female' };
}

export function isValidIin(iin: string): boolean {
  return checkIin(iin).valid;
}

/**
 * Builds a valid IIN for a birth date, sex and serial (tests, demo data). Tries the next serials when the
 * requested one has no check digit.
 */
export function makeIin(birthDate: LocalDate, sex: 'male' | 'female', serial = 1): string {
  const [y, m, d] = birthDate.split('-');
  const year = Number(y);
  const centuryIndex = Math.floor((year - 1800) / 100);
  if (centuryIndex < 0 || centuryIndex > 2) throw new RangeError(`No IIN century digit for ${birthDate}`);
  const centurySex = centuryIndex * 2 + (sex === 'male' ? 1 : 2);
  for (let s = serial; s < serial + 100; s++) {
    const first11 = `${String(year).slice(2)}${m}${d}${centurySex}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new RangeError('No issuable IIN found');
}

/** Age in full years on a date (for adulthood, 18, Annex 1 item 8.1). */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/**
 * Masks an IIN for roles that do not need it (docs/HTTP-CONTRACT.md "Personal data"): the first and last 2 digits stay.
 */
export function maskIin(iin: string): string {
  return iin.length === 12 ? `${iin.slice(0, 2)}********${iin.slice(10)}` : '************';
}
