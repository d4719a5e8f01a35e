/**
 * Group commit for the embedded store. better-sqlite3 is synchronous, so appends made while the event loop is busy
 * are queued and flushed together on the next turn (setImmediate): one transaction, one fsync, many appends. Each
 * append runs in its own savepoint and is checked against its own expected revision, so a failing append rejects
 * alone while the others commit. Promises resolve only after COMMIT returned (the WAL is fsynced: synchronous=FULL).
 * Every check of an append runs before its first write, so a refused append has written nothing and needs no
 * savepoint (measured: savepoints cost ~15% of an append's CPU); an error after an append began writing (I/O, a
 * broken invariant) aborts the whole transaction and rejects the whole batch — nothing of it is acknowledged.
 */
import type Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../../../contracts/envelope';
import { GENESIS_HASH, computeEventHash } from '../hash-chain';
import {
  DuplicateEventId,
  StoreUnavailable,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  type ExpectedRevision,
} from '../port';
import { rowToEvent, type EventRow, type Statements } from './statements';
import { sqliteStorageCause } from './storage-errors';

interface PendingAppend {
  streamName: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  options: AppendOptions;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface GroupCommitterDeps {
  db: Database.Database;
  statements: Statements;
  /** ISO-8601 instant for `recordedAt`. */
  now(): string;
  /** Called after every successful commit with the new head position. */
  onCommit(head: number): void;
  initialHead: number;
}

export class GroupCommitter {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private head: number;
  /** Set when the append being processed has begun writing (its checks all passed). */
  private writing = false;
  private readonly commitBatch: (batch: PendingAppend[], results: Outcome[], recordedAt: string) => void;

  constructor(private readonly deps: GroupCommitterDeps) {
    this.head = deps.initialHead;
    this.commitBatch = deps.db.transaction((batch: PendingAppend[], results: Outcome[], recordedAt: string) => {
      for (const item of batch) {
        this.writing = false;
        try {
          results.push({ ok: true, value: this.write(item, recordedAt) });
        } catch (error) {
          if (this.writing) throw error; // half-written: abort the transaction, reject the batch
          results.push({ ok: false, error });
        }
      }
    });
  }

  get headPosition(): number {
    return this.head;
  }

  enqueue(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions) {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamName, events, expected, options, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    });
  }

  /** Commits everything queued now (also used by close()). */
  readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const results: Outcome[] = [];
    try {
      this.commitBatch(batch, results, this.deps.now());
    } catch (error) {
      // A write or COMMIT failed (disk full, read-only storage, I/O error): the transaction was rolled back, nothing of
      // this batch is stored or acknowledged, and the next batch starts a fresh transaction (issue #10: writes
      // succeed again, without a restart, once space or permission returns).
      const cause = sqliteStorageCause(error);
      const failure = new StoreUnavailable(`The event store cannot write${cause ? `: ${cause}` : ''}`, error);
      for (const item of batch) item.reject(failure);
      return;
    }
    for (const r of results) if (r.ok && r.value.position > this.head) this.head = r.value.position;
    this.deps.onCommit(this.head);
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (r.ok) item.resolve(r.value);
      else item.reject(r.error);
    });
  };

  private write(item: PendingAppend, recordedAt: string): AppendResult {
    const { streamName, events, expected, options } = item;
    const s = this.deps.statements;
    const resent = events.length > 0 ? this.findResent(streamName, events) : undefined;
    if (resent) return resent;

    const head = s.streamHead.get(streamName);
    const current = head ? head.revision : -1;
    const ok = expected === 'any' || (expected === 'no-stream' ? current === -1 : current === expected);
    if (!ok) throw new WrongExpectedRevision(streamName, expected, current === -1 ? 'no-stream' : current);
    if (options.command) {
      const handled = this.findHandled(streamName, options.command);
      if (handled) return handled;
    }

    this.writing = true;

    let prevHash = head && head.revision >= 0 ? head.last_hash : GENESIS_HASH;
    const streamId =
      head?.id ?? (events.length > 0 ? Number(s.insertStream.run(streamName, GENESIS_HASH).lastInsertRowid) : -1);
    let revision = current;
    let position = events.length === 0 ? (s.maxPosition.get()?.head ?? 0) : 0;
    // The rows as stored, so the caller gets the recorded events without reading them back.
    const rows: EventRow[] = [];
    for (const event of events) {
      revision += 1;
      const metadata = { ...event.metadata, recordedAt, prevHash, hash: '' };
      metadata.hash = computeEventHash({ ...event, streamName, revision, prevHash, metadata });
      const data = JSON.stringify(event.data);
      const meta = JSON.stringify(metadata);
      const info = s.insertEvent.run(streamId, revision, event.eventId, event.type, event.schemaVersion, data, meta);
      position = Number(info.lastInsertRowid);
      prevHash = metadata.hash;
      rows.push([position, streamName, revision, event.eventId, event.type, event.schemaVersion, data, meta]);
    }
    if (events.length > 0) s.updateStreamHead.run(revision, prevHash, streamId);
    if (options.command) {
      const record: Omit<CommandRecord, 'commandId' | 'streamName' | 'commandHash'> = {
        revision,
        position,
        eventCount: events.length,
      };
      s.insertCommand.run(options.command.commandId, streamName, options.command.commandHash, JSON.stringify(record));
    }
    return withRecorded({ nextRevision: revision, position }, rows.map(rowToEvent));
  }

  /** The same command already recorded (a race of two identical requests): its first result. */
  private findHandled(streamName: string, command: NonNullable<AppendOptions['command']>): AppendResult | undefined {
    const row = this.deps.statements.command.get(command.commandId);
    if (!row) return undefined;
    if (row.stream !== streamName || row.command_hash !== command.commandHash) {
      throw new DuplicateEventId(streamName, `(command ${command.commandId} was recorded for another command)`);
    }
    const record = JSON.parse(row.result) as Pick<CommandRecord, 'revision' | 'position'>;
    return { nextRevision: record.revision, position: record.position };
  }

  /** A re-sent append (same event ids, same stream, consecutive revisions) returns the original result. */
  private findResent(streamName: string, events: readonly NewEvent[]): AppendResult | undefined {
    const s = this.deps.statements;
    const first = s.eventById.get(events[0]!.eventId);
    if (!first) {
      for (const e of events) if (s.eventById.get(e.eventId)) throw new DuplicateEventId(streamName, e.eventId);
      return undefined;
    }
    let last = first;
    for (let i = 0; i < events.length; i += 1) {
      const stored = i === 0 ? first : s.eventById.get(events[i]!.eventId);
      if (!stored || stored.stream !== streamName || stored.revision !== first.revision + i) {
        throw new DuplicateEventId(streamName, events[i]!.eventId);
      }
      last = stored;
    }
    return { nextRevision: last.revision, position: last.position };
  }
}

/**
 * `recorded` rides along non-enumerable: the result of an append is its revision and position (a re-sent append
 * equals the original result), the events are only handed to the caller to spare it a read-back.
 */
export function withRecorded(result: AppendResult, recorded: RecordedEvent[]): AppendResult {
  return Object.defineProperty(result, 'recorded', { value: recorded, enumerable: false, writable: true });
}

type Outcome = { ok: true; value: AppendResult } | { ok: false; error: unknown };
