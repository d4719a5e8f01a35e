/**
 * HA Rules §24.19: in-kind assistance given under the law is not counted as family income.
 */
import { EXCLUDED_INCOME_KINDS, INCOME_KINDS, type IncomeKind } from '../../contracts/housing-assistance/income-kinds';
import { calculateFamilyIncome, monthsIn } from './income';
import { APPLICANT_IIN, SPOUSE_IIN } from './testing/fixtures';

const period = { from: '2026-01', to: '2026-03' };
const line = (kind: IncomeKind, amountTiyn: number) => ({ memberIin: APPLICANT_IIN, kind, period, amountTiyn });

describe('HA Rules §24.19 — in-kind assistance is not family income', () => {
  test('the contract lists exactly the six in-kind kinds of §24.19 as excluded', () => {
    expect(EXCLUDED_INCOME_KINDS).toEqual([
      'in-kind-medicines',
      'in-kind-sanatorium-treatment',
      'in-kind-prosthetic-orthopaedic',
      'in-kind-disability-mobility-rehabilitation',
      'in-kind-pupil-material-assistance',
      'in-kind-child-1-to-6-monthly-additional-payment',
    ]);
  });

  test.each(EXCLUDED_INCOME_KINDS)(
    '%s is excluded, with its citation, and does not change the counted income',
    (kind) => {
      const result = calculateFamilyIncome(period, [line('wages', 30_000_000), line(kind, 1_234_500)]);
      expect(result.countedTotalTiyn).toBe(30_000_000);
      expect(result.excludedTotalTiyn).toBe(1_234_500);
      expect(result.averageMonthlyIncomeTiyn).toBe(10_000_000);
      const excluded = result.lines[1]!;
      expect(excluded.counted).toBe(false);
      expect(excluded.exclusion?.rule).toBe('HA Rules §24.19');
      expect(excluded.exclusion?.citation).toMatch(/^HA Rules §24\.19: /);
    },
  );

  test('the citation of the pupils’ assistance names Government Resolution No. 64 of 25 January 2008', () => {
    const r = calculateFamilyIncome(period, [line('in-kind-pupil-material-assistance', 100)]);
    expect(r.lines[0]!.exclusion?.citation).toContain('Government Resolution No. 64 of 25 January 2008');
  });

  test('the citation of the child payment names children from one to six years old inclusive', () => {
    const r = calculateFamilyIncome(period, [line('in-kind-child-1-to-6-monthly-additional-payment', 100)]);
    expect(r.lines[0]!.exclusion?.citation).toContain('one to six years old inclusive');
  });

  test.each(INCOME_KINDS.filter((k) => k.counted).map((k) => k.kind))('%s is counted', (kind) => {
    const result = calculateFamilyIncome(period, [line(kind, 900_000)]);
    expect(result.lines[0]).toEqual({ memberIin: APPLICANT_IIN, kind, period, amountTiyn: 900_000, counted: true });
    expect(result.countedTotalTiyn).toBe(900_000);
    expect(result.excludedTotalTiyn).toBe(0);
  });

  test('family income adds every member’s counted lines and averages over the months of the period', () => {
    const result = calculateFamilyIncome(period, [
      { memberIin: SPOUSE_IIN, kind: 'wages', period, amountTiyn: 45_000_000 },
      { memberIin: APPLICANT_IIN, kind: 'pension', period, amountTiyn: 18_000_000 },
      {
        memberIin: APPLICANT_IIN,
        kind: 'in-kind-medicines',
        period: { from: '2026-02', to: '2026-02' },
        amountTiyn: 500_000,
      },
    ]);
    expect(result).toMatchObject({
      months: 3,
      countedTotalTiyn: 63_000_000,
      excludedTotalTiyn: 500_000,
      averageMonthlyIncomeTiyn: 21_000_000,
    });
  });

  test('months of a period count both ends, across a year boundary', () => {
    expect(monthsIn({ from: '2025-11', to: '2026-01' })).toBe(3);
    expect(monthsIn({ from: '2026-03', to: '2026-03' })).toBe(1);
    expect(monthsIn({ from: '2026-03', to: '2026-02' })).toBe(0);
  });
});
