/**
 * The monitoring feed (Rules §11) on real servers: events in the embedded SQLite log, the feed projection in
 * FerretDB, messages published to a real Kafka 3.9.1 and read back by a kafkajs consumer.
 *  - every expected message arrives, in per-case order (key = case id);
 *  - Kafka killed in the middle of a run of commands and restarted: nothing lost, repeats only with the same id;
 *  - end-to-end latency (event appended → message consumed), p50/p99.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { v4 as uuidv4 } from 'uuid';
import { startKafka, stopKafka } from '../../scripts/dev-servers';
import {
  createSqliteEventStore,
  type SqliteEventStore,
} from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { FeedRunner } from '../../services/features/feed';
import { KafkaPublisher } from '../../services/adapters/kafka/kafka-publisher';
import {
  communalFundCase,
  STAGES_OF_COMMUNAL_FUND_CASE,
} from '../../services/features/feed/testing/privatization-events';
import { MongoReadStore } from '../../services/adapters/mongo/read-store';
import { monitoredServices } from '../../services/platform/definitions';
import { registry } from '../../services/registry';
import { CollectingConsumer, percentile, type Received } from './kafka-consumer';
import { freshDatabase, itServers } from './servers';

const services = monitoredServices(registry.services);

interface Pipeline {
  eventStore: SqliteEventStore;
  readStore: MongoReadStore;
  runner: FeedRunner;
  publisher: KafkaPublisher;
  topic: string;
  errors: unknown[];
  /** messageId → when Kafka acknowledged it; feed checkpoints with when they were reached (latency breakdown). */
  publishedAt: Map<string, number>;
  projected: { position: number; at: number }[];
  stop(): Promise<void>;
}

