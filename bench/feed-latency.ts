/**
 * The monitoring feed's end-to-end latency under the HTTP load (`npm run bench -- --real`):
 * event appended → message consumed from Kafka. A kafkajs consumer (own group, from the topic's end) on
 * `kezen.monitoring.service-stage.v1` runs during a load level; each consumed message's latency is its consume time
 * minus the `recordedAt` its source event got when the event store appended it (looked up by the message's
 * `position` in the server's SQLite log — one machine, one clock; recordedAt has millisecond resolution).
 *
 * What the figure contains: the group commit, the feed runner's batch (its live-batch pause) and its FerretDB commit,
 * the publisher's read and Kafka produce (acks=all, idempotent), broker → consumer fetch (maxWaitTimeInMs 50 here).
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { SERVICE_STAGE_V1 } from '../contracts/monitoring';
import { percentile, round } from './stats';

export interface FeedLatency {
  topic: string;
  /** Messages consumed during the level (repeats of one messageId counted once, at the first delivery). */
  messages: number;
  /** Deliveries of a messageId already consumed (allowed: at-least-once, same id). */
  repeats: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Messages whose source event was not found in the log (should be 0). */
  unmatched: number;
  /**
   * Log head when the probe stopped, and the newest source position consumed: a feed that fell behind shows a gap —
   * then the percentiles describe only the messages that arrived in time (the rest are later still).
   */
  logHead: number;
  lastConsumedPosition: number;
}

export interface FeedLatencyProbe {
  /** Waits until the topic has been quiet for `quietMs` (the feed drained), then stops and computes. */
  stop(eventsFile: string, quietMs?: number): Promise<FeedLatency>;
}

interface Consumed {
  messageId: string;
  position: number;
  at: number;
}

/** Joins a fresh consumer group at the end of the topic (created like the publisher does, if missing). */
export async function startFeedLatencyProbe(brokers: string[], topic = SERVICE_STAGE_V1): Promise<FeedLatencyProbe> {
  const kafka = new Kafka({ clientId: 'kezen-bench-feed-latency', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) {
      // Same partitions and replication as services/adapters/kafka/kafka-publisher.ts's ensureTopic (it then finds it).
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6, replicationFactor: 1 }] });
    }
  } finally {
    await admin.disconnect();
  }
  const consumer: Consumer = kafka.consumer({ groupId: `kezen-bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
  const consumed: Consumed[] = [];
  let lastAt = Date.now();
  await consumer.connect();
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const at = Date.now();
      const body = JSON.parse(message.value!.toString('utf8')) as { messageId: string; position: number };
      consumed.push({ messageId: body.messageId, position: body.position, at });
      lastAt = at;
    },
  });
  await joined;
  // Offsets "latest" are resolved at the first fetch after the join: give it a moment before the load starts.
  await new Promise((r) => setTimeout(r, 500));

  return {
    async stop(eventsFile: string, quietMs = 2000): Promise<FeedLatency> {
      const deadline = Date.now() + 60_000;
      while (Date.now() - lastAt < quietMs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await consumer.disconnect();
      const firsts = new Map<string, Consumed>();
      for (const c of consumed) if (!firsts.has(c.messageId)) firsts.set(c.messageId, c);
      const { recordedAt, head } = readLog(
        eventsFile,
        [...firsts.values()].map((c) => c.position),
      );
      const latencies: number[] = [];
      let unmatched = 0;
      for (const c of firsts.values()) {
        const appended = recordedAt.get(c.position);
        if (appended === undefined) unmatched += 1;
        else latencies.push(c.at - appended);
      }
      latencies.sort((a, b) => a - b);
      return {
        topic,
        messages: firsts.size,
        repeats: consumed.length - firsts.size,
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        maxMs: round(latencies[latencies.length - 1] ?? 0),
        unmatched,
        logHead: head,
        lastConsumedPosition: consumed.reduce((max, c) => Math.max(max, c.position), 0),
      };
    },
  };
}

/** position → recordedAt (ms) from the server's log, and its head; read-only (WAL: the server may still write). */
function readLog(eventsFile: string, positions: number[]): { recordedAt: Map<number, number>; head: number } {
  const out = new Map<number, number>();
  const db = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    const head = (db.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number | null }).head ?? 0;
    if (positions.length === 0) return { recordedAt: out, head };
    const rows = db
      .prepare(
        "SELECT position, json_extract(metadata, '$.recordedAt') AS recordedAt FROM events WHERE position BETWEEN ? AND ?",
      )
      .all(
        positions.reduce((a, b) => Math.min(a, b)),
        positions.reduce((a, b) => Math.max(a, b)),
      ) as { position: number; recordedAt: string }[];
    for (const r of rows) out.set(r.position, Date.parse(r.recordedAt));
    return { recordedAt: out, head };
  } finally {
    db.close();
  }
}
