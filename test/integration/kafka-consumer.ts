/** A kafkajs consumer that collects every message of a topic from the beginning, with its arrival time. */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { ServiceStageMessage } from '../../contracts/monitoring';

export interface Received {
  message: ServiceStageMessage;
  key: string;
  partition: number;
  offset: string;
  /** Date.now() when the consumer got it. */
  at: number;
}

export class CollectingConsumer {
  readonly received: Received[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly brokers: string,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'kezen-it-consumer',
      brokers: this.brokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: `kezen-it-${randomUUID()}`, maxWaitTimeInMs: 50 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message, partition }) => {
        this.received.push({
          message: JSON.parse(message.value!.toString('utf8')) as ServiceStageMessage,
          key: message.key!.toString('utf8'),
          partition,
          offset: message.offset,
          at: Date.now(),
        });
      },
    });
  }

  async waitFor(count: (received: Received[]) => boolean, timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!count(this.received)) {
      if (Date.now() > deadline) throw new Error(`consumer: timed out with ${this.received.length} messages`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Distinct message ids received. */
  ids(): Set<string> {
    return new Set(this.received.map((r) => r.message.messageId));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** p-th percentile (0..100) of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