async function pipeline(topic: string): Promise<Pipeline> {
  const servers = itServers();
  const dir = mkdtempSync(join(tmpdir(), 'kezen-it-feed-'));
  const database = freshDatabase('feed');
  const eventStore = createSqliteEventStore({ dataDir: dir });
  const readStore = new MongoReadStore({ url: servers.mongoUrl, database });
  const runner = new FeedRunner({ eventStore, services, readStore, batchSize: 200 });
  const errors: unknown[] = [];
  const publishedAt = new Map<string, number>();
  const projected: { position: number; at: number }[] = [];
  runner.signal.onAdvance((position) => projected.push({ position, at: Date.now() }));
  const publisher = new KafkaPublisher({
    brokers: servers.kafkaBrokers.split(','),
    readStore,
    signal: runner.signal,
    topic,
    partitions: 4,
    pollMs: 200,
    maxBackoffMs: 2000,
    onError: (e) => errors.push(e),
    onPublished: (messages) => {
      const now = Date.now();
      for (const m of messages) if (!publishedAt.has(m.messageId)) publishedAt.set(m.messageId, now);
    },
  });
  const stop = async () => {
    await publisher.stop();
    await runner.stop();
    await eventStore.close();
    const client = new MongoClient(servers.mongoUrl);
    await client.db(database).dropDatabase();
    await client.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runner.start();
    await publisher.ensureTopic();
    await publisher.start();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return {
    eventStore,
    readStore,
    runner,
    publisher,
    topic,
    errors,
    publishedAt,
    projected,
    stop,
  };
}

/** Appends the case command by command; records when each stage event was appended. */
async function runCase(
  p: Pipeline,
  caseId: string,
  appendedAt: Map<string, number>,
  commands = communalFundCase(caseId),
) {
  let revision: number | 'no-stream' = 'no-stream';
  for (const c of commands) {
    revision = (await p.eventStore.append(privatizationStream(caseId), c.events, revision)).nextRevision;
    const now = Date.now();
    for (const e of c.events) appendedAt.set(e.eventId, now);
  }
}

/** Every case's messages, in the order consumed, are its stages in order, each delivered at least once. */
function expectPerCaseOrder(received: Received[], caseIds: string[]): void {
  for (const caseId of caseIds) {
    const ofCase = received.filter((r) => r.message.caseId === caseId);
    expect(ofCase.every((r) => r.key === caseId)).toBe(true);
    expect(new Set(ofCase.map((r) => r.partition)).size).toBe(1);
    // Collapse same-id repeats (allowed) and check the order of first deliveries.
    const firsts: string[] = [];
    const seen = new Set<string>();
    for (const r of ofCase) {
      if (!seen.has(r.message.messageId)) firsts.push(r.message.stage);
      seen.add(r.message.messageId);
    }
    expect(firsts).toEqual(STAGES_OF_COMMUNAL_FUND_CASE);
    const positions = ofCase.map((r) => r.message.position);
    for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThanOrEqual(positions[i - 1]!);
  }
}

/** Repeats are allowed only as identical copies of an earlier message. */
function expectRepeatsOnlySameId(received: Received[]): number {
  const byId = new Map<string, string>();
  let repeats = 0;
  for (const r of received) {
    const body = JSON.stringify(r.message);
    const earlier = byId.get(r.message.messageId);
    if (earlier !== undefined) {
      repeats += 1;
      expect(body).toBe(earlier);
    }
    byId.set(r.message.messageId, body);
  }
  return repeats;
}

describe('monitoring feed → Kafka 3.9.1 (kafkajs consumer)', () => {
  test('every stage message arrives, in per-case order, with a measured end-to-end latency', async () => {
    const topic = `kezen.monitoring.service-stage.v1.it-${uuidv4().slice(0, 8)}`;
    const p = await pipeline(topic);
    const consumer = new CollectingConsumer(itServers().kafkaBrokers, topic);
    try {
      await consumer.start();
      const appendedAt = new Map<string, number>();
      // Warm-up (not measured): the consumer group has joined and the producer is connected.
      const warmUp = uuidv4();
      await runCase(p, warmUp, new Map());
      await consumer.waitFor(() => consumer.ids().size >= STAGES_OF_COMMUNAL_FUND_CASE.length);
      consumer.received.length = 0;
      const caseIds = Array.from({ length: 40 }, () => uuidv4());
      // Ten cases at a time, like concurrent officers.
      for (let i = 0; i < caseIds.length; i += 10) {
        await Promise.all(caseIds.slice(i, i + 10).map((c) => runCase(p, c, appendedAt)));
      }
      const expected = caseIds.length * STAGES_OF_COMMUNAL_FUND_CASE.length;
      await consumer.waitFor(() => consumer.ids().size >= expected);
      expect(consumer.ids().size).toBe(expected);
      expectPerCaseOrder(consumer.received, caseIds);
      expectRepeatsOnlySameId(consumer.received);

      const latencies = consumer.received.map((r) => r.at - appendedAt.get(r.message.messageId)!);
      const report = { messages: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
      const step = (values: number[]) => `p50 ${percentile(values, 50)} ms, p99 ${percentile(values, 99)} ms`;
      // The publisher may read a batch before the runner returns from its commit: whichever came first.
      const projectedAt = (r: Received) =>
        Math.min(
          p.projected.find((x) => x.position >= r.message.position)?.at ?? Infinity,
          p.publishedAt.get(r.message.messageId)!,
        );
      const toFeed = consumer.received.map((r) => projectedAt(r) - appendedAt.get(r.message.messageId)!);
      const toKafka = consumer.received.map((r) => p.publishedAt.get(r.message.messageId)! - projectedAt(r));
      const toConsumer = consumer.received.map((r) => r.at - p.publishedAt.get(r.message.messageId)!);
      console.log(
        `[feed latency] append → consumed over ${report.messages} messages: p50 ${report.p50} ms, p99 ${report.p99} ms\n` +
          `  append → stored in the feed (FerretDB): ${step(toFeed)}\n` +
          `  stored → acknowledged by Kafka: ${step(toKafka)}\n` +
          `  acknowledged → consumed: ${step(toConsumer)} (clocks of one process; the ack can trail delivery)`,
      );
      expect(report.messages).toBe(expected);
    } finally {
      await consumer.stop();
      await p.stop();
    }
  });

  test('Kafka killed mid-run and restarted: every message arrives, repeats only with the same id', async () => {
    const { config } = itServers();
    const topic = `kezen.monitoring.service-stage.v1.it-${uuidv4().slice(0, 8)}`;
    const p = await pipeline(topic);
    const consumer = new CollectingConsumer(itServers().kafkaBrokers, topic);
    try {
      const appendedAt = new Map<string, number>();
      const before = Array.from({ length: 5 }, () => uuidv4());
      const during = Array.from({ length: 5 }, () => uuidv4());
      for (const c of before) await runCase(p, c, appendedAt);
      // Half of these cases' commands go in before the crash, the rest while Kafka is down.
      const halfway = during.map((c) => communalFundCase(c));
      await Promise.all(during.map((c, i) => runCase(p, c, appendedAt, halfway[i]!.slice(0, 3))));
      await stopKafka(config, 'SIGKILL');
      const revisionOf = async (c: string) => (await p.eventStore.readStream(privatizationStream(c))).length - 1;
      for (const [i, c] of during.entries()) {
        let revision = await revisionOf(c);
        for (const cmd of halfway[i]!.slice(3)) {
          revision = (await p.eventStore.append(privatizationStream(c), cmd.events, revision)).nextRevision;
        }
      }
      // The feed keeps projecting into FerretDB; the publisher is paused, retrying.
      await new Promise((r) => setTimeout(r, 3000));
      expect(p.errors.length).toBeGreaterThan(0);
      expect(p.publisher.status().consecutiveFailures).toBeGreaterThan(0);
      await startKafka(config);

      await consumer.start();
      const cases = [...before, ...during];
      const expected = cases.length * STAGES_OF_COMMUNAL_FUND_CASE.length;
      await consumer.waitFor(() => consumer.ids().size >= expected, 90000);
      expect(consumer.ids().size).toBe(expected);
      expectPerCaseOrder(consumer.received, cases);
      const repeats = expectRepeatsOnlySameId(consumer.received);
      console.log(`[kafka outage] ${expected} messages delivered, ${repeats} same-id repeats`);
    } finally {
      await consumer.stop();
      await p.stop();
      await startKafka(config); // whatever happened, leave Kafka up for the other suites
    }
  });
});
