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
import { applyBatch, newCache, takeWrites, type DocCache } from './apply-batch';

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
  /** Events between flushes (default 250,000). */
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
  const { projection, ...rest } = options;
  const [result] = await rebuildProjections({ ...rest, projections: [projection] });
  return result!;
}

export interface RebuildManyOptions extends Omit<RebuildOptions, 'projection'> {
  projections: readonly Projection[];
}

interface Target {
  projection: Projection;
  generation: number;
  cache: DocCache;
  handled: number;
}

/**
 * Rebuilds several projections in ONE pass over the log (each event is read and decoded once and handed to every
 * projection): `projections:rebuild --all` and the rebuild benchmark. Each projection gets its own new generation,
 * flushed with its checkpoint; all switch when the pass has caught up with the head.
 */
export async function rebuildProjections(options: RebuildManyOptions): Promise<RebuildResult[]> {
  const { eventStore, readStore, projections } = options;
  const clock = options.clock ?? (() => performance.now());
  const readBatch = options.readBatch ?? 5_000;
  const flushEvery = options.flushEvery ?? 250_000;
  const maxCachedDocs = options.maxCachedDocs ?? 500_000;
  const started = clock();
  const label = projections.map((p) => p.name).join(',');

  await readStore.init(projections.map(describeProjection));
  const targets: Target[] = [];
  for (const projection of projections) {
    // A rebuild that died (crash, Ctrl-C) left an inactive generation behind: drop it. One rebuild per projection
    // at a time (a concurrent one in another process would lose its half-built generation and fail).
    for (const g of await readStore.generations(projection.name)) {
      if (!g.active) await readStore.dropPhysical(projection.name, g.generation);
    }
    targets.push({
      projection,
      generation: await readStore.beginRebuild(describeProjection(projection)),
      cache: newCache(true),
      handled: 0,
    });
  }
  let position = 0;
  let events = 0;
  let sinceFlush = 0;
  let head = await eventStore.headPosition();
  const rate = () => events / Math.max((clock() - started) / 1000, 1e-6);

  const flush = async () => {
    for (const t of targets) {
      await readStore.commit(t.projection.name, takeWrites(t.projection, t.cache), position, {
        generation: t.generation,
      });
      if (t.cache.docs.size > maxCachedDocs) t.cache = newCache(false);
    }
    sinceFlush = 0;
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
      for (const t of targets) t.handled += await applyBatch(t.projection, page, t.cache, readStore, t.generation);
      position = page[page.length - 1]!.position;
      events += page.length;
      sinceFlush += page.length;
      if (position > head) head = position;
      if (sinceFlush >= flushEvery) await flush();
      options.onProgress?.({ projection: label, position, head, events, eventsPerSecond: rate() });
    }
    await flush();
  } catch (error) {
    // Leave nothing half-built behind: the active generations were never touched.
    for (const t of targets) await readStore.dropPhysical(t.projection.name, t.generation).catch(() => undefined);
    throw error;
  }

  const switchWhenDone = options.switchWhenDone ?? true;
  const previous = new Map<string, number | null>();
  if (switchWhenDone) {
    for (const t of targets) {
      const prev = await readStore.switchAlias(t.projection.name, t.generation);
      previous.set(t.projection.name, prev);
      if (prev !== t.generation && (options.dropPrevious ?? true))
        await readStore.dropPhysical(t.projection.name, prev);
    }
  }
  const seconds = (clock() - started) / 1000;
  options.onProgress?.({
    projection: label,
    position,
    head: Math.max(head, position),
    events,
    eventsPerSecond: rate(),
  });
  const results: RebuildResult[] = [];
  for (const t of targets) {
    results.push({
      projection: t.projection.name,
      generation: t.generation,
      previousGeneration: previous.get(t.projection.name) ?? null,
      events,
      handled: t.handled,
      documents: await countGeneration(readStore, t.projection, t.generation, switchWhenDone),
      position,
      seconds,
      eventsPerSecond: events / Math.max(seconds, 1e-6),
    });
  }
  return results;
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
