/**
 * Regulation versions as data (docs/REGULATION.md "The order"). The effective date is computed from the
 * publication date, which is itself data with its source.
 */
import { plusDays } from '../calendar/dates';
import type { LocalDate } from '../calendar/types';
import { ORDER_115_2025_ID, ORDER_115_PUBLICATION, ORDER_115_TERMS } from './data/order-115-2025';
import type { RegulationVersion } from './types';

/**
 * Order §5: "enters into force ten calendar days after the day of its first official publication". Per the seam
 * (`RegulationVersion.effectiveFrom`: publishedOn + 10 calendar days) kezen takes effectiveFrom = publishedOn + 10.
 * NOTE: the Kazakh text ("күнтізбелік он күн өткен соң" — after ten calendar days have passed) can also be read as
 * in force from publishedOn + 11; an operator who follows that reading overrides `effectiveFrom`.
 */
export const EFFECTIVE_AFTER_PUBLICATION_DAYS = 10;

export function effectiveFromPublication(publishedOn: LocalDate): LocalDate {
  return plusDays(publishedOn, EFFECTIVE_AFTER_PUBLICATION_DAYS);
}

export interface PublicationOverride {
  /** The confirmed date of first official publication. */
  publishedOn?: LocalDate;
  /** Where that date came from (required in spirit whenever publishedOn is overridden). */
  publicationSource?: string;
  /** Override the computed effective date outright (e.g. publishedOn + 11, see above). */
  effectiveFrom?: LocalDate;
}

/** Order No. 115 of 4 April 2025, with an optional confirmed publication date. */
export function order115Version(override: PublicationOverride = {}): RegulationVersion {
  const publishedOn = override.publishedOn ?? ORDER_115_PUBLICATION.publishedOn;
  const publicationSource =
    override.publicationSource ??
    (override.publishedOn ? 'operator override (source not given)' : ORDER_115_PUBLICATION.publicationSource);
  return {
    id: ORDER_115_2025_ID,
    title:
      'Rules for the state service "Privatization of dwellings from the state housing fund" (new edition) and HA Rules §13, §24 sub-para 19',
    order: { number: '115', signedOn: '2025-04-04', registrationNumber: '35943', registeredOn: '2025-04-04' },
    replaces: 'order No. 437 of 12 August 2021 (registry No. 23983)',
    publishedOn,
    publicationSource,
    effectiveFrom: override.effectiveFrom ?? effectiveFromPublication(publishedOn),
    terms: ORDER_115_TERMS,
  };
}
