/**
 * The production adapters (README "Production set and real servers"), registered into the composition
 * root's `productionAdapters` hook — each chosen independently by its environment variable:
 * - EVENTSTORE_URL → the EventStoreDB / KurrentDB event store (services/adapters/esdb);
 * - MONGODB_URL (+ MONGODB_DATABASE) → the MongoDB read store, read models and checkpoints (services/adapters/mongo);
 * - KAFKA_BROKERS → the monitoring feed's Kafka publisher (services/adapters/kafka), handed to the feed feature as
 *   its publisher factory, and the brokers' reachability in /readyz.
 */
import { Kafka, logLevel } from 'kafkajs';
import type { AdapterFactory } from './composition';
import { createEsdbEventStore } from './adapters/esdb/esdb-event-store';
import type { ReadinessCheck } from './platform/http/routes/ops';
import { MongoReadStore } from './adapters/mongo/read-store';
import { KafkaPublisher } from './adapters/kafka/kafka-publisher';

const eventStore: AdapterFactory = async (config, _logger, log) => ({
  eventStore: createEsdbEventStore({ url: config.eventStoreUrl!, upcasters: log.upcasters }),
});

/**
 * `guardInFilter: 'auto'`: the position guard in the update filter on MongoDB (atomic there), the `_id`-only path on
 * FerretDB v1 — where a guarded filter is no atomic compare-and-set either (SELECT, filter in Go, UPDATE by `_id`) but
 * scans the whole collection on every write. The projector's commits are fenced (services/adapters/mongo/fence.ts), so one
 * writer per step either way.
 */
const readStore: AdapterFactory = async (config) => ({
  readStore: new MongoReadStore({ url: config.mongodbUrl!, database: config.mongodbDatabase, guardInFilter: 'auto' }),
});

/**
 * Kafka is a backing server, so /readyz fails (503, naming it) while no broker answers (docs/HTTP-CONTRACT.md
 * "Operations": readiness = backing servers reachable). Commands are still accepted — the log is the source of truth —
 * and the publisher pauses and later sends everything (nothing is lost); /healthz stays 200. Cached for 5 s so a busy
 * /readyz does not hammer the brokers.
 */
const feed: AdapterFactory = async (config) => {
  const kafka = new Kafka({
    clientId: 'kezen-readiness',
    brokers: config.kafkaBrokers ?? [],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1000,
    requestTimeout: 2000,
  });
  let cached: { at: number; check: ReadinessCheck } | undefined;
  const check = async (): Promise<ReadinessCheck> => {
    if (cached && Date.now() - cached.at < 5000) return cached.check;
    const admin = kafka.admin();
    let detail: string;
    let ok = true;
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      detail = `${cluster.brokers.length} broker(s) reachable`;
    } catch (error) {
      detail = `unreachable (${(error as Error).message}); the feed publisher is paused and will catch up`;
      ok = false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    cached = { at: Date.now(), check: { name: 'kafka', ok, detail } };
    return cached.check;
  };
  const brokers = config.kafkaBrokers ?? [];
  return {
    checks: [check],
    feedPublisher: (source) => new KafkaPublisher({ brokers, ...source }),
  };
};

export const productionFactories = { eventStore, readStore, feed };
