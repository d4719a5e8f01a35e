/**
 * A small LRU of folded stream states for the command handler, so a command on a long stream reads and folds only
 * the events appended since the last command instead of the whole stream (profiled: reading + folding the whole
 * stream was the largest cost of a command). Correctness does not depend on the cache: every command reads the
 * stream from the cached revision onwards (a cheap range query that also picks up other writers' events), and the
 * append's expected-revision check remains the guard against a concurrent writer. Entries hold only facts read from
 * the store (events are immutable once stored), and are replaced, never mutated, so interleaved commands on one
 * stream cannot fold an event twice.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import type { EventStore } from '../eventstore/port';

export interface FoldedStream<S> {
  /** Revision of the last event folded (-1: no stream). */
  readonly revision: number;
  readonly state: S;
  /** Ids of the commands whose events are in the stream (to spot a retried command without the store's record). */
  readonly commandIds: ReadonlySet<string>;
}

const MAX_STREAMS = 5_000;

class Lru<S> {
  private readonly entries = new Map<string, FoldedStream<S>>();

  get(stream: string): FoldedStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry;
  }

  /** Keeps the newest revision when commands on one stream interleave. */
  offer(stream: string, entry: FoldedStream<S>): void {
    const current = this.entries.get(stream);
    if (current && current.revision >= entry.revision) return;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > MAX_STREAMS) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** One cache per (store, decider): tests build many stores with the same stream names. */
const caches = new WeakMap<EventStore, WeakMap<object, Lru<unknown>>>();

export function foldedStateCache<S>(store: EventStore, decider: object): Lru<S> {
  let byDecider = caches.get(store);
  if (!byDecider) caches.set(store, (byDecider = new WeakMap()));
  let lru = byDecider.get(decider);
  if (!lru) byDecider.set(decider, (lru = new Lru()));
  return lru as Lru<S>;
}

/** `base` advanced over `events` (the stream's next events, in order). */
export function foldOnto<S>(
  base: FoldedStream<S>,
  events: readonly RecordedEvent[],
  evolve: (state: S, event: never) => S,
): FoldedStream<S> {
  if (events.length === 0) return base;
  let state = base.state;
  const commandIds = new Set(base.commandIds);
  for (const e of events) {
    state = evolve(state, e as never);
    commandIds.add(e.metadata.commandId);
  }
  return { revision: events[events.length - 1]!.revision, state, commandIds };
}

/** The stream folded to its end: the cached fold advanced over the events read since (the whole stream on a miss). */
export async function foldStream<S>(
  store: EventStore,
  decider: { initialState: S; evolve(state: S, event: never): S },
  streamName: string,
  cache: Lru<S> = foldedStateCache<S>(store, decider),
  cached: FoldedStream<S> | undefined = cache.get(streamName),
): Promise<FoldedStream<S>> {
  const base: FoldedStream<S> = cached ?? { revision: -1, state: decider.initialState, commandIds: new Set() };
  const fresh = await store.readStream(streamName, cached ? { fromRevision: cached.revision + 1 } : undefined);
  const folded = foldOnto(base, fresh, decider.evolve);
  cache.offer(streamName, folded);
  return folded;
}
