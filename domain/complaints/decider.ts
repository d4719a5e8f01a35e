/** The complaint decider (stream `complaint-<complaintId>`, docs/ARCHITECTURE.md "Streams"). */
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import type { Decider } from '../shared/decider';
import { decideComplaintCommand } from './decide';
import type { ComplaintDomainEvent } from './events';
import { evolveComplaint, initialComplaintState, type ComplaintState } from './state';

export { COMPLAINT_STREAM_PREFIX, complaintStreamName } from './stream';

export const complaintDecider: Decider<ComplaintCommand, ComplaintDomainEvent, ComplaintState> = {
  initialState: initialComplaintState,
  decide: decideComplaintCommand,
  evolve: evolveComplaint,
};
