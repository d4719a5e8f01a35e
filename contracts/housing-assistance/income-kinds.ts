/**
 * Kinds of income recorded for a housing-assistance family (per member, kind and period).
 *
 * HA Rules §24 sub-paragraph 19 (as amended by order No. 115) lists in-kind assistance that is NOT counted as family
 * income; each of those kinds carries its citation here so that the calculation can say what was excluded and why.
 * The counted kinds are the ordinary incomes of a family; the list is closed (the schema enumerates it), so a new
 * kind is a contract change, never a free-text guess.
 */

export const HA_INCOME_EXCLUSION_RULE = 'HA Rules §24.19';

export interface IncomeKindInfo {
  kind: string;
  label: string;
  counted: boolean;
  /** Present on excluded kinds: the rule and the words of the rule that exclude it. */
  exclusion?: { rule: string; citation: string };
}

const excluded = <K extends string>(kind: K, label: string, citation: string): IncomeKindInfo & { kind: K } => ({
  kind,
  label,
  counted: false,
  exclusion: { rule: HA_INCOME_EXCLUSION_RULE, citation },
});

const counted = <K extends string>(kind: K, label: string): IncomeKindInfo & { kind: K } => ({
  kind,
  label,
  counted: true,
});

export const INCOME_KINDS = [
  // HA Rules §24.19: in-kind assistance given under the law, not counted as family income.
  excluded('in-kind-medicines', 'Medicines provided in kind', 'HA Rules §24.19: in-kind assistance — medicines'),
  excluded(
    'in-kind-sanatorium-treatment',
    'Sanatorium and spa treatment provided in kind',
    'HA Rules §24.19: in-kind assistance — sanatorium and spa treatment',
  ),
  excluded(
    'in-kind-prosthetic-orthopaedic',
    'Prosthetic and orthopaedic products (making and repair)',
    'HA Rules §24.19: in-kind assistance — prosthetic and orthopaedic products (making and repair)',
  ),
  excluded(
    'in-kind-disability-mobility-rehabilitation',
    'Wheelchairs and rehabilitation means for a person with disability',
    'HA Rules §24.19: in-kind assistance — mobility aids (wheelchairs) and rehabilitation means allocated to a person with disability',
  ),
  excluded(
    'in-kind-pupil-material-assistance',
    'Material assistance to pupils (Government Resolution No. 64 of 25 January 2008)',
    'HA Rules §24.19: material assistance to pupils and wards of general schools paid from at least 2% of the school budget (Government Resolution No. 64 of 25 January 2008)',
  ),
  excluded(
    'in-kind-child-1-to-6-monthly-additional-payment',
    'Assistance within the monthly additional payment for each child aged one to six inclusive',
    'HA Rules §24.19: assistance given within the monthly additional payment for each child from one to six years old inclusive',
  ),
  // Ordinary incomes: counted.
  counted('wages', 'Wages and salaries'),
  counted('pension', 'Pensions'),
  counted('state-benefit', 'State social benefits'),
  counted('disability-benefit', 'Disability benefit'),
  counted('child-benefit', 'Child benefit (cash)'),
  counted('unemployment-benefit', 'Unemployment benefit'),
  counted('scholarship', 'Scholarship (stipend)'),
  counted('entrepreneurial-income', 'Income from entrepreneurial activity'),
  counted('alimony', 'Alimony received'),
  counted('rental-income', 'Income from letting property'),
  counted('other-income', 'Other income'),
];

export type IncomeKind = (typeof INCOME_KINDS)[number]['kind'];

export const INCOME_KIND_CODES = INCOME_KINDS.map((k) => k.kind) as IncomeKind[];

const BY_KIND: ReadonlyMap<string, IncomeKindInfo> = new Map(INCOME_KINDS.map((k) => [k.kind, k]));

export function incomeKindInfo(kind: IncomeKind): IncomeKindInfo {
  const info = BY_KIND.get(kind);
  if (!info) throw new RangeError(`Unknown income kind: ${kind}`);
  return info;
}

/** The six in-kind kinds of HA Rules §24.19. */
export const EXCLUDED_INCOME_KINDS = INCOME_KINDS.filter((k) => !k.counted).map((k) => k.kind) as IncomeKind[];
