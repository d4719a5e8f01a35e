/**
 * Messages between the store and its writer thread (./writer-thread.ts, ./writer-client.ts). Errors cross the thread
 * boundary as plain data and are rebuilt as the same classes, so callers see what the in-thread commit would throw.
 */
import { DuplicateEventId, WrongExpectedRevision, type ExpectedRevision } from '../../../platform/eventstore/port';
import type { AppendRequest, Outcome, Written } from './batch-writer';

export interface WriterThreadData {
  file: string;
  /** wal_autocheckpoint of the writer's connection (the background checkpointer's backstop); unset: SQLite's. */
  backstopPages?: number;
}

export type ToWriter =
  | { type: 'batch'; id: number; batch: AppendRequest[]; recordedAt: string }
  | { type: 'pragma'; id: number; sql: string }
  | { type: 'close' };

export type WireError =
  | { kind: 'wrong-revision'; streamName: string; expected: ExpectedRevision; actual: number | 'no-stream' }
  | { kind: 'duplicate'; streamName: string; eventId: string }
  | { kind: 'error'; name: string; message: string; code?: string };

export type WireOutcome = { ok: true; value: Written } | { ok: false; error: WireError };

export type FromWriter =
  /** First message of a thread: its task id (Linux), for the per-thread CPU metric. */
  | { type: 'hello'; tid?: number }
  | { type: 'done'; id: number; outcomes?: WireOutcome[]; value?: unknown }
  | { type: 'failed'; id: number; error: WireError }
  | { type: 'closed' };

export function errorToWire(error: unknown): WireError {
  if (error instanceof WrongExpectedRevision) {
    return { kind: 'wrong-revision', streamName: error.streamName, expected: error.expected, actual: error.actual };
  }
  if (error instanceof DuplicateEventId)
    return { kind: 'duplicate', streamName: error.streamName, eventId: error.eventId };
  const e = error as { name?: unknown; message?: unknown; code?: unknown } | null;
  return {
    kind: 'error',
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
  };
}

export function errorFromWire(wire: WireError): Error {
  if (wire.kind === 'wrong-revision') return new WrongExpectedRevision(wire.streamName, wire.expected, wire.actual);
  if (wire.kind === 'duplicate') return new DuplicateEventId(wire.streamName, wire.eventId);
  // SqliteError's name and code (storage-errors.ts maps the code to the 503 detail).
  return Object.assign(new Error(wire.message), { name: wire.name }, wire.code ? { code: wire.code } : {});
}

export const outcomeToWire = (o: Outcome): WireOutcome => (o.ok ? o : { ok: false, error: errorToWire(o.error) });
export const outcomeFromWire = (o: WireOutcome): Outcome => (o.ok ? o : { ok: false, error: errorFromWire(o.error) });
