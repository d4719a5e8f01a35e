/** Mapping between kezen's envelope/port and @eventstore/db-client 6 types. */
import {
  NO_STREAM,
  START,
  UnavailableError,
  DeadlineExceededError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../../../contracts/envelope';
import { StoreUnavailable, WrongExpectedRevision, type ExpectedRevision } from '../../platform/eventstore/port';

/** Extra key stored in the event's metadata JSON (not part of the envelope): the command fingerprint. */
export const COMMAND_HASH_KEY = '$kezenCommandHash';

export function toEsdbExpected(revision: number): AppendExpectedRevision {
  return revision === -1 ? NO_STREAM : BigInt(revision);
}

/**
 * A number position → an ESDB position. kezen's position is the commit position; appends without explicit
 * transactions (all of kezen's) have commit = prepare for every event.
 */
export function toEsdbPosition(position: number): ReadPosition {
  return position <= 0 ? START : { commit: BigInt(position), prepare: BigInt(position) };
}

export const fromEsdbPosition = (position: Position | undefined): number => (position ? Number(position.commit) : 0);

export const isSystem = (streamName: string, type: string) => streamName.startsWith('$') || type.startsWith('$');

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const e = resolved.event;
  if (!e || !e.isJson || isSystem(e.streamId, e.type)) return undefined;
  const { [COMMAND_HASH_KEY]: _hash, schemaVersion, ...metadata } = (e.metadata ?? {}) as Record<string, unknown>;
  return {
    eventId: e.id,
    type: e.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: e.data,
    metadata: metadata as unknown as EventMetadata,
    streamName: e.streamId,
    revision: Number(e.revision),
    position: e.position ? Number(e.position.commit) : Number(resolved.commitPosition ?? 0),
  };
}

export const commandHashOf = (resolved: ResolvedEvent): string | undefined =>
  (resolved.event?.metadata as Record<string, unknown> | undefined)?.[COMMAND_HASH_KEY] as string | undefined;

/** Client errors → port errors (a wrong expected version, an unreachable server). */
export function mapError(error: unknown, streamName: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevision(streamName, expected, typeof actual === 'bigint' ? Number(actual) : 'no-stream');
  }
  if (error instanceof UnavailableError || error instanceof DeadlineExceededError) {
    return new StoreUnavailable(`EventStoreDB unavailable: ${(error as Error).message}`, error);
  }
  return error;
}
