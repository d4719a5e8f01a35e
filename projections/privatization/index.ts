/** The privatization service's projections. */
import { deadlinesProjection } from '../shared/deadlines-projection';
import { PRIVATIZATION_STREAM_PREFIX } from '../../domain/privatization/stream';
import { privatizationCaseView } from './case-view';
import { privatizationTimeline } from './timeline';

export { privatizationCaseView, privatizationTimeline };
export { summarizePrivatization, ruleStageOf, type PrivatizationCaseView } from './case-view';
export { summarizePrivatizationEvent } from './timeline';
export { privatizationMonitoring } from './monitoring';

/** Open and closed deadlines of privatization cases (one document per deadline). */
export const privatizationDeadlines = deadlinesProjection({
  name: 'privatization-deadlines',
  // 2: one deadline rule (projections/shared/deadlines.ts): a step taken after its due date is `missed`.
  version: 2,
  collection: 'privatization_deadlines',
  streamPrefixes: [PRIVATIZATION_STREAM_PREFIX],
});

/** Where a privatization timeline is read from (services/platform/readstore/timeline-query.ts). */
export const privatizationTimelineSource = {
  streamPrefix: PRIVATIZATION_STREAM_PREFIX,
  stepsCollection: privatizationTimeline.collection,
  deadlinesCollection: privatizationDeadlines.collection,
};

export const privatizationProjections = [privatizationCaseView, privatizationTimeline, privatizationDeadlines] as const;
