/**
 * Citations used by the housing assistance service. The seed regulation (order No. 115) amends only HA Rules §13
 * and §24 sub-para 19; where a rule of the service is not in the seed, the citation says so instead of inventing a
 * paragraph number.
 */
export const HA_DECISION_RULE = 'HA Rules §13';
export const HA_INCOME_EXCLUSION_RULE = 'HA Rules §24.19';
/** Registration on the day of arrival, or the next working day after hours (Rules §5, applied to this service). */
export const HA_REGISTRATION_RULE = 'Rules §5';
export const HA_CONSENT_RULE = 'HA Rules (consent of every adult family member; not in the seed — cf. Rules §8)';
export const HA_ELIGIBLE_DWELLING_RULE =
  'HA Rules (the family’s only dwelling, or a rented state or akimat-leased one; not in the seed)';
export const HA_AMOUNT_RULE =
  'HA Rules (amount = expenses within the norms − the maximum allowable share of income; not in the seed)';
export const HA_PARAMETERS_RULE = 'HA Rules (regional share and norms: parameter data, not in the seed)';
export const HA_INCOME_RULE = 'HA Rules §24 (family income)';
export const HA_WITHDRAWAL_RULE = 'HA Rules (withdrawal by the applicant before the decision; not in the seed)';
