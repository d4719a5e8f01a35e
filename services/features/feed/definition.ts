/**
 * The monitoring feed (Rules §11), as registered in services/registry.ts: its runner, which follows the log beside
 * the projections (in the projector thread when there is one) and reports the stages of every service whose
 * definition has a `monitoring` mapping (derived from the registered services). Its routes, the Kafka publisher and
 * its /readyz check are ./index.ts.
 */
import { monitoredServices, type FeatureDefinition } from '../../platform/definitions';
import type { LogRunnerDefinition } from '../../platform/projector/workload';
import type { MonitoredService } from '../../../projections/monitoring/services';
import { FeedRunner } from './runner';

/** The runner's name in logs, in the projector thread's reports and for the feed's routes and /readyz. */
export const FEED_RUNNER = 'feed-runner';

const feedRunner = (services: readonly MonitoredService[]): LogRunnerDefinition => ({
  name: FEED_RUNNER,
  title: 'monitoring feed',
  create: (deps) => new FeedRunner({ ...deps, services }),
});

export const feed: FeatureDefinition = {
  feature: 'feed',
  workload: (services) => ({ runners: [feedRunner(monitoredServices(services))] }),
  load: async () => (await import('./index')).feedFeature,
};
