/**
 * A generic timeline projection (issue #5): one document per case with every step — when (occurredAt, recordedAt),
 * who (role and masked identity; never names or IINs in clear), what (event type and a human summary), which rule,
 * the signature data if any (signer as initials), and for each deadline its due date and whether it was met.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { SignatureData } from '../../domain/shared/decider';
import type { Projection, ReadDoc } from '../projection';
import { deadlineIdOf, evolveDeadlines, type DeadlineView } from './deadlines';
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
  /** For deadline events: the deadline as it stands after this step. */
  deadline?: { deadlineId: string; dueOn: string; state: string; met: boolean | null; late?: boolean };
}

export interface TimelineDoc extends ReadDoc {
  caseId: string;
  streamName: string;
  steps: TimelineStep[];
  deadlines: DeadlineView[];
  revision: number;
  lastPosition: number;
  updatedAt: string;
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
  const found: SignatureData[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 3) return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const v = value as Record<string, unknown>;
    if (typeof v.certificateSerial === 'string' && typeof v.signedAt === 'string' && typeof v.signer === 'string') {
      found.push(v as unknown as SignatureData);
      return;
    }
    for (const child of Object.values(v)) visit(child, depth + 1);
  };
  visit(data, 0);
  return found.map((s) => ({
    signer: initialsOf(s.signer),
    certificateSerial: s.certificateSerial,
    signedAt: s.signedAt,
    algorithm: s.algorithm,
  }));
}

const ruleOf = (data: unknown): string | null => {
  const rule = (data as { rule?: unknown } | null)?.rule;
  return typeof rule === 'string' ? rule : null;
};

export function timelineStep(event: RecordedEvent, summary: string, deadlines: readonly DeadlineView[]): TimelineStep {
  const { actor } = event.metadata;
  const step: TimelineStep = {
    revision: event.revision,
    position: event.position,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    actor: {
      roles: [...actor.roles],
      id: maskIdentity(actor.sub),
      ...(actor.providerId ? { providerId: actor.providerId } : {}),
    },
    summary,
    rule:
      ruleOf(event.data) ??
      (event.type === 'DeadlineSet' ? (event.data as { deadline: { rule: string } }).deadline.rule : null),
    regulationVersion: event.metadata.regulationVersion,
  };
  const signatures = signaturesOf(event.data);
  if (signatures.length > 0) step.signatures = signatures;
  const id = deadlineIdOf(event);
  const d = id === undefined ? undefined : deadlines.find((x) => x.deadlineId === id);
  if (d) {
    step.deadline = {
      deadlineId: d.deadlineId,
      dueOn: d.dueOn,
      state: d.state,
      met: d.state === 'met' ? true : d.state === 'missed' ? false : null,
      ...(d.late !== undefined ? { late: d.late } : {}),
    };
  }
  return step;
}

export function timelineProjection(spec: TimelineSpec): Projection<TimelineDoc> {
  return {
    name: spec.name,
    version: spec.version,
    collection: spec.collection,
    indexes: [{ field: 'updatedAt' }],
    streamPrefixes: [spec.streamPrefix],
    keysOf: (event) => [event.streamName],
    evolve: (doc, event, key) => {
      if (doc && event.revision <= doc.revision) return doc; // idempotent replay
      const deadlines = evolveDeadlines(doc?.deadlines ?? [], event);
      return {
        id: key,
        caseId: key.slice(spec.streamPrefix.length),
        streamName: key,
        steps: [...(doc?.steps ?? []), timelineStep(event, spec.summarize(event), deadlines)],
        deadlines,
        revision: event.revision,
        lastPosition: event.position,
        updatedAt: event.metadata.recordedAt,
      };
    },
  };
}
