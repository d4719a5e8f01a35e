/**
 * The event-store port. Adapters: embedded SQLite (default) and EventStoreDB. Both pass
 * test/contracts/event-store.contract.ts.
 */
import type { NewEvent, RecordedEvent } from '../../contracts/envelope';

/** `no-stream`: the stream must not exist; `any`: no check; a number: the stream's current revision must equal it. */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event appended (the stream's new current revision). */
  nextRevision: number;
  /** Global position of the last event appended. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; default: start (forwards) or end (backwards). */
  fromRevision?: number;
  /** Inclusive. */
  toRevision?: number;
  maxCount?: number;
}

export interface Subscription {
  /** Resolves when the subscription has stopped. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** Only events whose stream name starts with one of these prefixes (e.g. `privatization-`). */
  streamPrefixes?: readonly string[];
  /** Max events per handler call; the next batch is read only after the handler's promise resolves (back-pressure). */
  batchSize?: number;
  onError?: (error: unknown) => void;
}

export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no-stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** A backing server is unreachable or refuses writes: nothing was written (API: 503). */
export class StoreUnavailable extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

export interface EventStore {
  /**
   * Appends atomically. Events whose `eventId` is already stored in this stream make the append a no-op that
   * returns the original result (a re-sent append is idempotent).
   */
  append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events with position > `afterPosition` (0 = from the start), in order. */
  readAll(afterPosition: number, maxCount: number): Promise<RecordedEvent[]>;
  /** Catch up from `afterPosition`, then go live; never skips or repeats; awaits the handler before the next batch. */
  subscribeToAll(
    afterPosition: number,
    handler: (events: RecordedEvent[]) => Promise<void>,
    options?: SubscribeOptions,
  ): Subscription;
  /** Global position of the last event in the log (0 when empty). */
  headPosition(): Promise<number>;
  getStreamMetadata(streamName: string): Promise<Record<string, unknown> | null>;
  setStreamMetadata(streamName: string, metadata: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}
