/**
 * The event-store port. Adapters: embedded SQLite (default) and EventStoreDB. Both pass
 * test/contracts/event-store.contract.ts.
 */
import type { NewEvent, RecordedEvent } from '../../../contracts/envelope';

/** `no-stream`: the stream must not exist; `any`: no check; a number: the stream's current revision must equal it. */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event appended (the stream's new current revision). */
  nextRevision: number;
  /** Global position of the last event appended. */
  position: number;
  /**
   * The events this append stored, exactly as `readStream` would return them (upcast), when the adapter has them at
   * hand (embedded SQLite store): the command handler then needs no read-back. Absent: read them back.
   */
  recorded?: RecordedEvent[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; default: start (forwards) or end (backwards). */
  fromRevision?: number;
  /** Inclusive. */
  toRevision?: number;
  maxCount?: number;
  /** Return events as stored, without upcasting (the hash-chain verifier reads this way). */
  raw?: boolean;
}

export interface ReadAllOptions {
  /** Return events as stored, without upcasting. */
  raw?: boolean;
}

/** What the store records about a handled command, atomically with its events (idempotency, services/platform/commands). */
export interface CommandRecord {
  commandId: string;
  streamName: string;
  /** Fingerprint of the command (stream, type, data): the same id reused for another command is refused. */
  commandHash: string;
  /** The stream's revision after the command (-1: the stream did not exist and the command appended nothing). */
  revision: number;
  /** Global position of the command's last event (or the log head at the time, for a command that appended nothing). */
  position: number;
  /** How many events the command appended (they are the revisions `revision - eventCount + 1 .. revision`). */
  eventCount: number;
}

export interface AppendOptions {
  /** Record this command as handled in the same transaction as the events (adapters that support it). */
  command?: Pick<CommandRecord, 'commandId' | 'commandHash'>;
  /**
   * The event ids were made for this append just now (from a freshly generated command id): none can be stored yet,
   * so an adapter may skip its look-up for a re-sent append. The unique event id still refuses a duplicate.
   */
  newEventIds?: boolean;
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
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

/** Some of an append's event ids are already stored, but not as exactly this append (another stream or a partial match). */
export class DuplicateEventId extends Error {
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(`Event ${eventId} is already stored and the append to ${streamName} is not a re-send of the same events`);
    this.name = 'DuplicateEventId';
  }
}

export interface EventStore {
  /**
   * Appends atomically. Events whose `eventId` is already stored in this stream make the append a no-op that
   * returns the original result (a re-sent append is idempotent).
   */
  append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events with position > `afterPosition` (0 = from the start), in order. */
  readAll(afterPosition: number, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The record of a command handled with `append(..., { command })`, or null. `streamName` is the stream the caller
   * is about to write (an adapter that keeps records with the stream's events looks there).
   */
  findCommand?(commandId: string, streamName: string): Promise<CommandRecord | null>;
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
