/**
 * The monitoring feed (Rules §11), wired: the runner (./definition.ts: run beside the projections), the embedded HTTP
 * feed, and a publisher to the monitoring system's transport when the composition root passes one (Kafka with
 * KAFKA_BROKERS).
 */
import type { Feature, FeaturePorts } from '../../platform/definitions';
import { FeedSignal } from '../../platform/feed/feed-store';
import { FEED_RUNNER } from './definition';
import { feedPaths, feedSchemas } from './openapi';
import { monitoringFeedRoutes } from './routes';

export { FEED_PROJECTION, KAFKA_PUBLISHER_CHECKPOINT, readFeed, FeedSignal } from '../../platform/feed/feed-store';
export { FeedRunner } from './runner';
export { monitoringFeedRoutes, feedScope } from './routes';

/**
 * The feed as one feature, built from ports: GET /v1/monitoring/feed (woken by the runner's progress, wherever it
 * runs), the transport's publisher when one is configured (Kafka), and the feed's /readyz check.
 */
export function feedFeature(ports: FeaturePorts): Feature {
  const signal = new FeedSignal();
  ports.runners.onAdvance(FEED_RUNNER, (checkpoint) => signal.advanced(checkpoint));
  const publisher = ports.feedPublisher?.({
    readStore: ports.readStore,
    signal,
    onError: (error) =>
      ports.logger.error(
        { component: 'feed-publisher', err: { type: (error as Error)?.name } },
        'monitoring feed error',
      ),
  });
  return {
    routes: (v1) => {
      v1.use('/monitoring', monitoringFeedRoutes({ readStore: ports.readStore, signal }));
    },
    openApi: { paths: feedPaths, schemas: feedSchemas },
    readiness: [
      () => ({ name: 'monitoring-feed', ok: true, detail: `checkpoint ${ports.runners.checkpoint(FEED_RUNNER)}` }),
    ],
    // The publisher creates its topic itself and waits out a Kafka that is down: never blocks the start.
    start: () => publisher?.start(),
    stop: () => publisher?.stop(),
  };
}
