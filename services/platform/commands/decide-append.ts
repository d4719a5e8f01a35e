/**
 * The pipeline's steps on the case (./pipeline.ts runs them after admission and identification), in this order:
 *
 *   replay     a command id handled before gets its first answer, and nothing is appended (authorization on
 *              the case is not judged again for it: the first answer is returned as it was);
 *   load       the stream folded with `evolve` (the store upcasts on read), from the folded-state cache;
 *   authorize  on the folded case (the guard; revision -1: no stream) — before If-Match, so an unreachable case
 *              answers 403/404, never a revision hint;
 *   If-Match   the pinned revision must be the case's;
 *   decide     the decider's events (a DomainError it throws becomes a `rejected` value);
 *   append     with the revision read. A concurrency conflict runs load…append again (bounded) unless the
 *              revision was pinned, which answers with the conflict.
 *
 * A command id already handled is found in the store's command record — written in the append's transaction
 * (embedded store) or found with the stream's events (EventStoreDB) — so this holds across restarts. Commands that
 * are refused or rejected are not recorded.
 */
import type { NewEvent } from '../../../contracts/envelope';
import type { Command, Decider, DecisionContext, DomainEvent } from '../../../domain/shared/decider';
import { DomainError } from '../../../domain/shared/errors';
import { WrongExpectedRevision, type EventStore } from '../eventstore/port';
import { commandEventId, commandFingerprint } from './ids';
import { foldedStateCache, foldOnto, foldStream, type FoldedStream } from './folded-state-cache';
import { replayHandled } from './idempotency';
import { ALLOWED, type Authorization, type CommandResult } from './types';

export interface DecideAndAppendInput<C extends Command, E extends DomainEvent, S> {
  store: EventStore;
  /** The decider and the case's regulation version (put in every event's metadata, asked of the new state). */
  service: { decider: Decider<C, E, S>; regulationVersionOf(state: S): string | undefined };
  streamName: string;
  command: C;
  context: DecisionContext;
  /** From Idempotency-Key (uuid v5 of actor sub + key), the sender's own, or generated. */
  commandId: string;
  /**
   * The id was generated for this command just now (a random uuid, no Idempotency-Key): it cannot have been handled
   * before, and nobody can send it again (a client's retry without a key is a new command), so the command record
   * is neither looked up nor written, and the store is told that the event ids (derived from the command id) are
   * new (AppendOptions.newEventIds): the embedded writer skips its look-ups and a random-key insert per command.
   */
  freshCommandId?: boolean;
  /**
   * The command's former names (its module's `commandAliases`): recorded under one of them before the rename, it is
   * the same command, and its re-send is answered from the log.
   */
  formerCommandTypes?: readonly string[];
  /** Default: the command id (a command that starts a conversation). */
  correlationId?: string;
  /** Default: the command id. */
  causationId?: string;
  /** If-Match: the stream must be at exactly this revision (-1: must not exist); no retry on conflict. */
  expectedRevision?: number;
  /** Schema version written for new events (default 1), or per event type. */
  eventSchemaVersion?: number | ((type: string) => number);
  /** Attempts when the stream changed between read and append (default 5). */
  maxAttempts?: number;
}

/**
 * Authorization on the folded case, judged before If-Match and `decide` on every attempt. A plain function of the
 * sender's request (`subject`), so judging allocates no closure per command.
 */
export type CaseGuard<S, G> = (subject: G, state: S, revision: number) => Authorization;

/** Written into metadata when no regulation version is known yet (before the case pins one). */
export const UNVERSIONED = 'unversioned';

const schemaVersionOf = (version: DecideAndAppendInput<never, never, never>['eventSchemaVersion'], type: string) =>
  typeof version === 'function' ? version(type) : (version ?? 1);

export async function decideAndAppend<C extends Command, E extends DomainEvent, S, G = undefined>(
  input: DecideAndAppendInput<C, E, S>,
  guard?: CaseGuard<S, G>,
  subject?: G,
): Promise<CommandResult<S>> {
  const { store, service, streamName, command, context, commandId } = input;
  const decider = service.decider;
  const commandHash = commandFingerprint(streamName, command);
  const formerHashes = input.formerCommandTypes?.map((type) => commandFingerprint(streamName, { ...command, type }));
  const pinned = input.expectedRevision;
  const maxAttempts = pinned === undefined ? (input.maxAttempts ?? 5) : 1;

  const cache = foldedStateCache<S>(store, decider);
  if (!input.freshCommandId) {
    const recorded = await replayHandled({ store, decider, streamName, commandId, commandHash, formerHashes });
    if (recorded) return recorded;
  }

  let mustRead = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    // The first attempt decides on the cached fold without reading the stream: every writer of this process goes
    // through this pipeline and updates the cache, and a stream that moved on anyway (another process) fails the
    // append's expected-revision check, which retries with a read. A "no" (refusal, If-Match mismatch, the
    // decider's error) on the unread fold is confirmed against the stream before it is answered.
    const cached = cache.get(streamName);
    // A create with an id generated for this request (no Idempotency-Key) opens a stream nobody knows yet: it is
    // decided on the empty stream unread, and the append's "no stream" check refuses it if the stream exists.
    const assumedNew = cached === undefined && pinned === -1 && input.freshCommandId === true;
    const unread = (cached !== undefined || assumedNew) && !mustRead;
    mustRead = true;
    const folded: FoldedStream<S> = unread
      ? (cached ?? { revision: -1, state: decider.initialState, commandIds: new Set() })
      : // Only the events since the cached fold are read (the whole stream on a miss); see folded-state-cache.ts.
        await foldStream(store, decider, streamName, cache, cached);
    const current = folded.revision;
    // A store without command records (or a crash between append and record): the events themselves carry the id.
    if (folded.commandIds.has(commandId)) {
      const history = await store.readStream(streamName);
      const replay = await replayHandled({ store, decider, streamName, commandId, commandHash, history });
      if (replay) return replay;
    }

    const state = folded.state;
    const authorization = guard ? guard(subject as G, state, current) : ALLOWED;
    let decided: E[] | undefined;
    if (authorization.allowed && (pinned === undefined || pinned === current)) {
      try {
        decided = decider.decide(command, state, context);
      } catch (error) {
        if (!unread) {
          if (error instanceof DomainError) return { outcome: 'rejected', error };
          throw error;
        }
      }
    }
    if (decided === undefined) {
      if (unread) {
        attempt -= 1; // not an attempt: the same one again, on the stream as read
        continue;
      }
      if (!authorization.allowed) return { outcome: 'refused', refusal: authorization, step: 'case' };
      if (pinned !== undefined && pinned !== current)
        return { outcome: 'wrong-revision', expected: pinned, actual: current === -1 ? null : current };
      throw new TypeError(`The decider returned no events for ${command.type}`);
    }

    const newState = decided.reduce(decider.evolve, state);
    const regulationVersion =
      service.regulationVersionOf(newState) ?? service.regulationVersionOf(state) ?? UNVERSIONED;
    const envelopes: NewEvent[] = decided.map((e, index) => ({
      eventId: commandEventId(commandId, index),
      type: e.type,
      schemaVersion: schemaVersionOf(input.eventSchemaVersion, e.type),
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
      return {
        outcome: 'accepted',
        streamName,
        revision: result.nextRevision,
        position: result.position,
        events,
        state: newState,
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (pinned !== undefined)
        return {
          outcome: 'wrong-revision',
          expected: pinned,
          actual: error.actual === 'no-stream' ? null : error.actual,
        };
    }
  }
  return { outcome: 'conflict', reason: 'retries-exhausted', attempts: maxAttempts };
}
