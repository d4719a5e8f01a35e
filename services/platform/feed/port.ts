/**
 * The feed publisher port: something that sends the monitoring feed (Rules §11) on to the monitoring system's
 * transport from its own checkpoint — Kafka today (services/adapters/kafka). The feature builds it through a factory
 * the composition root chooses, so the feature never knows which transport runs.
 */
import type { ReadStore } from '../readstore/port';
import type { FeedSignal } from './feed-store';

export interface PublisherStatus {
  /** Last feed position the transport acknowledged. */
  checkpoint: number;
  connected: boolean;
  consecutiveFailures: number;
  lastError?: string;
}

export interface FeedPublisher {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): PublisherStatus;
}

/** What a publisher reads from: the feed kept in the read store, and the signal that it advanced. */
export interface FeedPublisherSource {
  readStore: ReadStore;
  signal: FeedSignal;
  onError: (error: unknown) => void;
}

export type FeedPublisherFactory = (source: FeedPublisherSource) => FeedPublisher;
