/**
 * Publishes the monitoring feed to Kafka (KAFKA_BROKERS), topic `kezen.monitoring.service-stage.v1`, key = case id
 * (one partition per case: each case's messages stay in order), from its own checkpoint.
 *
 * Nothing lost: the checkpoint advances only after Kafka acknowledged the batch from all in-sync replicas
 * (`acks: -1`). Duplicates only as same-id repeats: after a failure the unacknowledged batch is sent again as it
 * was (the idempotent producer removes the repeats Kafka can detect; a resend by a new producer after a crash keeps
 * the same `messageId`, which consumers deduplicate on). While Kafka is down the publisher pauses and retries with
 * exponential back-off; on recovery it sends everything it had not sent, in order.
 */
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { SERVICE_STAGE_V1, type ServiceStageMessage } from '../../../contracts/monitoring';
import type { ReadStore } from '../../platform/readstore/port';
import { FeedSignal, KAFKA_PUBLISHER_CHECKPOINT, readFeed } from '../../platform/feed/feed-store';
import type { FeedPublisher, PublisherStatus } from '../../platform/feed/port';

export type { PublisherStatus } from '../../platform/feed/port';

export interface KafkaPublisherOptions {
  brokers: readonly string[];
  readStore: ReadStore;
  /** Wakes the publisher as soon as the feed advanced (otherwise it polls every `pollMs`). */
  signal?: FeedSignal;
  topic?: string;
  /** Partitions of the topic when the publisher creates it (default 6). */
  partitions?: number;
  replicationFactor?: number;
  batchSize?: number;
  pollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  clientId?: string;
  onError?: (error: unknown) => void;
  onPublished?: (messages: readonly ServiceStageMessage[]) => void;
}

export class KafkaPublisher implements FeedPublisher {
  readonly topic: string;
  private readonly kafka: Kafka;
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private unsubscribe?: () => void;
  private readonly state: PublisherStatus = { checkpoint: 0, connected: false, consecutiveFailures: 0 };
  private topicReady = false;
  /** The feed advanced since the last read (a signal that arrived while a batch was being sent). */
  private pending = false;

  constructor(private readonly options: KafkaPublisherOptions) {
    this.topic = options.topic ?? SERVICE_STAGE_V1;
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'kezen-feed-publisher',
      brokers: [...options.brokers],
      logLevel: logLevel.NOTHING,
      // Fail fast inside kafkajs; the publisher's own back-off loop decides when to try again.
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
      connectionTimeout: 3000,
      requestTimeout: 10000,
    });
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.options.readStore.init([KAFKA_PUBLISHER_CHECKPOINT]);
    this.state.checkpoint = await this.options.readStore.getCheckpoint(KAFKA_PUBLISHER_CHECKPOINT.name);
    this.running = true;
    this.unsubscribe = this.options.signal?.onAdvance(() => {
      this.pending = true;
      this.wake?.();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    await this.disconnect();
  }

  status(): PublisherStatus {
    return { ...this.state };
  }

  /** Creates the topic up front (idempotent), rather than relying on broker auto-creation. */
  async ensureTopic(admin?: Admin): Promise<void> {
    const own = admin ?? this.kafka.admin();
    try {
      await own.connect();
      const existing = await own.listTopics();
      if (!existing.includes(this.topic)) {
        await own.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic: this.topic,
              numPartitions: this.options.partitions ?? 6,
              replicationFactor: this.options.replicationFactor ?? 1,
            },
          ],
        });
      }
      this.topicReady = true;
    } finally {
      if (!admin) await own.disconnect().catch(() => undefined);
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true, // requires acks=-1 and at most one request in flight: order and no broker-side repeats
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    this.producer = producer;
    this.state.connected = true;
    return producer;
  }

  private async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.state.connected = false;
    await producer?.disconnect().catch(() => undefined);
  }

  /** One pass: sends the next batch after the checkpoint; returns how many messages were sent. */
  async publishOnce(): Promise<number> {
    this.pending = false;
    const page = await readFeed(this.options.readStore, {
      after: this.state.checkpoint,
      limit: this.options.batchSize ?? 500,
    });
    if (page.items.length === 0) return 0;
    if (!this.topicReady) await this.ensureTopic();
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: page.items.map((m) => ({
        key: m.caseId,
        value: JSON.stringify(m),
        headers: { 'message-id': m.messageId, schema: SERVICE_STAGE_V1 },
      })),
    });
    const last = page.items[page.items.length - 1]!.position;
    // Acknowledged by Kafka: only now may the checkpoint move (a crash before this line re-sends the same ids).
    await this.options.readStore.commit(KAFKA_PUBLISHER_CHECKPOINT.name, [], last);
    this.state.checkpoint = last;
    this.options.onPublished?.(page.items);
    return page.items.length;
  }

  private async run(): Promise<void> {
    const min = this.options.minBackoffMs ?? 200;
    const max = this.options.maxBackoffMs ?? 10000;
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.publishOnce();
        this.state.consecutiveFailures = 0;
        delete this.state.lastError;
      } catch (error) {
        this.state.consecutiveFailures += 1;
        this.state.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
        // A fresh producer next time: kafkajs does not always recover a producer whose broker went away.
        await this.disconnect();
        const backoff = Math.min(max, min * 2 ** Math.min(this.state.consecutiveFailures - 1, 16));
        await this.pause(backoff * (0.75 + Math.random() * 0.5), false);
        continue;
      }
      if (sent === 0) await this.pause(this.options.pollMs ?? 1000, true);
    }
  }

  /** Sleeps at most `ms`; a stop always ends it, the feed signal only when `wakeable` (not during back-off). */
  private async pause(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.pending) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
      new Promise<void>((resolve) => {
        this.wake = () => {
          if (wakeable || !this.running) resolve();
        };
      }),
    ]);
    clearTimeout(timer);
    this.wake = undefined;
  }
}
