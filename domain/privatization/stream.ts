/**
 * The stream of a privatization case, `privatization-<caseId>` (docs/ARCHITECTURE.md "Streams"): the prefix is
 * defined here only. A file of its own, so projections and the projector threads take it without the decider.
 */
export const PRIVATIZATION_STREAM_PREFIX = 'privatization-';

export const privatizationStream = (caseId: string): string => `${PRIVATIZATION_STREAM_PREFIX}${caseId}`;
