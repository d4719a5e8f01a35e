/**
 * The regulation as data (docs/REGULATION.md). A case pins the version in force on its registration date, so a later
 * edition never changes an open case's deadlines.
 */
import type { LocalDate } from '../calendar/types';

export type ServiceCode = 'privatization' | 'housing-assistance' | 'complaints';

/** Identifiers of the terms of docs/REGULATION.md "Terms"; each has a citation in the version's data. */
export type TermId =
  | 'privatization.decision' // Annex 1 item 3.1–3.3: stages 1–2, 30 calendar days from submission
  | 'privatization.contract' // Annex 1 item 3: contract within 5 working days
  | 'privatization.track2.transfer' // Annex 1 item 3.2 / Rules §9.2: 15 calendar days from the decision
  | 'privatization.track3.transfer' // Annex 1 item 3.3: 30 calendar days from the decision
  | 'privatization.track3.propertyBodyDecision' // Annex 1 item 3.3: 15 calendar days from the commission's decision
  | 'privatization.track3.actAndRegistration' // Annex 1 item 3.3: 15 calendar days from the decisions on the dwelling
  | 'privatization.payment' // Annex 1 item 6: 30 calendar days after an electronic contract
  | 'privatization.hearing.noticeBeforeDeadline' // Rules §10: notice ≥ 3 working days before the service deadline ends
  | 'privatization.hearing.afterNotice' // Rules §10: hearing ≤ 2 working days after the notice
  | 'complaints.provider' // Rules §13: 5 working days from registration
  | 'complaints.qualityAuthority' // Rules §13: 15 working days from registration
  | 'complaints.forward' // Rules §14: forward within 3 working days of receipt
  | 'complaints.satisfy' // Rules §14: full satisfaction within those 3 working days
  | 'housingAssistance.decision' // HA Rules §13: 6 working days from acceptance of the complete set
  | 'regulation.notifyOperators'; // Rules §12: 3 working days from approval

export interface Term {
  id: TermId;
  unit: 'working-days' | 'calendar-days';
  days: number;
  /** Citation, e.g. `Annex 1 item 3.1`, `Rules §10`. */
  rule: string;
  description: string;
  /**
   * `after` (default): the term runs forward from the day after its trigger. `before`: the due date is the latest
   * working day at least `days` working days before the reference date (Rules §10 hearing notice).
   */
  direction?: 'after' | 'before';
}

export interface RegulationVersion {
  /** e.g. `order-115-2025` */
  id: string;
  title: string;
  order: { number: string; signedOn: LocalDate; registrationNumber: string; registeredOn: LocalDate };
  replaces?: string;
  /** First official publication (data, with its source). */
  publishedOn: LocalDate;
  publicationSource: string;
  /** publishedOn + 10 calendar days (order §5). */
  effectiveFrom: LocalDate;
  effectiveUntil?: LocalDate;
  terms: Record<TermId, Term>;
}

export interface RegulationRegistry {
  versionInForce(date: LocalDate): RegulationVersion;
  byId(id: string): RegulationVersion;
  all(): readonly RegulationVersion[];
}
