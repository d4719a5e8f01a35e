/**
 * The investigator's view (complaints in case views and timelines, the compliance report, the diff, the case file,
 * the access log), as registered in services/registry.ts. It runs no projection of its own; it writes the access log's
 * streams (their prefix is registered with the services', unique among them). The rest is ./feature.ts.
 */
import type { FeatureDefinition } from '../../platform/definitions';

/** One access-log stream per Almaty day: `access-log-YYYY-MM-DD` (./access-log.ts). */
export const ACCESS_LOG_STREAM_PREFIX = 'access-log-';

export const investigation: FeatureDefinition = {
  feature: 'investigation',
  streamPrefixes: [ACCESS_LOG_STREAM_PREFIX],
  load: async () => (await import('./feature')).investigationFeature,
};
