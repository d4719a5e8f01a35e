/**
 * The one generic command handler: load the stream (fold with `evolve`; the store upcasts on read), `decide`,
 * append with the revision read. A concurrency conflict re-runs the whole decision (bounded) unless the caller
 * pinned the revision (If-Match), which answers with the conflict. A command id already handled returns its first
 * result and appends nothing — the record is written in the append's transaction (embedded store) or found with
 * the stream's events (EventStoreDB), so this holds across restarts. Rejected commands (the decider throws) are
 * not recorded.
 */
import type { NewEvent, RecordedEvent } from '../../../contracts/envelope';
import type { Command, Decider, DecisionContext, DomainEvent } from '../../../domain/shared/decider';
import { WrongExpectedRevision, type EventStore } from '../eventstore/port';
import { ConcurrencyRetriesExhausted } from './errors';
import { commandEventId, commandFingerprint } from './ids';
import { foldedStateCache, foldOnto, type FoldedStream } from './folded-state-cache';
import { replayHandled } from './idempotency';

export interface HandleCommandInput<C extends Command, E extends DomainEvent, S> {
  store: EventStore;
  decider: Decider<C, E, S>;
  streamName: string;
  command: C;
  context: DecisionContext;
  /** From Idempotency-Key (uuid v5 of actor sub + key) or generated. */
  commandId: string;
  /**
   * The id was generated for this command just now (a random uuid, no Idempotency-Key): it cannot have been handled
   * before, and nobody can send it again (a client's retry without a key is a new command), so the command record
   * is neither looked up nor written, and the store is told that the event ids (derived from the command id) are
   * new (AppendOptions.newEventIds): the embedded writer skips its look-ups and a random-key insert per command.
   */
  freshCommandId?: boolean;
  /** Default: the command id (a command that starts a conversation). */
  correlationId?: string;
  /** Default: the command id. */
  causationId?: string;
  /** If-Match: the stream must be at exactly this revision (-1: must not exist); no retry on conflict. */
  expectedRevision?: number;
  /** Schema version written for new events (default 1), or per event type. */
  eventSchemaVersion?: number | ((type: string) => number);
  /** The case's regulation version, put in every event's metadata (asked of the state after the new events). */
  regulationVersionOf(state: S): string | undefined;
  /** Attempts when the stream changed between read and append (default 5). */
  maxAttempts?: number;
  /**
   * Authorisation against the state this handler folds (revision -1: no stream), called before `decide` on every
   * attempt and after the idempotency replay (a retried command gets its first answer). Throwing refuses the command
   * (e.g. 403/404) and appends nothing — so the caller needs no read of its own.
   */
  authorize?(state: S, revision: number): void;
}

export interface CommandResult<S> {
  /** The stream's revision after the command (-1: the stream still does not exist). */
  revision: number;
  /** Global position of the command's last event (or the log head for a command that appended nothing). */
  position: number;
  /** The events the command appended (as recorded). */
  events: RecordedEvent[];
  state: S;
  /** True when the command id had been handled before and this is its first result again. */
  replayed: boolean;
}

/** Written into metadata when no regulation version is known yet (before the case pins one). */
export const UNVERSIONED = 'unversioned';

