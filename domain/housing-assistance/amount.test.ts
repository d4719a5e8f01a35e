/**
 * The amount: housing expenses within the norms − the maximum allowable share of family income, never below zero.
 * The share and norms are regional parameter data (parameters/*.json); worked examples use the Almaty editions.
 */
import fc from 'fast-check';
import type { ExpenseLineData } from '../../contracts/housing-assistance/commands';
import type { ParameterEditionData } from '../../contracts/housing-assistance/parameters';
import { calculateAmount, maxAllowableShareTiyn } from './amount';
import { calculateFamilyIncome } from './income';
import { bundledParameters } from './parameters';
import { APPLICANT_IIN, application } from './testing/fixtures';

const almaty2025 = bundledParameters.inForce('almaty-city', '2025-06-01').edition;
const almaty2026 = bundledParameters.inForce('almaty-city', '2026-06-01').edition;
const period = { from: '2025-01', to: '2025-03' };
const wagesIncome = (totalTiyn: number) =>
  calculateFamilyIncome(period, [{ memberIin: APPLICANT_IIN, kind: 'wages', period, amountTiyn: totalTiyn }]);

const familyOfThree = (income: number, parameters: ParameterEditionData = almaty2025) =>
  calculateAmount({
    familySize: 3,
    actualAreaThousandths: 72_000,
    expenses: application().monthlyExpenses,
    income: wagesIncome(income),
    parameters,
  });

describe('the amount of housing assistance (worked examples)', () => {
  test('the example parameter editions are the ones these examples assume', () => {
    expect(almaty2025).toMatchObject({
      parametersId: 'almaty-city-2025-01',
      maxSharePercent: 8,
      communicationCapTiyn: 150_000,
    });
    expect(almaty2025.areaNorm).toEqual({ perPersonM2: 18, singlePersonM2: 30 });
    expect(almaty2025.utilityNorms.electricity).toEqual({ basis: 'per-person', unit: 'kWh', perPersonMonthly: 70 });
  });

  test('family of three, 72 m², 210 000 ₸ a month: 26 880 ₸ within the norms − 16 800 ₸ (8%) = 10 080 ₸', () => {
    const r = familyOfThree(63_000_000); // 630 000 ₸ over three months
    expect(r.normAreaM2).toBe('54.000');
    expect(r.expenses.map((e) => e.allowedTiyn)).toEqual([
      540_000, // maintenance 7 200 ₸ × 54/72
      108_000, // capital repair 1 440 ₸ × 54/72
      1_350_000, // heating (by area) 18 000 ₸ × 54/72
      420_000, // electricity 300 kWh → norm 3 × 70 = 210 kWh: 6 000 ₸ × 210/300
      120_000, // cold water 12 m³ within the norm 13.5 m³
      150_000, // communication 2 000 ₸ capped at 1 500 ₸
    ]);
    expect(r.claimedExpensesTiyn).toBe(3_584_000);
    expect(r.allowedExpensesTiyn).toBe(2_688_000);
    expect(r.maxAllowableShareTiyn).toBe(1_680_000);
    expect(r.amountTiyn).toBe(1_008_000);
  });

  test('the 2026 edition (7.5%, 75 kWh, cap 1 600 ₸) gives 27 280 ₸ − 15 750 ₸ = 11 530 ₸ for the same family', () => {
    const r = familyOfThree(63_000_000, almaty2026);
    expect(r.allowedExpensesTiyn).toBe(2_728_000);
    expect(r.maxAllowableShareTiyn).toBe(1_575_000);
    expect(r.amountTiyn).toBe(1_153_000);
  });

  test('zero, never negative, when the allowable share exceeds the expenses within the norms', () => {
    const r = familyOfThree(120_000_000); // 400 000 ₸ a month → 8% = 32 000 ₸ > 26 880 ₸
    expect(r.maxAllowableShareTiyn).toBe(3_200_000);
    expect(r.amountTiyn).toBe(0);
  });

  test('a single person has the single-person area norm; prorations round down to the tiyn, the share half up', () => {
    const r = calculateAmount({
      familySize: 1,
      actualAreaThousandths: 40_000,
      expenses: [{ kind: 'maintenance', amountTiyn: 100_001 }],
      income: wagesIncome(1_000_001),
      parameters: almaty2026,
    });
    expect(r.normAreaM2).toBe('30.000');
    expect(r.allowedExpensesTiyn).toBe(75_000); // 100 001 × 30/40 = 75 000.75 → 75 000
    expect(r.maxAllowableShareTiyn).toBe(25_000); // 1 000 001 / 3 × 7.5% = 25 000.025 → 25 000
    expect(r.amountTiyn).toBe(50_000);
  });

  test('rent is prorated by area and capped per month across all rent lines', () => {
    const rent: ExpenseLineData[] = [
      { kind: 'rent', amountTiyn: 2_000_000 },
      { kind: 'rent', amountTiyn: 2_000_000 },
    ];
    const r = calculateAmount({
      familySize: 3,
      actualAreaThousandths: 54_000,
      expenses: rent,
      income: wagesIncome(0),
      parameters: almaty2025,
    });
    expect(r.expenses.map((e) => e.allowedTiyn)).toEqual([2_000_000, 1_000_000]); // cap 30 000 ₸ for the month
    expect(r.amountTiyn).toBe(3_000_000);
  });

  test('the share is the maximum allowable share of the average monthly counted income', () => {
    expect(maxAllowableShareTiyn(wagesIncome(30_000_000), 10)).toBe(1_000_000);
    expect(maxAllowableShareTiyn(wagesIncome(30_000_000), 5)).toBe(500_000);
  });
});

