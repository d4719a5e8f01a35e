/**
 * The administrative case file (Rules §14: the provider sends the complaint "with the administrative case file" to
 * the complaint-review body): the case's timeline, its decisions and signatures, the compliance report, the result of
 * the hash-chain verification with each chain's head, and the regulation version. Pure: built from recorded events,
 * the folded state, the verification results and the calendar; the clock is injected (`generatedAt`).
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import type { LocalDate, WorkingCalendar } from '../../../domain/calendar/types';
import { complaintTimelineEntry } from '../../../projections/complaints/timeline-entry';
import { complianceReport, type ComplianceReport, type StreamEvents } from './compliance';
import { hasComplaintSummary, isDecisionEvent } from './decisions';

export interface ChainCheck {
  streamName: string;
  valid: boolean;
  checked: number;
  /** Revision and hash of the last event: the chain head the file was built on. */
  headRevision: number;
  headHash: string | null;
  firstBroken?: { revision: number; reason: string; expected: string; actual: string };
}

export interface FileTimelineEntry {
  position: number;
  streamName: string;
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { sub: string; roles: readonly string[] };
  rule?: string;
  summary: string;
  regulationVersion: string;
}

export interface FileSignature {
  position: number;
  eventType: string;
  /** JSON pointer of the signature inside the event data. */
  path: string;
  signer: string;
  certificateSerial: string;
  signedAt: string;
  algorithm: string;
}

export interface CaseFileComplaint {
  complaintId: string;
  status: string;
  addressee: string;
  receivedOn?: string;
  registeredOn?: string;
  outcome?: string;
  reasons?: string;
}

export interface AdministrativeCaseFile {
  kind: 'administrative-case-file';
  rule: 'Rules §14';
  service: string;
  caseId: string;
  generatedAt: string;
  asOfDate: LocalDate;
  regulationVersions: string[];
  /** The case's state folded from its stream by the service's own `evolve`. */
  state: unknown;
  timeline: FileTimelineEntry[];
  decisions: FileTimelineEntry[];
  signatures: FileSignature[];
  complaints: CaseFileComplaint[];
  complianceReport: ComplianceReport;
  integrity: { allValid: boolean; streams: ChainCheck[] };
}

function ruleOf(data: unknown): string | undefined {
  const d = (data ?? {}) as { rule?: unknown; deadline?: { rule?: unknown } };
  const rule = d.rule ?? d.deadline?.rule;
  return typeof rule === 'string' ? rule : undefined;
}

function entryOf(e: RecordedEvent): FileTimelineEntry {
  const described = hasComplaintSummary(e) ? complaintTimelineEntry(e).summary : e.type;
  const rule = ruleOf(e.data);
  return {
    position: e.position,
    streamName: e.streamName,
    revision: e.revision,
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.metadata.recordedAt,
    actor: { sub: e.metadata.actor.sub, roles: e.metadata.actor.roles },
    ...(rule ? { rule } : {}),
    summary: described === e.type ? `${humanize(e.type)}${details(e.data)}` : described,
    regulationVersion: e.metadata.regulationVersion,
  };
}

/** Dates, numbers and outcomes a reader of the file looks for first. */
const DETAIL_KEYS = [
  'registeredOn',
  'decidedOn',
  'decisionNumber',
  'outcome',
  'issuedOn',
  'contractNumber',
  'withdrawnOn',
];
function details(data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>;
  const parts = DETAIL_KEYS.filter((k) => typeof d[k] === 'string').map((k) => `${k} ${String(d[k])}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

const humanize = (type: string) => type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

const isSignature = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && 'signer' in v && 'certificateSerial' in v && 'value' in v && 'algorithm' in v;

export function signaturesIn(e: RecordedEvent): FileSignature[] {
  const found: FileSignature[] = [];
  const walk = (v: unknown, path: string) => {
    if (isSignature(v)) {
      found.push({
        position: e.position,
        eventType: e.type,
        path: path || '/',
        signer: String(v.signer),
        certificateSerial: String(v.certificateSerial),
        signedAt: String(v.signedAt),
        algorithm: String(v.algorithm),
      });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}/${i}`));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, `${path}/${k}`);
  };
  walk(e.data, '');
  return found;
}

function complaintSummary(events: readonly RecordedEvent[]): CaseFileComplaint | null {
  let c: CaseFileComplaint | null = null;
  for (const e of events) {
    const d = (e.data ?? {}) as Record<string, string>;
    if (e.type === 'ComplaintLodged')
      c = { complaintId: d.complaintId!, status: 'lodged', addressee: d.addressee!, receivedOn: d.receivedOn };
    if (!c) continue;
    if (e.type === 'ComplaintRegistered') c = { ...c, status: 'registered', registeredOn: d.registeredOn };
    if (e.type === 'ComplaintForwarded') c = { ...c, status: 'forwarded' };
    if (e.type === 'ComplaintSatisfied') c = { ...c, status: 'satisfied', outcome: 'satisfied-by-provider' };
    if (e.type === 'ComplaintDecided') c = { ...c, status: 'decided', outcome: d.outcome, reasons: d.reasons };
    if (e.type === 'ComplaintWithdrawn') c = { ...c, status: 'withdrawn' };
  }
  return c;
}

export interface CaseFileInput {
  service: string;
  caseId: string;
  caseStreamName: string;
  caseEvents: readonly RecordedEvent[];
  state: unknown;
  /** Each complaint stream about the case, with its events. */
  complaintStreams: readonly { streamName: string; complaintId: string; events: readonly RecordedEvent[] }[];
  chainChecks: readonly ChainCheck[];
  calendar: WorkingCalendar;
  generatedAt: string;
}

export function buildCaseFile(input: CaseFileInput): AdministrativeCaseFile {
  const all = [...input.caseEvents, ...input.complaintStreams.flatMap((c) => c.events)].sort(
    (a, b) => a.position - b.position,
  );
  const timeline = all.map(entryOf);
  const streams: StreamEvents[] = [
    { streamName: input.caseStreamName, subject: 'case', events: input.caseEvents },
    ...input.complaintStreams.map((c) => ({
      streamName: c.streamName,
      subject: { complaintId: c.complaintId },
      events: c.events,
    })),
  ];
  const asOfDate = input.calendar.localDate(input.generatedAt);
  return {
    kind: 'administrative-case-file',
    rule: 'Rules §14',
    service: input.service,
    caseId: input.caseId,
    generatedAt: input.generatedAt,
    asOfDate,
    regulationVersions: [...new Set(all.map((e) => e.metadata.regulationVersion).filter(Boolean))],
    state: input.state,
    timeline,
    decisions: timeline.filter(isDecisionEvent),
    signatures: all.flatMap(signaturesIn),
    complaints: input.complaintStreams
      .map((c) => complaintSummary(c.events))
      .filter((c): c is CaseFileComplaint => c !== null),
    complianceReport: complianceReport(streams, input.calendar, asOfDate),
    integrity: { allValid: input.chainChecks.every((c) => c.valid), streams: [...input.chainChecks] },
  };
}
