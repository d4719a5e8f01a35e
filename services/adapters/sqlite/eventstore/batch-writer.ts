/**
 * One group-commit batch written in one transaction (used on the main thread, or in the writer thread:
 * ./writer-thread.ts). Each append is checked against its own expected revision, so a failing append is refused
 * alone while the others commit. Every check of an append runs before its first write, so a refused append has
 * written nothing and needs no savepoint (a savepoint per append was a large share of an append's CPU); an error
 * after an append began writing (I/O, a broken invariant) aborts the whole transaction: `commit` throws and nothing
 * of the batch is stored.
 */
import type Database from 'better-sqlite3';
import type { NewEvent } from '../../../../contracts/envelope';
import { CanonicalJsonText, canonicalJson } from '../../../platform/eventstore/canonical-json';
import { GENESIS_HASH, computeEventHash } from '../../../platform/eventstore/hash-chain';
import {
  DuplicateEventId,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  type ExpectedRevision,
} from '../../../platform/eventstore/port';
import type { Statements } from './statements';

/**
 * A new event as the writer takes it: `data` already rendered by the appending thread (prepareEvent) — as JSON, the
 * text stored, and as canonical JSON, the text the hash covers — so the writer thread receives strings instead of a
 * tree of objects to clone (the structured clone of each batch showed in the request loop's profile) and neither
 * renders nor parses the data. The stored text keeps the data's own key order: a log stored with sorted keys was
 * slower to rebuild.
 */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  /** JSON.stringify(data): the stored text. */
  data: string;
  /** canonicalJson(data): the hashed text. */
  canonicalData: string;
  metadata: NewEvent['metadata'];
}

export const prepareEvent = (e: NewEvent): PreparedEvent => ({
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: JSON.stringify(e.data),
  canonicalData: canonicalJson(e.data),
  metadata: e.metadata,
});

export interface AppendRequest {
  streamName: string;
  events: readonly PreparedEvent[];
  expected: ExpectedRevision;
  options: AppendOptions;
}

/**
 * What the writer adds to each event it stores, in order: position, revision, prevHash, hash (with the batch's
 * recordedAt and the prepared event, the whole recorded event — ./statements.ts recordedOf).
 */
export type StoredStamp = [position: number, revision: number, prevHash: string, hash: string];

/** An append's result; `stamps` only when this append wrote, not for a re-send. */
export type Written = AppendResult & { stamps?: StoredStamp[] };
export type Outcome = { ok: true; value: Written } | { ok: false; error: unknown };

export class BatchWriter {
  /** Set when the append being processed has begun writing (its checks all passed). */
  private writing = false;
  /** Runs the batch in one transaction and returns one outcome per append; throws (rolled back) on a write error. */
  readonly commit: (batch: readonly AppendRequest[], recordedAt: string) => Outcome[];

  constructor(
    db: Database.Database,
    private readonly s: Statements,
  ) {
    const transaction = db.transaction((batch: readonly AppendRequest[], results: Outcome[], recordedAt: string) => {
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
    this.commit = (batch, recordedAt) => {
      const results: Outcome[] = [];
      transaction(batch, results, recordedAt);
      return results;
    };
  }

  private write(item: AppendRequest, recordedAt: string): Written {
    const { streamName, events, expected, options } = item;
    const s = this.s;
    const resent = events.length > 0 && !options.newEventIds ? this.findResent(streamName, events) : undefined;
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
    // What the caller needs to know the recorded events without reading them back.
    const stamps: StoredStamp[] = [];
    for (const event of events) {
      revision += 1;
      const metadata = { ...event.metadata, recordedAt, prevHash, hash: '' };
      const data = event.data;
      metadata.hash = computeEventHash({
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: new CanonicalJsonText(event.canonicalData),
        streamName,
        revision,
        prevHash,
        metadata,
      });
      const meta = JSON.stringify(metadata);
      const info = s.insertEvent.run(streamId, revision, event.eventId, event.type, event.schemaVersion, data, meta);
      position = Number(info.lastInsertRowid);
      stamps.push([position, revision, prevHash, metadata.hash]);
      prevHash = metadata.hash;
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
    return { nextRevision: revision, position, stamps };
  }

  /** The same command already recorded (a race of two identical requests): its first result. */
  private findHandled(streamName: string, command: NonNullable<AppendOptions['command']>): AppendResult | undefined {
    const row = this.s.command.get(command.commandId);
    if (!row) return undefined;
    if (row.stream !== streamName || row.command_hash !== command.commandHash) {
      throw new DuplicateEventId(streamName, `(command ${command.commandId} was recorded for another command)`);
    }
    const record = JSON.parse(row.result) as Pick<CommandRecord, 'revision' | 'position'>;
    return { nextRevision: record.revision, position: record.position };
  }

  /** A re-sent append (same event ids, same stream, consecutive revisions) returns the original result. */
  private findResent(streamName: string, events: readonly PreparedEvent[]): AppendResult | undefined {
    const s = this.s;
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
