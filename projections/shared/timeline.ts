/**
 * A generic timeline projection: one document per STEP of a case — when (occurredAt, recordedAt), who
 * (role and masked identity; never names or IINs in clear), what (event type and a human summary), which rule, the
 * signature data if any (signer as initials), and for deadline steps the deadline's due date and whether it was met.
 *
 * One document per step (not one per case): an event appends one small row instead of rewriting a growing document
 * (a long case would rewrite its whole history on every event), and a rebuild writes each step once. A case's
 * timeline, read by the stream-name index, is
 *   find(collection, { where: { streamName }, limit: 1000 })   (ordered by id: the log position, i.e. revision order)
 * joined with the case's deadlines (deadlines read model, `where: { streamName }`) by `assembleTimeline`.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { SignatureData } from '../../domain/shared/decider';
import type { Projection, ReadDoc } from '../projection';
import { stepDeadlineOf, type StepDeadline } from './case-deadline';
import type { DeadlineView } from './deadlines';
import { initialsOf, maskIdentity } from './identity';

export interface TimelineSignature {
  signer: string;
  certificateSerial: string;
  signedAt: string;
  algorithm: string;
}

export interface TimelineStep {
  revision: number;
  position: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { roles: string[]; id: string; providerId?: string };
  summary: string;
  rule: string | null;
  regulationVersion: string;
  signatures?: TimelineSignature[];
  /**
   * For deadline events: the deadline this step is about, as every service's timeline gives it (StepDeadline), and
   * the older `met` / `late` (deprecated for `state`, docs/HTTP-CONTRACT.md "Deprecated fields").
   */
  deadline?: StepDeadline & { met: boolean | null; late?: boolean };
}

export interface TimelineStepDoc extends ReadDoc, TimelineStep {
  streamName: string;
  caseId: string;
}

/** What a timeline query answers: the steps in order and every deadline with its due date and whether it was met. */
export interface Timeline {
  caseId: string;
  streamName: string;
  steps: TimelineStep[];
  deadlines: (DeadlineView & { met: boolean | null })[];
}

export interface TimelineSpec {
  name: string;
  version: number;
  collection: string;
  streamPrefix: string;
  /** A human one-liner for an event: must not contain names or IINs (PII stays in the event store). */
  summarize(event: RecordedEvent): string;
}

/** Signatures anywhere at the top level of the event data (`signature`, `applicantSignature`, `delivery.signature`). */
export function signaturesOf(data: unknown): TimelineSignature[] {
  const found: TimelineSignature[] = [];
  collectSignatures(data, 0, found);
  return found;
}

// A plain recursive walk (no closure, no Object.values arrays): it runs on every event of a rebuild.
function collectSignatures(value: unknown, depth: number, found: TimelineSignature[]): void {
  if (!value || typeof value !== 'object' || depth > 3) return;
  if (Array.isArray(value)) {
    for (const v of value) collectSignatures(v, depth + 1, found);
    return;
  }
  const v = value as Record<string, unknown>;
  if (typeof v.certificateSerial === 'string' && typeof v.signedAt === 'string' && typeof v.signer === 'string') {
    const s = v as unknown as SignatureData;
    found.push({
      signer: initialsOf(s.signer),
      certificateSerial: s.certificateSerial,
      signedAt: s.signedAt,
      algorithm: s.algorithm,
    });
    return;
  }
  for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key)) collectSignatures(v[key], depth + 1, found);
}

const ruleOf = (data: unknown): string | null => {
  const rule = (data as { rule?: unknown } | null)?.rule;
  return typeof rule === 'string' ? rule : null;
};

/** The deadline facts of a step (from the event alone: each step document is written once). */
function deadlineOfStep(event: RecordedEvent): TimelineStep['deadline'] {
  const step = stepDeadlineOf(event);
  if (!step) return undefined;
  // One deadline rule (./deadlines.ts): a step taken after its due date did not meet the deadline.
  if (event.type === 'DeadlineSatisfied') return { ...step, met: step.state === 'met', late: step.state === 'missed' };
  return { ...step, met: event.type === 'DeadlineMissed' ? false : null };
}

export function timelineStep(event: RecordedEvent, summary: string): TimelineStep {
  const { actor } = event.metadata;
  const data = event.data;
  // Fixed literal shapes, optional fields set afterwards (no conditional spreads: the rebuild runs this per event).
  const who: TimelineStep['actor'] = { roles: actor.roles.slice(), id: maskIdentity(actor.sub) };
  if (actor.providerId) who.providerId = actor.providerId;
  const step: TimelineStep = {
    revision: event.revision,
    position: event.position,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    actor: who,
    summary,
    rule:
      ruleOf(data) ?? (event.type === 'DeadlineSet' ? (data as { deadline: { rule: string } }).deadline.rule : null),
    regulationVersion: event.metadata.regulationVersion,
  };
  const signatures = signaturesOf(data);
  if (signatures.length > 0) step.signatures = signatures;
  const deadline = deadlineOfStep(event);
  if (deadline) step.deadline = deadline;
  return step;
}

/**
 * A step's id: its event's log position, zero-padded, so ids sort in log order — in revision order within a stream —
 * and a rebuild appends to the id index instead of inserting into it at random (ids by stream name had every flush
 * rewrite most of that index).
 */
export const timelineStepId = (event: Pick<RecordedEvent, 'position'>) => String(event.position).padStart(20, '0');

export function timelineProjection(spec: TimelineSpec): Projection<TimelineStepDoc> {
  return {
    name: spec.name,
    version: spec.version,
    collection: spec.collection,
    // A case's steps: `where: { streamName }`, in id (log) order. A rebuild builds this index once, at its switch.
    indexes: [{ field: 'streamName' }],
    streamPrefixes: [spec.streamPrefix],
    // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
    streamLocal: true,
    keysOf: (event) => [timelineStepId(event)],
    evolve: (doc, event, key) => {
      if (doc) return doc; // a step is written once; a replay changes nothing
      const step = timelineStep(event, spec.summarize(event)) as TimelineStepDoc;
      step.id = key;
      step.streamName = event.streamName;
      step.caseId = event.streamName.slice(spec.streamPrefix.length);
      return step;
    },
  };
}

/** A case's timeline from its step documents and its deadline documents (pure; the API does the two queries). */
export function assembleTimeline(
  streamName: string,
  streamPrefix: string,
  steps: readonly TimelineStepDoc[],
  deadlines: readonly DeadlineView[],
): Timeline {
  return {
    caseId: streamName.slice(streamPrefix.length),
    streamName,
    steps: [...steps]
      .sort((a, b) => a.revision - b.revision)
      .map(({ id: _id, streamName: _s, caseId: _c, ...step }) => step),
    deadlines: [...deadlines]
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
      .map((d) => ({ ...d, met: d.state === 'met' ? true : d.state === 'missed' ? false : null })),
  };
}
