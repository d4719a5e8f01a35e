/**
 * Finding a command that was already handled and rebuilding its first result (idempotency of command handling).
 * Two sources, in order: the store's command record (`findCommand`, atomic with the append), then the stream's own
 * events (every event carries its `commandId`), which also covers stores that keep no separate record.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import type { Decider, DomainEvent } from '../../../domain/shared/decider';
import type { EventStore } from '../eventstore/port';
import type { CommandResult } from './types';

interface ReplayInput<E extends DomainEvent, S> {
  store: EventStore;
  decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>;
  streamName: string;
  commandId: string;
  commandHash: string;
  /** Fingerprints of the same command under its former names (a command renamed since it was recorded). */
  formerHashes?: readonly string[];
  /** The stream as just read (when given, only the event fallback is tried). */
  history?: readonly RecordedEvent[];
}

/** The first answer again, `idempotency-key-reused` for an id used for another command or stream, or undefined. */
export async function replayHandled<E extends DomainEvent, S>(
  input: ReplayInput<E, S>,
): Promise<CommandResult<S> | undefined> {
  const { store, streamName, commandId, commandHash } = input;
  if (!input.history) {
    const record = store.findCommand ? await store.findCommand(commandId, streamName) : null;
    if (!record) return undefined;
    const same = record.commandHash === commandHash || input.formerHashes?.includes(record.commandHash) === true;
    if (record.streamName !== streamName || !same) {
      return { outcome: 'idempotency-key-reused', firstStream: record.streamName };
    }
    const upTo = record.revision < 0 ? [] : await store.readStream(streamName, { toRevision: record.revision });
    return result(input, upTo, record.revision, record.position, record.eventCount);
  }
  const mine = input.history.filter((e) => e.metadata.commandId === commandId);
  if (mine.length === 0) return undefined;
  const last = mine[mine.length - 1]!;
  const upTo = input.history.filter((e) => e.revision <= last.revision);
  return result(input, upTo, last.revision, last.position, mine.length);
}

function result<E extends DomainEvent, S>(
  input: ReplayInput<E, S>,
  upTo: readonly RecordedEvent[],
  revision: number,
  position: number,
  eventCount: number,
): CommandResult<S> {
  let state = input.decider.initialState;
  for (const e of upTo) state = input.decider.evolve(state, e as unknown as E);
  const events = eventCount === 0 ? [] : upTo.slice(upTo.length - eventCount);
  return { outcome: 'accepted', streamName: input.streamName, revision, position, events, state, replayed: true };
}
