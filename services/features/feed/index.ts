/**
 * The monitoring feed (Rules §11), wired: the projection runner (always), the embedded HTTP feed (always), and a
 * publisher to the monitoring system's transport when the composition root passes one (Kafka with KAFKA_BROKERS).
 * The composition root calls `createMonitoringFeed` and mounts `routes` with `v1.use('/monitoring', feed.routes)`.
 */
import type { Router } from 'express';
import type { EventStore } from '../../platform/eventstore/port';
import type { ReadStore } from '../../platform/readstore/port';
import { FeedSignal } from '../../platform/feed/feed-store';
import type { FeedPublisher, FeedPublisherFactory, PublisherStatus } from '../../platform/feed/port';
import { monitoringFeedRoutes } from './routes';
import { FeedRunner } from './runner';

export { FEED_PROJECTION, KAFKA_PUBLISHER_CHECKPOINT, readFeed, FeedSignal } from '../../platform/feed/feed-store';
export { FeedRunner } from './runner';
export { monitoringFeedRoutes, feedScope } from './routes';

export interface MonitoringFeedOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The transport's publisher (Kafka when configured); none: the feed is served over HTTP only. */
  publisher?: FeedPublisherFactory;
  onError?: (component: 'feed-runner' | 'feed-publisher', error: unknown) => void;
}

export interface MonitoringFeed {
  runner: FeedRunner;
  publisher?: FeedPublisher;
  routes: Router;
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): { checkpoint: number; kafka?: PublisherStatus };
}

export function createMonitoringFeed(options: MonitoringFeedOptions): MonitoringFeed {
  const signal = new FeedSignal();
  const runner = new FeedRunner({
    eventStore: options.eventStore,
    readStore: options.readStore,
    signal,
    onError: (e) => options.onError?.('feed-runner', e),
  });
  const publisher = options.publisher?.({
    readStore: options.readStore,
    signal,
    onError: (e) => options.onError?.('feed-publisher', e),
  });
  return {
    runner,
    publisher,
    routes: monitoringFeedRoutes({ readStore: options.readStore, signal }),
    async start() {
      await runner.start();
      // The publisher creates its topic itself and waits out a Kafka that is down: never blocks the start.
      await publisher?.start();
    },
    async stop() {
      await publisher?.stop();
      await runner.stop();
    },
    status: () => ({ checkpoint: runner.checkpoint(), ...(publisher ? { kafka: publisher.status() } : {}) }),
  };
}
