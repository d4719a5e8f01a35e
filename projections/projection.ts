/**
 * A projection: a pure fold of recorded events into documents of one read-model collection.
 *
 * Pure (docs/ARCHITECTURE.md): no I/O, no clock. Anything that depends on "now" (overdue, days left) is computed
 * at query time from the stored due dates. The projector (services/platform/projector) feeds it events in log order, loads
 * the documents its keys touch, and commits the returned documents together with its checkpoint.
 */
import type { RecordedEvent } from '../contracts/envelope';

/**
 * A read-model document: plain JSON. Every document carries its own `id` (the key it is stored under). Members named
 * with a leading `_` are the projection's own (e.g. a folded state it needs for the next event): never answered.
 */
export type ReadDoc = { id: string } & Record<string, unknown>;

/**
 * A field queries filter or sort on. Only declared fields may be used in `where`/`orderBy` (the SQLite adapter
 * extracts them into columns; the Mongo adapter builds an index). Fields are top-level.
 * - scalar (default): string | number | boolean | null;
 * - `multi: true`: an array of scalars; `where: { field: v }` means "the array contains v" (Mongo multikey semantics).
 */
export interface IndexSpec {
  field: string;
  unique?: boolean;
  multi?: boolean;
}

/** What the read store needs to know about a projection's collection (no code, so adapters can take it as data). */
export interface ProjectionDescriptor {
  /** Stable name, e.g. `privatization-case-view`; used for checkpoints and `projections:rebuild <name>`. */
  name: string;
  /** Bump when `evolve` changes meaning: a running projector then rebuilds it blue/green. */
  version: number;
  /** Logical collection name queried by the API (e.g. `privatization_cases`). */
  collection: string;
  indexes: readonly IndexSpec[];
}

export interface Projection<D extends ReadDoc = ReadDoc> extends ProjectionDescriptor {
  /** Only events of streams with these prefixes are delivered (e.g. `privatization-`); all when absent. */
  streamPrefixes?: readonly string[];
  /** Only events of these types reach `keysOf`/`evolve`; all (of the prefixes) when absent. */
  eventTypes?: readonly string[];
  /**
   * True when each document is changed only by events of ONE stream (its key is derived from the stream name): a
   * parallel rebuild may then split the log by stream (services/platform/projector/rebuild.ts "Parallel"). A projection that
   * folds several streams into one document (a per-provider total, say) must leave it unset.
   */
  streamLocal?: boolean;
  /** Ids of the documents this event changes (none: the event is ignored). */
  keysOf(event: RecordedEvent): readonly string[];
  /** The document after the event; `null` deletes it. Must not mutate `doc` (the projector may keep the old one). */
  evolve(doc: D | null, event: RecordedEvent, key: string): D | null;
}

/** Whether a projection wants this event (stream prefix and type filters). */
export function handles(projection: Pick<Projection, 'streamPrefixes' | 'eventTypes'>, event: RecordedEvent): boolean {
  const prefixes = projection.streamPrefixes;
  if (prefixes && prefixes.length > 0) {
    // A loop, not `some` with a closure: called for every event and projection of a rebuild.
    let found = false;
    for (let i = 0; i < prefixes.length && !found; i++) found = event.streamName.startsWith(prefixes[i]!);
    if (!found) return false;
  }
  const types = projection.eventTypes;
  return !types || types.includes(event.type);
}

/** The descriptor part of a projection (what `ReadStore.init` takes). */
export function describe(projection: ProjectionDescriptor): ProjectionDescriptor {
  const { name, version, collection, indexes } = projection;
  return { name, version, collection, indexes };
}
