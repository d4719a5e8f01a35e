/**
 * The complaint stream's events as the domain sees them: the complaint facts of contracts/complaints plus the
 * shared deadline facts (domain/shared/deadlines.ts).
 */
import type { ComplaintEventData } from '../../contracts/complaints/events';
import type { DeadlineEvent } from '../shared/deadlines';

export type ComplaintFactName =
  | 'ComplaintLodged'
  | 'ComplaintRegistered'
  | 'ComplaintSatisfied'
  | 'ComplaintForwarded'
  | 'ComplaintDecided'
  | 'ComplaintWithdrawn';
type Fact<N extends ComplaintFactName> = { type: N; data: ComplaintEventData<N> };

export type ComplaintFact =
  | Fact<'ComplaintLodged'>
  | Fact<'ComplaintRegistered'>
  | Fact<'ComplaintSatisfied'>
  | Fact<'ComplaintForwarded'>
  | Fact<'ComplaintDecided'>
  | Fact<'ComplaintWithdrawn'>;

export type ComplaintDomainEvent = ComplaintFact | DeadlineEvent;

/** Deadline ids of the complaint stream. */
export const COMPLAINT_DEADLINES = {
  /** Rules §14: forward with the administrative case file within 3 working days of receipt. */
  forward: 'forward',
  /** Rules §14: the window in which full satisfaction replaces forwarding. */
  satisfy: 'satisfy',
  /** Rules §13: the complaint is reviewed within 5 (provider) / 15 (quality authority) working days of registration. */
  review: 'review',
} as const;
