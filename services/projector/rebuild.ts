/**
 * Blue/green rebuild of a projection (issue #5 "Rebuild"): folds the whole log into a fresh physical generation
 * while the API keeps reading the active one, then switches atomically and drops the old generation.
 *
 * Fast path: the log is read in large pages, documents stay in memory (the new generation starts empty, so a cache
 * miss is a new document, no read), and the dirty documents are flushed with the checkpoint in one transaction per
 * `flushEvery` events. When the cache grows beyond `maxCachedDocs` it is dropped after a flush and misses are read
 * back from the new generation (bounded memory for very large logs).
 */
import { describe as describeProjection, type Projection } from '../../projections/projection';
import type { EventStore } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import { applyBatch, newCache, takeWrites } from './apply-batch';

export interface RebuildProgress {
  projection: string;
  /** Position reached. */
  position: number;
  /** Head of the log when last read (grows while the rebuild runs). */
  head: number;
  /** Events read so far. */
  events: number;
  eventsPerSecond: number;
}

export interface RebuildOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  /** Events per read (default 5,000). */
  readBatch?: number;
  /** Events between flushes (default 50,000). */
  flushEvery?: number;
  /** Default 500,000. */
  maxCachedDocs?: number;
  /** Switch the alias to the new generation when caught up (default true). */
  switchWhenDone?: boolean;
  /** Drop the previous generation after the switch (default true). */
  dropPrevious?: boolean;
  onProgress?: (progress: RebuildProgress) => void;
  /** Monotonic milliseconds for the events/s figure (default performance.now). */
  clock?: () => number;
}

export interface RebuildResult {
  projection: string;
  generation: number;
  previousGeneration: number | null;
  /** Events read (all streams). */
  events: number;
  /** Events the projection handled. */
  handled: number;
  /** Documents in the new generation's collection. */
  documents: number;
  position: number;
  seconds: number;
  eventsPerSecond: number;
}

export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { eventStore, readStore, projection } = options;
  const clock = options.clock ?? (() => performance.now());
  const readBatch = options.readBatch ?? 5_000;
  const flushEvery = options.flushEvery ?? 50_000;
  const maxCachedDocs = options.maxCachedDocs ?? 500_000;
  const started = clock();

  await readStore.init([describeProjection(projection)]);
  const generation = await readStore.beginRebuild(describeProjection(projection));
  let cache = newCache(true);
  let position = 0;
  let events = 0;
  let handled = 0;
  let sinceFlush = 0;
  let head = await eventStore.headPosition();
  const rate = () => events / Math.max((clock() - started) / 1000, 1e-6);

  const flush = async () => {
    await readStore.commit(projection.name, takeWrites(projection, cache), position, { generation });
    sinceFlush = 0;
    if (cache.docs.size > maxCachedDocs) cache = newCache(false);
  };

  try {
    for (;;) {
      const page = await eventStore.readAll(position, readBatch);
      if (page.length === 0) {
        // Caught up with what we read; new appends may have arrived meanwhile.
        head = await eventStore.headPosition();
        if (head <= position) break;
        // Gaps at the end of the log (positions are not dense): nothing more to read.
        if ((await eventStore.readAll(position, 1)).length === 0) break;
        continue;
      }
      handled += await applyBatch(projection, page, cache, readStore, generation);
      position = page[page.length - 1]!.position;
      events += page.length;
      sinceFlush += page.length;
      if (position > head) head = position;
      if (sinceFlush >= flushEvery) await flush();
      options.onProgress?.({ projection: projection.name, position, head, events, eventsPerSecond: rate() });
    }
    await flush();
  } catch (error) {
    // Leave nothing half-built behind: the active generation was never touched.
    await readStore.dropPhysical(projection.name, generation).catch(() => undefined);
    throw error;
  }

  let previousGeneration: number | null = null;
  if (options.switchWhenDone ?? true) {
    previousGeneration = await readStore.switchAlias(projection.name, generation);
    if (previousGeneration !== generation && (options.dropPrevious ?? true)) {
      await readStore.dropPhysical(projection.name, previousGeneration);
    }
  }
  const seconds = (clock() - started) / 1000;
  const documents = await countGeneration(readStore, projection, generation, options.switchWhenDone ?? true);
  options.onProgress?.({
    projection: projection.name,
    position,
    head: Math.max(head, position),
    events,
    eventsPerSecond: rate(),
  });
  return {
    projection: projection.name,
    generation,
    previousGeneration,
    events,
    handled,
    documents,
    position,
    seconds,
    eventsPerSecond: events / Math.max(seconds, 1e-6),
  };
}

async function countGeneration(
  readStore: ReadStore,
  projection: Projection,
  generation: number,
  switched: boolean,
): Promise<number> {
  // `count` reads the active generation; before a switch the figure is not available through the port.
  if (!switched) return -1;
  const active = await readStore.activeGeneration(projection.name);
  return active.generation === generation ? readStore.count(projection.collection) : -1;
}