describe('properties of the amount', () => {
  const expenseArb: fc.Arbitrary<ExpenseLineData> = fc.oneof(
    fc.record({
      kind: fc.constantFrom(
        'maintenance' as const,
        'capital-repair' as const,
        'rent' as const,
        'communication' as const,
      ),
      amountTiyn: fc.integer({ min: 0, max: 50_000_000 }),
    }),
    fc.record({
      kind: fc.constant('utility' as const),
      utility: fc.constantFrom(
        'electricity' as const,
        'gas' as const,
        'cold-water' as const,
        'hot-water' as const,
        'sewerage' as const,
        'heating' as const,
        'solid-waste' as const,
      ),
      quantity: fc.integer({ min: 0, max: 5_000_000 }).map((q) => q / 1000),
      amountTiyn: fc.integer({ min: 0, max: 50_000_000 }),
    }),
  );
  const caseArb = fc.record({
    familySize: fc.integer({ min: 1, max: 12 }),
    area: fc.integer({ min: 1, max: 400_000 }),
    expenses: fc.array(expenseArb, { minLength: 1, maxLength: 10 }),
    region: fc.constantFrom('almaty-city', 'astana', 'shymkent'),
    income: fc.integer({ min: 0, max: 10_000_000_000 }),
    more: fc.integer({ min: 0, max: 10_000_000_000 }),
  });
  type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;
  const amountFor = (c: Case, income: number) =>
    calculateAmount({
      familySize: c.familySize,
      actualAreaThousandths: c.area,
      expenses: c.expenses,
      income: wagesIncome(income),
      parameters: bundledParameters.inForce(c.region, '2026-06-01').edition,
    });

  test('the amount is never negative and never more than the expenses within the norms', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = amountFor(c, c.income);
        return (
          r.amountTiyn >= 0 && r.amountTiyn <= r.allowedExpensesTiyn && r.allowedExpensesTiyn <= r.claimedExpensesTiyn
        );
      }),
    );
  });

  test('the amount is monotone non-increasing in family income', () => {
    fc.assert(
      fc.property(caseArb, (c) => amountFor(c, c.income + c.more).amountTiyn <= amountFor(c, c.income).amountTiyn),
    );
  });
});
