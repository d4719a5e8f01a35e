/**
 * The amount of housing assistance: housing expenses within the norms minus the maximum allowable share of family
 * income, never below zero (parameter data — the share and the norms are regional, see parameters/README.md).
 *
 * Norms, applied per expense kind:
 * - area-charged kinds (maintenance, capital repair, rent, and utilities whose norm basis is `area`, e.g. heating) are
 *   covered for the norm area only: amount × min(1, norm area / actual area); the norm area is the per-person norm ×
 *   family size, or the single-person norm for a family of one;
 * - metered utilities with a per-person norm are covered up to the norm volume: amount × min(1, norm volume / quantity);
 * - rent and communication are further capped per month (the cap applies to the kind's total, not to each line).
 * Each proration rounds down to the tiyn (the state never covers more than the norm); the allowable share of income
 * rounds half up. All of it in integers.
 */
import type {
  AmountCalculationData,
  ExpenseCalculationLineData,
  IncomeCalculationData,
} from '../../contracts/housing-assistance/calculation';
import type { ExpenseLineData } from '../../contracts/housing-assistance/commands';
import type { ParameterEditionData } from '../../contracts/housing-assistance/parameters';
import { formatThousandths, mulDivFloor, mulDivRoundHalfUp, toHundredths, toThousandths } from './exact';

export interface AmountInput {
  familySize: number;
  /** Thousandths of m². */
  actualAreaThousandths: number;
  expenses: readonly ExpenseLineData[];
  income: IncomeCalculationData;
  parameters: ParameterEditionData;
}

function mustScale(value: number, what: string): number {
  const q = toThousandths(value);
  if (q === null)
    throw new RangeError(`${what}: ${value} is not a non-negative decimal with at most 3 fraction digits`);
  return q;
}

export function normAreaThousandths(familySize: number, parameters: ParameterEditionData): number {
  return familySize === 1
    ? mustScale(parameters.areaNorm.singlePersonM2, 'single-person area norm')
    : familySize * mustScale(parameters.areaNorm.perPersonM2, 'per-person area norm');
}

/** The maximum allowable share of family income: counted income per month × share, rounded half up to the tiyn. */
export function maxAllowableShareTiyn(income: IncomeCalculationData, sharePercent: number): number {
  const shareHundredths = toHundredths(sharePercent);
  if (shareHundredths === null) throw new RangeError(`Share ${sharePercent}% has more than 2 decimals`);
  // countedTotal / months × share% = countedTotal × shareHundredths / (months × 10 000)
  return mulDivRoundHalfUp(income.countedTotalTiyn, shareHundredths, income.months * 10_000);
}

export function calculateAmount(input: AmountInput): AmountCalculationData {
  const { familySize, actualAreaThousandths: actual, parameters } = input;
  if (!Number.isInteger(familySize) || familySize < 1) throw new RangeError('Family size must be a positive integer');
  const normArea = normAreaThousandths(familySize, parameters);
  const byArea = (amount: number) => (actual <= normArea ? amount : mulDivFloor(amount, normArea, actual));
  const areaNote =
    actual <= normArea
      ? `area ${formatThousandths(actual)} m² within the norm ${formatThousandths(normArea)} m²`
      : `area ${formatThousandths(actual)} m² → norm ${formatThousandths(normArea)} m²`;
  let rentCapLeft = parameters.rentCapTiyn;
  let communicationCapLeft = parameters.communicationCapTiyn;

  const lines: ExpenseCalculationLineData[] = input.expenses.map((e) => {
    switch (e.kind) {
      case 'maintenance':
      case 'capital-repair':
        return { kind: e.kind, claimedTiyn: e.amountTiyn, allowedTiyn: byArea(e.amountTiyn), norm: areaNote };
      case 'rent': {
        const prorated = byArea(e.amountTiyn);
        const allowed = Math.min(prorated, rentCapLeft);
        rentCapLeft -= allowed;
        return {
          kind: e.kind,
          claimedTiyn: e.amountTiyn,
          allowedTiyn: allowed,
          norm: `${areaNote}; rent cap ${parameters.rentCapTiyn} tiyn/month`,
        };
      }
      case 'communication': {
        const allowed = Math.min(e.amountTiyn, communicationCapLeft);
        communicationCapLeft -= allowed;
        return {
          kind: e.kind,
          claimedTiyn: e.amountTiyn,
          allowedTiyn: allowed,
          norm: `cap ${parameters.communicationCapTiyn} tiyn/month`,
        };
      }
      case 'utility': {
        const norm = parameters.utilityNorms[e.utility];
        if (norm.basis === 'area')
          return {
            kind: e.kind,
            utility: e.utility,
            claimedTiyn: e.amountTiyn,
            allowedTiyn: byArea(e.amountTiyn),
            norm: areaNote,
          };
        const quantity = mustScale(e.quantity, `${e.utility} quantity`);
        const normVolume = familySize * mustScale(norm.perPersonMonthly, `${e.utility} norm`);
        const allowed = quantity <= normVolume ? e.amountTiyn : mulDivFloor(e.amountTiyn, normVolume, quantity);
        return {
          kind: e.kind,
          utility: e.utility,
          claimedTiyn: e.amountTiyn,
          allowedTiyn: allowed,
          norm: `${formatThousandths(quantity)} ${norm.unit} ${quantity <= normVolume ? 'within' : '→'} norm ${formatThousandths(normVolume)} ${norm.unit} (${familySize} × ${norm.perPersonMonthly})`,
        };
      }
    }
  });

  const claimed = lines.reduce((s, l) => s + l.claimedTiyn, 0);
  const allowed = lines.reduce((s, l) => s + l.allowedTiyn, 0);
  const share = maxAllowableShareTiyn(input.income, parameters.maxSharePercent);
  return {
    income: input.income,
    familySize,
    normAreaM2: formatThousandths(normArea),
    actualAreaM2: formatThousandths(actual),
    expenses: lines,
    claimedExpensesTiyn: claimed,
    allowedExpensesTiyn: allowed,
    maxSharePercent: parameters.maxSharePercent,
    maxAllowableShareTiyn: share,
    amountTiyn: Math.max(0, allowed - share),
  };
}
