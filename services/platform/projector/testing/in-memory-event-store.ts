/**
 * A minimal in-memory EventStore (services/platform/eventstore/port.ts) for projector and time-travel tests: append with
 * expected-revision checks, stream and global reads, and a catch-up-then-live subscription with back-pressure.
 * Not an adapter for production (no durability, no hash chain: `prevHash`/`hash` are left as given).
 */
import type { NewEvent, RecordedEvent } from '../../../../contracts/envelope';
import {
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
} from '../../eventstore/port';

export interface InMemoryEventStoreOptions {
  /** The clock that stamps `recordedAt` (tests inject it). */
  now?: () => string;
}

export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly metadata = new Map<string, Record<string, unknown>>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => string;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.now = options.now ?? (() => new Date().toISOString());
  }

  async append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.appendSync(streamName, events, expected);
  }

  /** Synchronous append (fast seeding of large synthetic logs in tests and benchmarks). */
  appendSync(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const first = events[0];
    if (first) {
      const existing = stream.find((e) => e.eventId === first.eventId);
      if (existing) {
        const last = stream.find((e) => e.eventId === events[events.length - 1]!.eventId) ?? existing;
        return { nextRevision: last.revision, position: last.position };
      }
    }
    if (expected === 'no-stream' ? stream.length > 0 : typeof expected === 'number' && expected !== current) {
      throw new WrongExpectedRevision(streamName, expected, stream.length === 0 ? 'no-stream' : current);
    }
    const recordedAt = this.now();
    for (const e of events) {
      const recorded: RecordedEvent = {
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: { ...e.metadata, recordedAt, prevHash: '', hash: '' },
        streamName,
        revision: stream.length,
        position: this.log.length + 1,
      };
      stream.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamName, stream);
    for (const l of this.listeners) l();
    return { nextRevision: stream.length - 1, position: this.log.length };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamName) ?? [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? stream.length - 1 : 0);
    const to = options.toRevision ?? (backwards ? 0 : stream.length - 1);
    let events = backwards
      ? stream.filter((e) => e.revision <= from && e.revision >= to).reverse()
      : stream.filter((e) => e.revision >= from && e.revision <= to);
    if (options.maxCount !== undefined) events = events.slice(0, options.maxCount);
    return events;
  }

  async readAll(afterPosition: number, maxCount: number): Promise<RecordedEvent[]> {
    // Positions are 1-based and gapless here: position p is log[p - 1].
    return this.log.slice(afterPosition, afterPosition + maxCount);
  }

  subscribeToAll(
    afterPosition: number,
    handler: (events: RecordedEvent[]) => Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    const batchSize = options.batchSize ?? 500;
    let position = afterPosition;
    let stopped = false;
    let wake: (() => void) | null = null;
    const listener = () => wake?.();
    this.listeners.add(listener);
    const loop = (async () => {
      while (!stopped) {
        const batch = this.log.slice(position, position + batchSize);
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 50);
          });
          wake = null;
          continue;
        }
        position = batch[batch.length - 1]!.position;
        const prefixes = options.streamPrefixes;
        const delivered = prefixes?.length
          ? batch.filter((e) => prefixes.some((p) => e.streamName.startsWith(p)))
          : batch;
        if (delivered.length === 0) continue;
        try {
          await handler(delivered);
        } catch (error) {
          options.onError?.(error);
          stopped = true;
        }
      }
    })();
    return {
      stop: async () => {
        stopped = true;
        wake?.();
        this.listeners.delete(listener);
        await loop;
      },
    };
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async getStreamMetadata(streamName: string): Promise<Record<string, unknown> | null> {
    return this.metadata.get(streamName) ?? null;
  }

  async setStreamMetadata(streamName: string, metadata: Record<string, unknown>): Promise<void> {
    this.metadata.set(streamName, metadata);
  }

  async close(): Promise<void> {
    for (const l of this.listeners) l();
    this.listeners.clear();
  }
}