export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  input: HandleCommandInput<C, E, S>,
): Promise<CommandResult<S>> {
  const { store, decider, streamName, command, context, commandId } = input;
  const commandHash = commandFingerprint(streamName, command);
  const pinned = input.expectedRevision;
  const maxAttempts = pinned === undefined ? (input.maxAttempts ?? 5) : 1;
  const schemaVersionOf =
    typeof input.eventSchemaVersion === 'function'
      ? input.eventSchemaVersion
      : () => (input.eventSchemaVersion as number | undefined) ?? 1;

  const cache = foldedStateCache<S>(store, decider);
  if (!input.freshCommandId) {
    const recorded = await replayHandled({ store, decider, streamName, commandId, commandHash });
    if (recorded) return recorded;
  }

  let lastConflict: WrongExpectedRevision | undefined;
  let mustRead = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    // The first attempt decides on the cached fold without reading the stream: every writer of this process goes
    // through this handler and updates the cache, and a stream that moved on anyway (another process) fails the
    // append's expected-revision check, which retries with a read. A refusal or an If-Match mismatch on the unread
    // fold is confirmed against the stream before it is answered. The read was a visible share of a command's CPU.
    const cached = cache.get(streamName);
    // A create with an id generated for this request (no Idempotency-Key) opens a stream nobody knows yet: it is
    // decided on the empty stream unread, and the append's "no stream" check refuses it if the stream exists.
    const assumedNew = cached === undefined && pinned === -1 && input.freshCommandId === true;
    const unread = (cached !== undefined || assumedNew) && !mustRead;
    mustRead = true;
    let folded: FoldedStream<S>;
    if (unread) folded = cached ?? { revision: -1, state: decider.initialState, commandIds: new Set() };
    else {
      // Only the events since the cached fold are read (the whole stream on a miss); see folded-state-cache.ts.
      const base: FoldedStream<S> = cached ?? { revision: -1, state: decider.initialState, commandIds: new Set() };
      const fresh = await store.readStream(streamName, cached ? { fromRevision: cached.revision + 1 } : undefined);
      folded = foldOnto(base, fresh, decider.evolve as (s: S, e: never) => S);
      cache.offer(streamName, folded);
    }
    const current = folded.revision;
    // A store without command records (or a crash between append and record): the events themselves carry the id.
    if (folded.commandIds.has(commandId)) {
      const history = await store.readStream(streamName);
      const replay = await replayHandled({ store, decider, streamName, commandId, commandHash, history });
      if (replay) return replay;
    }

    const state = folded.state;
    let decided: E[];
    try {
      // Who may act is judged before If-Match: an unreachable case answers 403/404, never a revision hint.
      input.authorize?.(state, current);
      if (pinned !== undefined && pinned !== current) {
        throw new WrongExpectedRevision(streamName, pinned, current === -1 ? 'no-stream' : current);
      }
      decided = decider.decide(command, state, context);
    } catch (error) {
      if (!unread) throw error;
      attempt -= 1; // not an attempt: the same one again, on the stream as read
      continue;
    }
    const newState = decided.reduce(decider.evolve, state);
    const regulationVersion = input.regulationVersionOf(newState) ?? input.regulationVersionOf(state) ?? UNVERSIONED;
    const envelopes: NewEvent[] = decided.map((e, index) => ({
      eventId: commandEventId(commandId, index),
      type: e.type,
      schemaVersion: schemaVersionOf(e.type),
      data: e.data,
      metadata: {
        commandId,
        correlationId: input.correlationId ?? commandId,
        causationId: input.causationId ?? commandId,
        actor: context.actor,
        occurredAt: context.now,
        regulationVersion,
      },
    }));

    try {
      const expected = current === -1 ? 'no-stream' : current;
      const result = await store.append(
        streamName,
        envelopes,
        expected,
        input.freshCommandId ? { newEventIds: true } : { command: { commandId, commandHash } },
      );
      // The store hands back what it stored when it can (embedded store); else the events are read back.
      const events =
        envelopes.length === 0
          ? []
          : result.recorded && result.recorded.length === envelopes.length
            ? result.recorded
            : await store.readStream(streamName, {
                fromRevision: result.nextRevision - envelopes.length + 1,
                toRevision: result.nextRevision,
              });
      if (events.length === envelopes.length && events[0]?.revision === current + 1)
        cache.offer(streamName, foldOnto(folded, events, decider.evolve as (s: S, e: never) => S));
      return { revision: result.nextRevision, position: result.position, events, state: newState, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (pinned !== undefined) throw error;
      lastConflict = error;
    }
  }
  throw new ConcurrencyRetriesExhausted(streamName, maxAttempts, lastConflict!);
}
