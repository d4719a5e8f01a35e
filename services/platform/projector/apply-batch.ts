/**
 * Applies a batch of recorded events to a projection's documents, in log order, with a document cache:
 * loads the documents the batch's keys touch that the cache lacks (one `getMany`), folds `evolve`, and returns
 * the changed documents as writes (each with the position of the last event applied to it).
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { handles, type Projection, type ReadDoc } from '../../../projections/projection';
import { multiFieldsOf, storedMultiOf, type DocWrite, type ReadStore } from '../readstore/port';

export interface DocCache {
  /** id → document (null: known absent). */
  docs: Map<string, ReadDoc | null>;
  /** id → position of the last event applied since the last flush. */
  dirty: Map<string, number>;
  /** True while the cache holds every document of the generation (a rebuild from empty): misses need no read. */
  complete: boolean;
  /**
   * id → its multi-valued index fields as read from the store (null: not there), for DocWrite.storedMulti. True until
   * the cache's writes commit: a cache serves one batch (Projector.handle makes a new one for each).
   */
  stored: Map<string, Record<string, string> | null>;
}

export const newCache = (complete = false): DocCache => ({
  docs: new Map(),
  dirty: new Map(),
  complete,
  stored: new Map(),
});

/** Keys per relevant event (computed once; `keysOf` is pure). */
function keyed(
  projection: Projection,
  events: readonly RecordedEvent[],
): { event: RecordedEvent; keys: readonly string[] }[] {
  const out: { event: RecordedEvent; keys: readonly string[] }[] = [];
  for (const event of events) {
    if (!handles(projection, event)) continue;
    const keys = projection.keysOf(event);
    if (keys.length > 0) out.push({ event, keys });
  }
  return out;
}

export async function applyBatch(
  projection: Projection,
  events: readonly RecordedEvent[],
  cache: DocCache,
  readStore: ReadStore,
  generation: number,
): Promise<number> {
  const work = keyed(projection, events);
  if (!cache.complete) {
    const missing = new Set<string>();
    for (const w of work) for (const k of w.keys) if (!cache.docs.has(k)) missing.add(k);
    if (missing.size > 0) {
      const found = await readStore.getMany(projection.collection, [...missing], { generation });
      const multi = multiFieldsOf(projection.indexes);
      for (const id of missing) {
        const doc = found.get(id) ?? null;
        cache.docs.set(id, doc);
        // Before any evolve (which may change the document in place): what the store holds.
        if (multi.length > 0) cache.stored.set(id, storedMultiOf(doc, multi));
      }
    }
  }
  for (const { event, keys } of work) {
    for (const key of keys) {
      const next = projection.evolve(cache.docs.get(key) ?? null, event, key);
      cache.docs.set(key, next);
      cache.dirty.set(key, event.position);
    }
  }
  return work.length;
}

/** The pending writes of the cache (and clears the dirty set). */
export function takeWrites(projection: Projection, cache: DocCache): DocWrite[] {
  const writes: DocWrite[] = [];
  for (const [id, position] of cache.dirty) {
    const doc = cache.docs.get(id) ?? null;
    const stored = cache.stored.get(id);
    writes.push({
      collection: projection.collection,
      id,
      doc,
      position,
      ...(stored !== undefined ? { storedMulti: stored } : {}),
    });
  }
  cache.dirty.clear();
  return writes;
}
