/**
 * Timeline of a privatization case (docs/HTTP-CONTRACT.md "Queries": `GET /v1/privatization/cases/{caseId}/timeline`):
 * each step with a human summary built only from dates, codes and numbers — never names or IINs.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { timelineProjection } from '../shared/timeline';
import { PRIVATIZATION_STREAM_PREFIX } from '../../domain/privatization/stream';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');

const SUMMARIES: Record<string, (d: Data) => string> = {
  ApplicationRegistered: (d) =>
    `Application registered on ${str(d.registeredOn)} via ${str(d.channel)} (track ${str(d.track)}, form ${str((d.form as Data)?.kind)})`,
  DocumentChecklistDetermined: (d) =>
    `Document checklist determined (${Array.isArray(d.items) ? d.items.length : 0} items)`,
  ReceiptIssued: (d) => `Receipt ${str(d.receiptNumber)} issued; result date ${str(d.resultDate)}`,
  RequestAccepted: (d) => `Status "request accepted"; result date ${str(d.resultDate)}`,
  GatewayDataRecorded: (d) => `Gateway data "${str(d.kind)}" obtained on ${str(d.obtainedOn)}`,
  DocumentReviewCompleted: (d) => `Document review completed on ${str(d.reviewedOn)}: ${str(d.outcome)}`,
  CommissionFormed: (d) =>
    `Housing commission formed on ${str(d.formedOn)} (${Array.isArray(d.members) ? d.members.length : 0} members)`,
  CommissionVoteRecorded: (d) => `Commission vote "${str(d.vote)}" recorded (round ${str(d.round)})`,
  PrivatizationDecisionAdopted: (d) => `Decision ${str(d.decisionNumber)} to privatize adopted on ${str(d.adoptedOn)}`,
  PreliminaryRefusalIssued: (d) =>
    `Preliminary decision to refuse issued on ${str(d.issuedOn)} (grounds: ${Array.isArray(d.grounds) ? d.grounds.join(', ') : '?'})`,
  HearingScheduled: (d) => `Hearing notice sent on ${str(d.noticeSentOn)}; hearing on ${str(d.hearingOn)}`,
  HearingHeld: (d) => `Hearing held on ${str(d.heldOn)}`,
  ReasonedRefusalIssued: (d) => `Reasoned refusal issued on ${str(d.refusedOn)}`,
  PetitionSent: (d) => `Petition sent on ${str(d.sentOn)}`,
  PropertyBodyDecisionRecorded: (d) => `State-property body decided on ${str(d.decidedOn)}`,
  TransferActSigned: (d) => `Transfer act signed on ${str(d.signedOn)}`,
  TransferActApproved: (d) => `Transfer act approved on ${str(d.approvedOn)}`,
  TitleRegistered: (d) => `Title state-registered on ${str(d.registeredOn)}`,
  TransferCompleted: (d) => `Transfer completed on ${str(d.completedOn)}`,
  ContractSigned: (d) =>
    `Privatization contract ${str(d.contractNumber)} concluded on ${str(d.signedOn)} (${str(d.contractForm)})`,
  InstalmentScheduleSet: (d) => `Instalment schedule set (${str(d.termMonths)} months)`,
  PaymentRecorded: (d) => `Payment recorded on ${str(d.paidOn)}${d.fullyPaid ? ' (fully paid)' : ''}`,
  ResultIssued: (d) => `Result (${str(d.resultKind)}) issued on ${str(d.issuedOn)}`,
  ApplicationWithdrawn: (d) => `Application withdrawn on ${str(d.withdrawnOn)}`,
  DeadlineSet: (d) => {
    const dl = (d.deadline ?? {}) as Data;
    return `Deadline "${str(dl.deadlineId)}" set: due on ${str(dl.dueOn)}`;
  },
  // One deadline rule (projections/shared/deadlines.ts): a step taken after its due date is a missed deadline.
  DeadlineSatisfied: (d) =>
    d.late
      ? `Deadline "${str(d.deadlineId)}" missed: step taken late on ${str(d.satisfiedOn)}`
      : `Deadline "${str(d.deadlineId)}" met on ${str(d.satisfiedOn)}`,
  DeadlineMissed: (d) => `Deadline "${str(d.deadlineId)}" missed (due on ${str(d.dueOn)})`,
  DeadlineCancelled: (d) => `Deadline "${str(d.deadlineId)}" cancelled`,
};

/** "SomethingHappened" → "Something happened" for event types this version does not know. */
const humanize = (type: string) =>
  type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

export function summarizePrivatizationEvent(event: Pick<RecordedEvent, 'type' | 'data'>): string {
  const f = SUMMARIES[event.type];
  return f ? f((event.data ?? {}) as Data) : humanize(event.type);
}

export const privatizationTimeline = timelineProjection({
  name: 'privatization-timeline',
  // 2: a late step's row says missed (projections/shared/deadlines.ts), not "met (late)".
  // 3: no streamName index (steps were read by id range); 4: steps keyed by log position, read by streamName.
  version: 4,
  collection: 'privatization_timelines',
  streamPrefix: PRIVATIZATION_STREAM_PREFIX,
  summarize: summarizePrivatizationEvent,
});
