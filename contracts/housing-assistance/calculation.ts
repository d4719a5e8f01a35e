/**
 * The calculation recorded with an assignment: what income was counted, what was excluded and why (HA Rules §24.19),
 * which expenses were within the norms, and the amount. Stored in the event so the decision can be audited later
 * without re-running code.
 */
import { Type, type Static } from '@sinclair/typebox';
import { INCOME_KIND_CODES } from './income-kinds';
import { UTILITY_KINDS } from './commands';
import { Iin, Month, Tiyn } from './primitives';

const closed = { additionalProperties: false } as const;
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const IncomeCalculationLine = Type.Object(
  {
    memberIin: Iin,
    kind: literals(INCOME_KIND_CODES),
    period: Type.Object({ from: Month, to: Month }, closed),
    amountTiyn: Tiyn,
    counted: Type.Boolean(),
    /** On excluded lines: the rule and why. */
    exclusion: Type.Optional(Type.Object({ rule: Type.String(), citation: Type.String() }, closed)),
  },
  closed,
);

export const IncomeCalculation = Type.Object(
  {
    period: Type.Object({ from: Month, to: Month }, closed),
    months: Type.Integer({ minimum: 1 }),
    lines: Type.Array(IncomeCalculationLine),
    countedTotalTiyn: Tiyn,
    excludedTotalTiyn: Tiyn,
    /** countedTotal / months, rounded down to the tiyn (display; the amount uses the exact total). */
    averageMonthlyIncomeTiyn: Tiyn,
  },
  closed,
);

export const ExpenseCalculationLine = Type.Object(
  {
    kind: literals(['maintenance', 'capital-repair', 'utility', 'communication', 'rent'] as const),
    utility: Type.Optional(literals(UTILITY_KINDS)),
    claimedTiyn: Tiyn,
    allowedTiyn: Tiyn,
    /** How the norm applied, in words (e.g. `area 54.000 m² → norm 36.000 m²`). */
    norm: Type.String(),
  },
  closed,
);

export const AmountCalculation = Type.Object(
  {
    income: IncomeCalculation,
    familySize: Type.Integer({ minimum: 1 }),
    normAreaM2: Type.String(),
    actualAreaM2: Type.String(),
    expenses: Type.Array(ExpenseCalculationLine),
    claimedExpensesTiyn: Tiyn,
    allowedExpensesTiyn: Tiyn,
    maxSharePercent: Type.Number(),
    maxAllowableShareTiyn: Tiyn,
    amountTiyn: Tiyn,
  },
  closed,
);

export type IncomeCalculationData = Static<typeof IncomeCalculation>;
export type IncomeCalculationLineData = Static<typeof IncomeCalculationLine>;
export type ExpenseCalculationLineData = Static<typeof ExpenseCalculationLine>;
export type AmountCalculationData = Static<typeof AmountCalculation>;
