/**
 * One line of a housing assistance case's timeline: what happened, when, by whom (subject and roles, no names), on
 * which rule, and for deadline facts the due date and whether it was met.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { stepDeadlineOf, type StepDeadline } from '../shared/case-deadline';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from '../../domain/housing-assistance/stream';

export interface HousingAssistanceTimelineEntry {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { sub: string; roles: readonly string[] };
  summary: string;
  rule?: string;
  deadline?: StepDeadline;
}

export const caseIdOf = (streamName: string) => streamName.slice(HOUSING_ASSISTANCE_STREAM_PREFIX.length);

const tenge = (tiyn: unknown) =>
  typeof tiyn === 'number' ? `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')} ₸` : '';

function summarize(event: RecordedEvent): string {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const s = (k: string) => String(d[k] ?? '');
  switch (event.type) {
    case 'ApplicationSubmitted':
      return `Application received via ${s('channel')}, registered on ${s('registeredOn')} (regulation ${s('regulationVersion')})`;
    case 'CompleteDocumentsAccepted':
      return `Complete set of documents accepted on ${s('acceptedOn')}: the 6-working-day decision term starts`;
    case 'GatewayDataRecorded': {
      const incomes = Array.isArray(d.incomes) ? d.incomes.length : 0;
      const period = d.incomePeriod as { from?: string; to?: string } | undefined;
      return `Gateway data received on ${s('receivedOn')}: ${incomes} income line(s) for ${period?.from ?? ''}–${period?.to ?? ''}, property and registration`;
    }
    case 'AssistanceAssigned':
      return `Housing assistance assigned on ${s('decidedOn')}: ${tenge(d.amountTiyn)} a month (parameters ${String((d.parameters as { edition?: { parametersId?: string } } | undefined)?.edition?.parametersId ?? '')})${d.late ? ' — late' : ''}`;
    case 'AssistanceRefused': {
      const grounds = Array.isArray(d.reasons)
        ? (d.reasons as { ground: string }[]).map((r) => r.ground).join(', ')
        : '';
      return `Reasoned refusal on ${s('decidedOn')} (${grounds})${d.late ? ' — late' : ''}`;
    }
    case 'ResultIssued':
      return `Result (${s('outcome')}) issued on ${s('issuedOn')} via ${s('deliveredVia')}`;
    case 'ApplicationWithdrawn':
      return `Application withdrawn on ${s('withdrawnOn')}`;
    case 'DeadlineSet': {
      const dl = d.deadline as { deadlineId: string; dueOn: string; days: number; unit: string };
      return `Deadline ${dl.deadlineId} set: ${dl.days} ${dl.unit}, due ${dl.dueOn}`;
    }
    case 'DeadlineSatisfied':
      // One deadline rule (projections/shared/deadlines.ts): a step taken after its due date is a missed deadline.
      return d.late
        ? `Deadline ${s('deadlineId')} missed: step taken late on ${s('satisfiedOn')}`
        : `Deadline ${s('deadlineId')} met on ${s('satisfiedOn')}`;
    case 'DeadlineMissed':
      return `Deadline ${s('deadlineId')} missed: due ${s('dueOn')}, overdue from ${s('missedOn')}`;
    case 'DeadlineCancelled':
      return `Deadline ${s('deadlineId')} cancelled: ${s('reason')}`;
    default:
      return event.type;
  }
}

export function housingAssistanceTimelineEntry(event: RecordedEvent): HousingAssistanceTimelineEntry {
  const d = (event.data ?? {}) as { rule?: unknown; deadline?: { rule?: unknown } };
  const rule = typeof d.rule === 'string' ? d.rule : typeof d.deadline?.rule === 'string' ? d.deadline.rule : undefined;
  const deadline = stepDeadlineOf(event);
  return {
    position: event.position,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    actor: { sub: event.metadata.actor.sub, roles: event.metadata.actor.roles },
    summary: summarize(event),
    ...(rule ? { rule } : {}),
    ...(deadline ? { deadline } : {}),
  };
}
