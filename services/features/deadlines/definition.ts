/**
 * The deadline watcher, as registered in services/registry.ts: its projection, the index of every open
 * deadline of every stream, which the watcher asks for terms that ended. The watcher's lifecycle is ./feature.ts.
 */
import { deadlineIndexProjection } from '../../../projections/dashboard/deadline-index';
import type { FeatureDefinition } from '../../platform/definitions';

export const deadlines: FeatureDefinition = {
  feature: 'deadlines',
  workload: () => ({ projections: [deadlineIndexProjection] }),
  load: async () => (await import('./feature')).deadlinesFeature,
};
