/**
 * The complaint view (collection `complaints`, one document per complaint): stage, the case it links, every
 * deadline with its due date and state, the outcome, and the complaint's own timeline. Indexed by `caseId`, so the
 * case routes find a case's complaints and merge them into the case view and timeline (see case-entries.ts).
 * Pure: "overdue" is computed at query time from `openDueOn` (the earliest due date still owed). Deadline states
 * follow the one rule of projections/shared/deadlines.ts (a step taken after its due date is `missed`).
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { COMPLAINT_STREAM_PREFIX } from '../../domain/complaints/stream';
import type { DeadlineState } from '../../domain/shared/deadlines';
import type { Projection, ReadDoc } from '../projection';
import { deadlineRecordSummary, evolveDeadlineRecord } from '../shared/deadlines';
import { complaintIdOf, complaintTimelineEntry, type ComplaintTimelineEntry } from './timeline-entry';

export interface ComplaintDeadlineView {
  deadlineId: string;
  termId: string;
  rule: string;
  description: string;
  triggeredOn: string;
  dueOn: string;
  state: DeadlineState;
  satisfiedOn?: string;
  missedOn?: string;
  late?: boolean;
  cancelledReason?: string;
}

export type ComplaintViewDoc = ReadDoc & {
  id: string;
  complaintId: string;
  caseId: string;
  service: string;
  providerId: string;
  addressee: string;
  status: string;
  /** Same as status (the generic list route filters on `stage`). */
  stage: string;
  /** The complainant's and the applicant's IINs: an applicant lists the complaints about their cases. */
  partyIins: string[];
  complainant: Record<string, unknown>;
  subject: Record<string, unknown>;
  grounds: string;
  receivedAt: string;
  receivedOn: string;
  registeredOn: string | null;
  registrationNumber: string | null;
  regulationVersion: string;
  outcome: string | null;
  reasons: string | null;
  reviewBody: Record<string, unknown> | null;
  closedOn: string | null;
  deadlines: Record<string, ComplaintDeadlineView>;
  /** Earliest due date still owed (open, or missed and not taken; null when none): `overdue` = openDueOn < today. */
  openDueOn: string | null;
  anyMissed: boolean;
  timeline: ComplaintTimelineEntry[];
  revision: number;
  lastPosition: number;
};

const STATUS_OF: Record<string, string> = {
  ComplaintRegistered: 'registered',
  ComplaintSatisfied: 'satisfied',
  ComplaintForwarded: 'forwarded',
  ComplaintDecided: 'decided',
  ComplaintWithdrawn: 'withdrawn',
};

function partyIinsOf(complainant: unknown): string[] {
  const c = (complainant ?? {}) as { iin?: unknown; applicantIin?: unknown };
  return [...new Set([c.iin, c.applicantIin].filter((x): x is string => typeof x === 'string'))];
}

function applyDeadline(doc: ComplaintViewDoc, e: RecordedEvent): ComplaintViewDoc {
  const deadlines = evolveDeadlineRecord<ComplaintDeadlineView>(doc.deadlines, e, (d) => ({
    deadlineId: d.deadlineId,
    termId: d.termId,
    rule: d.rule,
    description: d.description,
    triggeredOn: d.triggeredOn,
    dueOn: d.dueOn,
    state: 'open',
  }));
  return deadlines ? { ...doc, deadlines, ...deadlineRecordSummary(deadlines) } : doc;
}

export function evolveComplaintView(doc: ComplaintViewDoc | null, e: RecordedEvent): ComplaintViewDoc | null {
  const data = (e.data ?? {}) as Record<string, unknown>;
  if (e.type === 'ComplaintLodged' && !doc) {
    const base: ComplaintViewDoc = {
      id: String(data.complaintId),
      complaintId: String(data.complaintId),
      caseId: String(data.caseId),
      service: String(data.service),
      providerId: String(data.providerId),
      addressee: String(data.addressee),
      status: 'lodged',
      stage: 'lodged',
      partyIins: partyIinsOf(data.complainant),
      complainant: data.complainant as Record<string, unknown>,
      subject: data.subject as Record<string, unknown>,
      grounds: String(data.grounds),
      receivedAt: String(data.receivedAt),
      receivedOn: String(data.receivedOn),
      registeredOn: null,
      registrationNumber: null,
      regulationVersion: String(data.regulationVersion),
      outcome: null,
      reasons: null,
      reviewBody: null,
      closedOn: null,
      deadlines: {},
      openDueOn: null,
      anyMissed: false,
      timeline: [],
      revision: -1,
      lastPosition: 0,
    };
    doc = base;
  }
  if (!doc || e.position <= doc.lastPosition) return doc; // before the lodge, or a replayed event
  let next: ComplaintViewDoc = {
    ...doc,
    status: STATUS_OF[e.type] ?? doc.status,
    stage: STATUS_OF[e.type] ?? doc.status,
    timeline: [...doc.timeline, complaintTimelineEntry(e)],
    revision: e.revision,
    lastPosition: e.position,
  };
  switch (e.type) {
    case 'ComplaintRegistered':
      next = { ...next, registeredOn: String(data.registeredOn), registrationNumber: String(data.registrationNumber) };
      break;
    case 'ComplaintSatisfied':
      next = { ...next, closedOn: String(data.satisfiedOn), outcome: 'satisfied-by-provider' };
      break;
    case 'ComplaintForwarded':
      next = { ...next, reviewBody: data.reviewBody as Record<string, unknown> };
      break;
    case 'ComplaintDecided':
      next = {
        ...next,
        outcome: String(data.outcome),
        reasons: String(data.reasons),
        closedOn: String(data.decidedOn),
      };
      break;
    case 'ComplaintWithdrawn':
      next = { ...next, closedOn: String(data.withdrawnOn) };
      break;
    case 'DeadlineSet':
    case 'DeadlineSatisfied':
    case 'DeadlineMissed':
    case 'DeadlineCancelled':
      next = applyDeadline(next, e);
      break;
  }
  return next;
}

export const complaintViewProjection: Projection<ComplaintViewDoc> = {
  name: 'complaint-view',
  // 2: one deadline rule (projections/shared/deadlines.ts): a missed deadline not yet taken stays in openDueOn.
  version: 2,
  collection: 'complaints',
  indexes: [
    { field: 'caseId' },
    { field: 'providerId' },
    { field: 'status' },
    { field: 'stage' },
    { field: 'partyIins', multi: true },
    { field: 'addressee' },
    { field: 'service' },
    { field: 'receivedOn' },
    { field: 'openDueOn' },
    { field: 'anyMissed' },
  ],
  streamPrefixes: [COMPLAINT_STREAM_PREFIX],
  // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
  streamLocal: true,
  keysOf: (event) => [complaintIdOf(event.streamName)],
  evolve: (doc, event) => evolveComplaintView(doc, event),
};
