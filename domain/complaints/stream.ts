/**
 * The stream of a complaint, `complaint-<complaintId>` (docs/ARCHITECTURE.md "Streams"): the prefix is defined here
 * only. A file of its own, so projections and the projector threads take it without the decider.
 */
export const COMPLAINT_STREAM_PREFIX = 'complaint-';

export const complaintStreamName = (complaintId: string): string => `${COMPLAINT_STREAM_PREFIX}${complaintId}`;
