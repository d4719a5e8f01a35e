/**
 * The embedded event store (default): one SQLite file through better-sqlite3, WAL, synchronous=FULL, appends
 * group-committed (./group-commit.ts) on this thread or in a writer thread (`writerThread`), hashes chained per
 * stream (../hash-chain.ts), upcasting on read.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../../../../contracts/envelope';
import { GENESIS_HASH } from '../../../platform/eventstore/hash-chain';
import { pollingSubscription } from '../../../platform/eventstore/polling-subscription';
import type {
  AppendOptions,
  AppendResult,
  CommandRecord,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../../platform/eventstore/port';
import { UpcasterRegistry, noUpcasters } from '../../../platform/eventstore/upcasting';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { BatchWriter } from './batch-writer';
import { GroupCommitter, withRecorded } from './group-commit';
import { openSchema } from './schema';
import { prefixRangeSql, prepareStatements, rowToEvent, type EventRow, type Statements } from './statements';
import { WriterThread } from './writer-client';

/** The embedded event store's file in the data directory: its one spelling. */
export const EVENTS_FILE = 'events.sqlite';

export interface SqliteEventStoreOptions {
  /** Directory for `events.sqlite` (created if missing). One of `dataDir` / `file` is required. */
  dataDir?: string;
  /** Explicit database file path. */
  file?: string;
  upcasters?: UpcasterRegistry;
  /** Clock for `recordedAt` (ISO-8601). Default: the system clock. */
  now?: () => string;
  /** Checkpoint the WAL from a worker thread (default true); false: SQLite's automatic checkpoints. */
  backgroundCheckpoints?: boolean;
  /**
   * Write group-commit batches in a worker thread with its own connection (default false): the main thread's event
   * loop keeps serving requests during the COMMIT's fsync (a sizeable share of the main thread under command load).
   * An append is still acknowledged only after its COMMIT returned; reads here see it (WAL: a later read transaction).
   */
  writerThread?: boolean;
}

const MAX_REVISION = Number.MAX_SAFE_INTEGER;

export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const file = options.file ?? (options.dataDir ? join(options.dataDir, EVENTS_FILE) : undefined);
  if (!file) throw new Error('createSqliteEventStore: give dataDir or file');
  mkdirSync(dirname(file), { recursive: true });
  return new SqliteEventStore(file, options);
}

export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly s: Statements;
  private readonly committer: GroupCommitter;
  /** What reads apply; other threads reading this file through their own connections get its renames (data). */
  readonly upcasters: UpcasterRegistry;
  private commitWaiters: (() => void)[] = [];
  private readonly commitListeners = new Set<(head: number) => void>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly prefixStatements = new Map<number, Database.Statement<unknown[]>>();
  private closed = false;
  private readonly checkpointer?: Checkpointer;
  /** The writer thread, when `writerThread` (tests reach its connection and kill it). */
  readonly writer?: WriterThread;

  constructor(
    readonly file: string,
    options: Omit<SqliteEventStoreOptions, 'file' | 'dataDir'> = {},
  ) {
    this.db = new Database(file);
    openSchema(this.db);
    this.s = prepareStatements(this.db);
    this.upcasters = options.upcasters ?? noUpcasters;
    if (options.backgroundCheckpoints !== false) this.checkpointer = startCheckpointer(this.db, file);
    if (options.writerThread) {
      this.writer = new WriterThread({
        file,
        ...(this.checkpointer
          ? { backstopPages: this.db.pragma('wal_autocheckpoint', { simple: true }) as number }
          : {}),
      });
    }
    this.committer = new GroupCommitter({
      sink: this.writer ? this.writer.commit : new BatchWriter(this.db, this.s).commit,
      // A writer thread that died after its COMMIT stored a batch it could not acknowledge: the head moves on.
      ...(this.writer ? { readHead: () => this.s.maxPosition.get()?.head ?? 0, maxInFlight: 2 } : {}),
      now: options.now ?? (() => new Date().toISOString()),
      initialHead: this.s.maxPosition.get()?.head ?? 0,
      onCommit: (head) => {
        const waiters = this.commitWaiters;
        this.commitWaiters = [];
        for (const wake of waiters) wake();
        for (const listener of this.commitListeners) listener(head);
      },
    });
  }

  append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('Event store is closed'));
    const appended = this.committer.enqueue(streamName, events, expected, options);
    if (this.upcasters.isEmpty) return appended;
    return appended.then((r) =>
      r.recorded
        ? withRecorded(
            r,
            r.recorded.map((e) => this.upcasters.apply(e)),
          )
        : r,
    );
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? -1;
    const rows =
      options.direction === 'backwards'
        ? this.s.streamBackwards.all(streamName, options.fromRevision ?? MAX_REVISION, options.toRevision ?? 0, limit)
        : this.s.streamForwards.all(streamName, options.fromRevision ?? 0, options.toRevision ?? MAX_REVISION, limit);
    return this.toEvents(rows as EventRow[], options.raw);
  }

  async readAll(afterPosition: number, maxCount: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.toEvents(this.s.all.all(afterPosition, MAX_REVISION, maxCount) as EventRow[], options.raw);
  }

  subscribeToAll(
    afterPosition: number,
    handler: (events: RecordedEvent[]) => Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    const inner = pollingSubscription(
      {
        head: () => this.committer.headPosition,
        readRange: (after, upTo, max, prefixes) => this.readRange(after, upTo, max, prefixes),
        onNextCommit: (wake) => this.commitWaiters.push(wake),
      },
      afterPosition,
      handler,
      options,
    );
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.committer.headPosition;
  }

  /**
   * Calls `listener` with the new head after every commit; returns the unsubscribe. The projector thread
   * (services/adapters/sqlite/projector/projector-thread.ts) reads the log through its own connection and is woken by this.
   */
  onCommit(listener: (head: number) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  async getStreamMetadata(streamName: string): Promise<Record<string, unknown> | null> {
    const row = this.s.streamMetadata.get(streamName);
    return row?.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : null;
  }

  async setStreamMetadata(streamName: string, metadata: Record<string, unknown>): Promise<void> {
    this.s.upsertStreamMetadata.run(streamName, GENESIS_HASH, JSON.stringify(metadata));
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    const row = this.s.command.get(commandId);
    if (!row) return null;
    const result = JSON.parse(row.result) as Pick<CommandRecord, 'revision' | 'position' | 'eventCount'>;
    return { commandId, streamName: row.stream, commandHash: row.command_hash, ...result };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.drain();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.writer?.close();
    await this.checkpointer?.stop();
    this.db.close();
  }

  /** Events with after < position <= upTo, in order, at most `max` (synchronous; also the projector thread's read). */
  readRange(after: number, upTo: number, max: number, prefixes?: readonly string[]): RecordedEvent[] {
    if (!prefixes) return this.toEvents(this.s.all.all(after, upTo, max) as EventRow[]);
    let statement = this.prefixStatements.get(prefixes.length);
    if (!statement) {
      statement = this.db.prepare(prefixRangeSql(prefixes.length)).raw(true);
      this.prefixStatements.set(prefixes.length, statement);
    }
    const params = prefixes.flatMap((p) => [p.length, p]);
    return this.toEvents(statement.all(after, upTo, ...params, max) as EventRow[]);
  }

  private toEvents(rows: EventRow[], raw = false): RecordedEvent[] {
    const events = rows.map(rowToEvent);
    if (raw || this.upcasters.isEmpty) return events;
    return events.map((e) => this.upcasters.apply(e));
  }
}
