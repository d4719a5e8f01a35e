/**
 * One line of a timeline for a complaint event: what happened, when, by whom, on which rule. Used by the complaint
 * view and merged into the case timeline (complaints appear in the case's history).
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { COMPLAINT_STREAM_PREFIX } from '../../domain/complaints/stream';

export interface ComplaintTimelineEntry {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  complaintId: string;
  occurredAt: string;
  recordedAt: string;
  /** The actor's subject and roles (no names: the timeline may be shown to roles that do not need them). */
  actor: { sub: string; roles: readonly string[] };
  summary: string;
  rule?: string;
}

export const complaintIdOf = (streamName: string) =>
  streamName.startsWith(COMPLAINT_STREAM_PREFIX) ? streamName.slice(COMPLAINT_STREAM_PREFIX.length) : streamName;

/** Never throws: a malformed (e.g. tampered) event still gets a line, its type. */
function summarize(event: RecordedEvent): string {
  try {
    return describeEvent(event);
  } catch {
    return event.type;
  }
}

function describeEvent(event: RecordedEvent): string {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const s = (k: string) => String(d[k] ?? '');
  switch (event.type) {
    case 'ComplaintLodged':
      return `Complaint lodged (${s('addressee')}) about a ${(d.subject as { kind?: string } | undefined)?.kind ?? ''} of provider ${s('providerId')}`;
    case 'ComplaintRegistered':
      return `Complaint registered on ${s('registeredOn')} as ${s('registrationNumber')}`;
    case 'ComplaintSatisfied':
      return `Complaint fully satisfied on ${s('satisfiedOn')}${d.withinTerm ? ' within 3 working days: not forwarded' : ' after the 3 working days'}`;
    case 'ComplaintForwarded':
      return `Complaint forwarded with the administrative case file to ${(d.reviewBody as { name?: string } | undefined)?.name ?? ''} on ${s('forwardedOn')}${d.late ? ' (late)' : ''}`;
    case 'ComplaintDecided':
      return `Complaint decided on ${s('decidedOn')}: ${s('outcome')}${d.late ? ' (late)' : ''}`;
    case 'ComplaintWithdrawn':
      return `Complaint withdrawn on ${s('withdrawnOn')}`;
    case 'DeadlineSet': {
      const dl = d.deadline as { deadlineId: string; dueOn: string };
      return `Deadline ${dl.deadlineId} set: due ${dl.dueOn}`;
    }
    case 'DeadlineSatisfied':
      // One deadline rule (projections/shared/deadlines.ts): a step taken after its due date is a missed deadline.
      return d.late
        ? `Deadline ${s('deadlineId')} missed: step taken late on ${s('satisfiedOn')}`
        : `Deadline ${s('deadlineId')} satisfied on ${s('satisfiedOn')}`;
    case 'DeadlineMissed':
      return `Deadline ${s('deadlineId')} missed (due ${s('dueOn')})`;
    case 'DeadlineCancelled':
      return `Deadline ${s('deadlineId')} cancelled: ${s('reason')}`;
    default:
      return event.type;
  }
}

function ruleOf(event: RecordedEvent): string | undefined {
  const d = (event.data ?? {}) as { rule?: unknown; deadline?: { rule?: unknown } };
  const rule = d.rule ?? d.deadline?.rule;
  return typeof rule === 'string' ? rule : undefined;
}

export function complaintTimelineEntry(event: RecordedEvent): ComplaintTimelineEntry {
  const rule = ruleOf(event);
  return {
    position: event.position,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    complaintId: complaintIdOf(event.streamName),
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    actor: { sub: event.metadata.actor.sub, roles: event.metadata.actor.roles },
    summary: summarize(event),
    ...(rule ? { rule } : {}),
  };
}
