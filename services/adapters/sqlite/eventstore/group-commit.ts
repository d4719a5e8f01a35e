/**
 * Group commit for the embedded store. Appends made while the event loop is busy are queued and flushed together on
 * the next turn (setImmediate): one transaction, one fsync, many appends (./batch-writer.ts). Promises resolve only
 * after COMMIT returned (the WAL is fsynced: synchronous=FULL); an error of the transaction rejects the whole batch as
 * StoreUnavailable — nothing of it is stored or acknowledged.
 * The batch is written either on this thread (better-sqlite3 is synchronous: the event loop waits for the fsync) or
 * in the writer thread (./writer-client.ts): then up to `maxInFlight` batches are in flight, and the appends made
 * meanwhile form the next one. The writer takes them in order, one transaction each, so two in flight change
 * nothing of the outcomes; they spare the hand-off between two commits (the writer's answer waiting for this
 * thread's event loop, the next batch waiting for the writer to wake). That pays under light load; under heavy
 * load the batches are large anyway.
 */
import type { NewEvent, RecordedEvent } from '../../../../contracts/envelope';
import {
  StoreUnavailable,
  type AppendOptions,
  type AppendResult,
  type ExpectedRevision,
} from '../../../platform/eventstore/port';
import { prepareEvent, type AppendRequest, type Outcome } from './batch-writer';
import { recordedOf } from './statements';
import { sqliteStorageCause } from '../../../platform/storage-errors';

interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Writes a batch in one transaction: its outcomes, or a throw / rejection when the transaction was rolled back. */
export type BatchSink = (batch: readonly AppendRequest[], recordedAt: string) => Outcome[] | Promise<Outcome[]>;

export interface GroupCommitterDeps {
  sink: BatchSink;
  /** ISO-8601 instant for `recordedAt`. */
  now(): string;
  /** Called after every successful commit with the new head position. */
  onCommit(head: number): void;
  initialHead: number;
  /** The stored head, read after a failed batch (a writer thread that died after its COMMIT). */
  readHead?(): number;
  /** Batches an asynchronous sink may hold at once (default 1); they must settle in the order they were sent. */
  maxInFlight?: number;
}

export class GroupCommitter {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private head: number;
  /** Batches in the writer thread (up to `maxInFlight`; the next one forms meanwhile). */
  private inFlight = 0;
  /** The last batch sent: it settles last (the sink answers in order). */
  private lastSent?: Promise<void>;

  constructor(private readonly deps: GroupCommitterDeps) {
    this.head = deps.initialHead;
  }

  get headPosition(): number {
    return this.head;
  }

  enqueue(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions) {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamName, events: events.map(prepareEvent), expected, options, resolve, reject });
      this.schedule();
    });
  }

  private get full(): boolean {
    return this.inFlight >= (this.deps.maxInFlight ?? 1);
  }

  private schedule(): void {
    if (this.scheduled || this.full) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Commits everything queued now (a synchronous sink commits before returning). */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.full) return; // flushed again when a batch in flight settles
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const recordedAt = this.deps.now();
    let outcomes: Outcome[] | Promise<Outcome[]>;
    try {
      outcomes = this.deps.sink(batch, recordedAt);
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    if (!(outcomes instanceof Promise)) {
      this.settle(batch, outcomes, recordedAt);
      return;
    }
    this.inFlight += 1;
    const settled = outcomes.then(
      (results) => this.settle(batch, results, recordedAt),
      (error: unknown) => this.fail(batch, error),
    );
    this.lastSent = settled;
    void settled.finally(() => {
      this.inFlight -= 1;
      if (this.queue.length > 0) this.schedule();
    });
  };

  /** Resolves once nothing is queued or in flight (close()). */
  async drain(): Promise<void> {
    for (;;) {
      this.flush();
      if (this.inFlight > 0) await this.lastSent;
      else if (this.queue.length === 0) return;
    }
  }

  private settle(batch: PendingAppend[], results: Outcome[], recordedAt: string): void {
    for (const r of results) if (r.ok && r.value.position > this.head) this.head = r.value.position;
    this.deps.onCommit(this.head);
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (!r.ok) item.reject(r.error);
      else {
        const { stamps, ...result } = r.value;
        item.resolve(
          stamps
            ? withRecorded(
                result,
                stamps.map((stamp, e) => recordedOf(item.streamName, item.events[e]!, stamp, recordedAt)),
              )
            : result,
        );
      }
    });
  }

  /**
   * A write or COMMIT failed (disk full, read-only storage, I/O error, a dead writer thread): the transaction was
   * rolled back, nothing of this batch is acknowledged, and the next batch starts a fresh transaction (so writes
   * succeed again, without a restart, once space or permission returns).
   */
  private fail(batch: PendingAppend[], error: unknown): void {
    const cause = error instanceof StoreUnavailable ? undefined : sqliteStorageCause(error);
    const failure =
      error instanceof StoreUnavailable
        ? error
        : new StoreUnavailable(`The event store cannot write${cause ? `: ${cause}` : ''}`, error);
    for (const item of batch) item.reject(failure);
    const stored = this.deps.readHead?.();
    if (stored !== undefined && stored > this.head) {
      this.head = stored;
      this.deps.onCommit(this.head);
    }
  }
}

/**
 * `recorded` rides along non-enumerable: the result of an append is its revision and position (a re-sent append
 * equals the original result), the events are only handed to the caller to spare it a read-back.
 */
export function withRecorded(result: AppendResult, recorded: RecordedEvent[]): AppendResult {
  return Object.defineProperty(result, 'recorded', { value: recorded, enumerable: false, writable: true });
}
