/**
 * The stream of a housing assistance case, `housing-assistance-<caseId>` (docs/ARCHITECTURE.md "Streams"): the
 * prefix is defined here only. A file of its own, so projections and the projector threads take it without the decider.
 */
export const HOUSING_ASSISTANCE_STREAM_PREFIX = 'housing-assistance-';

export const housingAssistanceStream = (caseId: string): string => `${HOUSING_ASSISTANCE_STREAM_PREFIX}${caseId}`;
