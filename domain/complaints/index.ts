/** The complaint decider (stream `complaint-<complaintId>`, docs/ARCHITECTURE.md "Streams"). */
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import type { Decider } from '../shared/decider';
import { decide } from './decide';
import type { ComplaintDomainEvent } from './events';
import { evolve, initialState, type ComplaintState } from './state';

export const complaintDecider: Decider<ComplaintCommand, ComplaintDomainEvent, ComplaintState> = {
  initialState,
  decide,
  evolve,
};

export { COMPLAINT_STREAM_PREFIX, complaintStreamName } from './stream';

export * from './events';
export { CLOSED, type ComplaintState, type ComplaintStatus, type TrackedDeadline } from './state';
export { complaintDecisionPayload, RULE_13, RULE_14 } from './decide';
