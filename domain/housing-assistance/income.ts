/**
 * Family income for the income period: every line is shown, counted or excluded, and an excluded line carries the
 * rule and the words that exclude it (HA Rules §24.19: in-kind assistance is not income).
 */
import type { IncomeCalculationData, IncomeCalculationLineData } from '../../contracts/housing-assistance/calculation';
import type { IncomeLineData } from '../../contracts/housing-assistance/commands';
import { incomeKindInfo } from '../../contracts/housing-assistance/income-kinds';

export interface MonthPeriod {
  from: string;
  to: string;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Whole months in the period, both ends included; 0 when `to` is before `from`. */
export function monthsIn(period: MonthPeriod): number {
  return Math.max(0, monthIndex(period.to) - monthIndex(period.from) + 1);
}

export function periodWithin(inner: MonthPeriod, outer: MonthPeriod): boolean {
  return inner.from <= inner.to && inner.from >= outer.from && inner.to <= outer.to;
}

export function calculateFamilyIncome(period: MonthPeriod, incomes: readonly IncomeLineData[]): IncomeCalculationData {
  const months = monthsIn(period);
  if (months < 1) throw new RangeError(`Income period ${period.from}..${period.to} is empty`);
  let countedTotalTiyn = 0;
  let excludedTotalTiyn = 0;
  const lines: IncomeCalculationLineData[] = incomes.map((line) => {
    const info = incomeKindInfo(line.kind);
    const base = {
      memberIin: line.memberIin,
      kind: line.kind,
      period: { ...line.period },
      amountTiyn: line.amountTiyn,
    };
    if (info.counted) {
      countedTotalTiyn += line.amountTiyn;
      return { ...base, counted: true };
    }
    excludedTotalTiyn += line.amountTiyn;
    return { ...base, counted: false, ...(info.exclusion ? { exclusion: { ...info.exclusion } } : {}) };
  });
  return {
    period: { ...period },
    months,
    lines,
    countedTotalTiyn,
    excludedTotalTiyn,
    averageMonthlyIncomeTiyn: Math.floor(countedTotalTiyn / months),
  };
}
