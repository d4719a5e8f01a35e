/**
 * The Kazakh IIN: YYMMDD, century/sex digit, serial, check digit (weights 1..11, then 3..11,1,2 when the first pass
 * gives 10; a second 10 means the number is never issued).
 */
import fc from 'fast-check';
import { ageOn, checkIin, iinCheckDigit, isValidIin, makeIin, maskIin } from './iin';

describe('IIN check digit', () => {
  test('first pass: Σ dᵢ·i mod 11', () => {
    // 8503143 0101 → 8·1+5·2+0·3+3·4+1·5+4·6+3·7+0·8+1·9+0·10+1·11 = 100 → 100 mod 11 = 1
    expect(iinCheckDigit('85031430101')).toBe(1);
    expect(checkIin('850314301011')).toEqual({ valid: true, birthDate: '1985-03-14', sex: 'male' });
  });

  test('second pass with weights 3..11,1,2 when the first gives 10', () => {
    // The first serial of 1985-03-14 (male) whose first pass gives 10, checked by hand.
    const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    const pass = (p: string, w: number[]) => [...p].reduce((s, d, i) => s + Number(d) * (w[i] as number), 0) % 11;
    const prefix = Array.from({ length: 100 }, (_, n) => `8503143${String(n).padStart(4, '0')}`).find(
      (p) => pass(p, w1) === 10,
    ) as string;
    // 8·1+5·2+0·3+3·4+1·5+4·6+3·7+0·8+0·9+4·10+0·11 = 120 → 10; second pass: 8·3+5·4+3·6+1·7+4·8+3·9+4·1 = 132 → 0
    expect(prefix).toBe('85031430040');
    expect(pass(prefix, w2)).toBe(0);
    expect(iinCheckDigit(prefix)).toBe(0);
    expect(checkIin('850314300400')).toMatchObject({ valid: true });
  });

  test('when the second pass also gives 10 the number is never issued, whatever the 12th digit', () => {
    const prefix = Array.from({ length: 10000 }, (_, n) => `8503143${String(n).padStart(4, '0')}`).find(
      (p) => iinCheckDigit(p) === null,
    ) as string;
    expect(prefix).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(checkIin(`${prefix}${d}`)).toEqual({ valid: false, reason: 'never-issued' });
    expect(makeIin('1985-03-14', 'male', Number(prefix.slice(7)))).not.toBe(`${prefix}0`);
  });

  test('a wrong check digit, a bad century digit, an impossible birth date, a wrong length are each invalid', () => {
    expect(checkIin('850314301012')).toEqual({ valid: false, reason: 'check-digit' });
    expect(checkIin('850314701011')).toEqual({ valid: false, reason: 'century-digit' });
    expect(checkIin('850230301011')).toEqual({ valid: false, reason: 'birth-date' });
    expect(checkIin('85031430101')).toEqual({ valid: false, reason: 'format' });
    expect(checkIin('8503143010a1')).toEqual({ valid: false, reason: 'format' });
  });

  test('century/sex digit: 3/4 → 1900s, 5/6 → 2000s, odd male, even female; 29 February only in leap years', () => {
    expect(checkIin(makeIin('2004-06-20', 'female'))).toMatchObject({ birthDate: '2004-06-20', sex: 'female' });
    expect(checkIin(makeIin('1899-12-31', 'male'))).toMatchObject({ birthDate: '1899-12-31', sex: 'male' });
    expect(isValidIin(makeIin('2000-02-29', 'male'))).toBe(true);
    const notLeap = makeIin('2004-02-28', 'male').replace(/^040228/, '010229');
    expect(checkIin(notLeap)).toMatchObject({ valid: false });
  });

  test('property: every IIN built by makeIin is valid and round-trips its birth date and sex; any single-digit change of the check digit is invalid', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 9899 }),
        (date, sex, serial) => {
          const birthDate = date.toISOString().slice(0, 10);
          const iin = makeIin(birthDate, sex, serial);
          expect(checkIin(iin)).toEqual({ valid: true, birthDate, sex });
          const other = (Number(iin[11]) + 1 + (serial % 9)) % 10;
          expect(isValidIin(iin.slice(0, 11) + String(other))).toBe(false);
        },
      ),
    );
  });
});

describe('adulthood and masking', () => {
  test('18 full years on the day (Annex 1 item 8.1 adults)', () => {
    expect(ageOn('2008-03-02', '2026-03-01')).toBe(17);
    expect(ageOn('2008-03-02', '2026-03-02')).toBe(18);
  });
  test('masked IIN keeps only the first and last two digits', () => {
    expect(maskIin('850314301011')).toBe('85********11');
  });
});
