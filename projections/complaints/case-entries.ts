/**
 * Complaints in the case view and the case timeline: a case's complaints are part of its history.
 * The complaint view is indexed by `caseId`; the case routes find a case's complaints with
 * `readStore.find('complaints', { where: { caseId } })` and merge them with these pure functions.
 */
import type { CaseDeadline } from '../shared/case-deadline';
import type { ComplaintViewDoc } from './complaint-view';
import type { ComplaintTimelineEntry } from './timeline-entry';

/** What the case view shows of each complaint (the complaint's own view has the rest; `href` links it). */
export interface CaseComplaintSummary {
  complaintId: string;
  href: string;
  status: string;
  addressee: string;
  receivedOn: string;
  registrationDate: string | null;
  /** Deprecated for `registrationDate`. */
  registeredOn: string | null;
  outcome: string | null;
  openDueOn: string | null;
  anyMissed: boolean;
  /** The complaint's deadlines in the shape of every case view's. */
  dueDates: CaseDeadline[];
  /** Deprecated for `dueDates`. */
  deadlines: { deadlineId: string; rule: string; dueOn: string; state: string }[];
}

export function complaintsForCaseView(docs: readonly ComplaintViewDoc[]): CaseComplaintSummary[] {
  return [...docs]
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id))
    .map((d) => ({
      complaintId: d.complaintId,
      href: `/v1/complaints/${d.complaintId}`,
      status: d.status,
      addressee: d.addressee,
      receivedOn: d.receivedOn,
      registrationDate: d.registrationDate,
      registeredOn: d.registeredOn,
      outcome: d.outcome,
      openDueOn: d.openDueOn,
      anyMissed: d.anyMissed,
      dueDates: d.dueDates,
      deadlines: Object.values(d.deadlines).map(({ deadlineId, rule, dueOn, state }) => ({
        deadlineId,
        rule,
        dueOn,
        state,
      })),
    }));
}

/** A case timeline entry as the case routes give it; only `position` is needed to merge. */
export interface PositionedEntry {
  position: number;
}

export type MergedTimelineEntry<T extends PositionedEntry> =
  (T & { source: 'case' }) | (ComplaintTimelineEntry & { source: 'complaint' });

/** The case's own entries and its complaints' entries in log order (global position). */
export function mergeCaseTimeline<T extends PositionedEntry>(
  caseEntries: readonly T[],
  complaints: readonly ComplaintViewDoc[],
): MergedTimelineEntry<T>[] {
  const merged: MergedTimelineEntry<T>[] = [
    ...caseEntries.map((e) => ({ ...e, source: 'case' as const })),
    ...complaints.flatMap((c) => c.timeline.map((e) => ({ ...e, source: 'complaint' as const }))),
  ];
  return merged.sort((a, b) => a.position - b.position);
}
