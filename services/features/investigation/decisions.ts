/**
 * Which events of a case file are decisions (the outcomes a complaint can be about) and which get the complaint
 * timeline's summaries: by service and type, since an event type is unique only within its service
 * (docs/ARCHITECTURE.md "Names") — the service is the event's stream's.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { COMPLAINT_STREAM_PREFIX } from '../../../domain/complaints/stream';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from '../../../domain/housing-assistance/stream';
import { PRIVATIZATION_STREAM_PREFIX } from '../../../domain/privatization/stream';
import { isDeadlineEvent } from '../../../projections/shared/deadlines';

const DECISIONS: readonly { streamPrefix: string; types: ReadonlySet<string> }[] = [
  {
    streamPrefix: PRIVATIZATION_STREAM_PREFIX,
    types: new Set([
      'PrivatizationDecisionAdopted',
      'PreliminaryRefusalIssued',
      'ReasonedRefusalIssued',
      'PropertyBodyDecisionRecorded',
      'ContractSigned',
      'ResultIssued',
    ]),
  },
  {
    streamPrefix: HOUSING_ASSISTANCE_STREAM_PREFIX,
    types: new Set(['AssistanceAssigned', 'AssistanceRefused', 'ResultIssued']),
  },
  { streamPrefix: COMPLAINT_STREAM_PREFIX, types: new Set(['ComplaintSatisfied', 'ComplaintDecided']) },
];

export const isDecisionEvent = (e: Pick<RecordedEvent, 'streamName' | 'type'>): boolean =>
  DECISIONS.some((d) => e.streamName.startsWith(d.streamPrefix) && d.types.has(e.type));

/** The complaint timeline describes the complaint's own events and the deadline facts, which every service shares. */
export const hasComplaintSummary = (e: Pick<RecordedEvent, 'streamName' | 'type'>): boolean =>
  e.streamName.startsWith(COMPLAINT_STREAM_PREFIX) || isDeadlineEvent(e.type);
