/**
 * The monitoring feed (Rules §11), wired: the projection runner (always), the embedded HTTP feed (always), and the
 * Kafka publisher when brokers are configured (KAFKA_BROKERS). The composition root calls `createMonitoringFeed`
 * and mounts `routes` with `v1.use('/monitoring', feed.routes)`.
 */
import type { Router } from 'express';
import type { EventStore } from '../../platform/eventstore/port';
import type { ReadStore } from '../../platform/readstore/port';
import { FeedSignal } from './feed-store';
import { KafkaPublisher, type KafkaPublisherOptions, type PublisherStatus } from '../../adapters/kafka/kafka-publisher';
import { monitoringFeedRoutes } from './routes';
import { FeedRunner } from './runner';

export { FEED_PROJECTION, KAFKA_PUBLISHER_CHECKPOINT, readFeed, FeedSignal } from './feed-store';
export { KafkaPublisher } from '../../adapters/kafka/kafka-publisher';
export { FeedRunner } from './runner';
export { monitoringFeedRoutes, feedScope } from './routes';

export interface MonitoringFeedOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  kafkaBrokers?: readonly string[];
  kafka?: Partial<Omit<KafkaPublisherOptions, 'brokers' | 'readStore' | 'signal'>>;
  onError?: (component: 'feed-runner' | 'kafka-publisher', error: unknown) => void;
}

export interface MonitoringFeed {
  runner: FeedRunner;
  publisher?: KafkaPublisher;
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
  const publisher =
    options.kafkaBrokers && options.kafkaBrokers.length > 0
      ? new KafkaPublisher({
          ...options.kafka,
          brokers: options.kafkaBrokers,
          readStore: options.readStore,
          signal,
          onError: (e) => options.onError?.('kafka-publisher', e),
        })
      : undefined;
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
