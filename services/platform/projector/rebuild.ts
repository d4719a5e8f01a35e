/**
 * Blue/green rebuild of a projection: folds the whole log into a fresh physical generation
 * while the API keeps reading the active one, then switches atomically and drops the old generation.
 *
 * Fast path: the log is read in pages, documents are folded in a cache bounded by a byte budget
 * (./rebuild-cache.ts: a new generation starts empty, so a key never seen is a new document; flushed documents are
 * evicted least recently used first and read back from the new generation when needed), and the dirty documents are
 * flushed with the checkpoint in one transaction per `flushEvery` events.
 *
 * Parallel (`threads` > 1 and an adapter that offers it, ./parallel-folding.ts: the embedded stores, projections
 * whose documents each follow one stream): the streams are split into partitions; the adapter's threads fold the other partitions up
 * to the head seen at the start while this thread folds the first, each reading only its streams' events (a
 * document depends only on its stream's events, in log order, so the partitions are independent). This thread then
 * catches up from that position to the head with every stream (misses read from the new generation), writes the
 * checkpoint it reached, and switches. Until then the new generations' checkpoint is 0: a crash mid-rebuild leaves
 * an inactive generation that the next rebuild drops.
 */
import { describe as describeProjection, type Projection } from '../../../projections/projection';
import type { EventStore } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import { RebuildCache } from './rebuild-cache';
import { foldLog, type FoldTarget } from './rebuild-fold';
import { currentThreadCpuSeconds } from '../observability/thread-cpu';
import type { ParallelFoldingFactory, RebuildThread } from './parallel-folding';

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
  /** Events per read (default 1,000: a page and its parsed JSON die young, so reading and parsing cost less CPU than
   * in larger pages). */
  readBatch?: number;
  /**
   * Events between flushes (default 10,000). Dirty documents wait in memory until then, so larger flushes raise the
   * peak RSS, and they cost CPU too: a larger old generation costs GC more than the extra commits cost SQLite.
   */
  flushEvery?: number;
  /** JSON bytes of flushed documents kept in memory per thread, all projections together (default 8 MiB). */
  cacheBytes?: number;
  /**
   * Threads folding in parallel (default 1). More than 1 only when `parallel` offers it for these stores and
   * projections (the SQLite adapter: file-backed stores, no upcasters with functions — renames are sent along —
   * projections whose documents each follow one stream); otherwise the rebuild runs in this thread.
   */
  threads?: number;
  /** The adapter's way of folding partitions in other threads (composition's `Adapters.parallelFolding`). */
  parallel?: ParallelFoldingFactory;
  /** Switch the alias to the new generation when caught up (default true). */
  switchWhenDone?: boolean;
  /** Drop the previous generation after the switch (default true). */
  dropPrevious?: boolean;
  onProgress?: (progress: RebuildProgress) => void;
  /** Why a rebuild asked for threads runs in one after all, when the log rules them out (default console.warn). */
  onWarning?: (message: string) => void;
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
  /** Threads that folded the log (1 unless a parallel rebuild ran, see `threads`). */
  threads: number;
  /** CPU seconds of each thread's fold (this thread's first; Linux only, else empty). */
  threadCpuSeconds: number[];
}

export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, ...rest } = options;
  const [result] = await rebuildProjections({ ...rest, projections: [projection] });
  return result!;
}

export interface RebuildManyOptions extends Omit<RebuildOptions, 'projection'> {
  projections: readonly Projection[];
}

interface Target extends FoldTarget {
  projection: Projection;
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
  const tuning = {
    readBatch: options.readBatch ?? 1_000,
    flushEvery: options.flushEvery ?? 10_000,
    cacheBytes: options.cacheBytes ?? 8 * 2 ** 20,
  };
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
    const generation = await readStore.beginRebuild(describeProjection(projection));
    targets.push({ projection, generation, cache: new RebuildCache(projection, true), handled: 0 });
  }
  let head = await eventStore.headPosition();
  const rate = (events: number) => events / Math.max((clock() - started) / 1000, 1e-6);
  const report = (position: number, events: number) => {
    if (position > head) head = position;
    options.onProgress?.({ projection: label, position, head, events, eventsPerSecond: rate(events) });
  };

  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const parallel =
    (options.threads ?? 1) > 1 ? (options.parallel?.({ eventStore, readStore, projections, warn }) ?? null) : null;
  const threads: RebuildThread[] = [];
  let position = 0;
  let events = 0;
  const cpuAtStart = currentThreadCpuSeconds();
  const threadCpu: number[] = [];
  readStore.bulkLoad?.(true);
  try {
    if (parallel && head > 0) {
      const count = options.threads!;
      const upTo = head;
      let own = 0;
      // Progress: events read by all partitions together.
      const progress = () => {
        const read = own + threads.reduce((n, t) => n + t.events, 0);
        report(Math.min(upTo, read), read); // positions are nearly dense: the events read stand for the position
      };
      const targetsData = targets.map((t) => ({
        name: t.projection.name,
        version: t.projection.version,
        generation: t.generation,
      }));
      for (let index = 1; index < count; index++) {
        threads.push(parallel.start({ ...tuning, targets: targetsData, partition: { index, count }, upTo }, progress));
      }
      const mine = await foldLog({
        log: parallel.ownPartition({ index: 0, count }, upTo),
        readStore,
        targets,
        from: 0,
        ...tuning,
        checkpoint: 0,
        onPage: (_p, n) => {
          own = n;
          progress();
          const failed = threads.find((t) => t.failed)?.failed;
          if (failed) throw failed;
        },
      });
      const others = await Promise.all(threads.map((t) => t.done));
      for (const o of others) if (o.cpuSeconds !== null) threadCpu.push(Math.round(o.cpuSeconds * 100) / 100);
      position = upTo;
      events = mine.events + others.reduce((n, o) => n + o.events, 0);
      for (const t of targets) {
        t.handled += t.cache.handled + others.reduce((n, o) => n + (o.handled[t.projection.name] ?? 0), 0);
        // The catch-up folds every stream: its misses may be anywhere in the generation.
        t.cache = new RebuildCache(t.projection, false);
      }
    }
    // Single-threaded: the whole log. After a parallel phase: from its end to the head, writing the checkpoint
    // actually reached (also when there is nothing left to fold).
    const before = events;
    const rest = await foldLog({
      log: eventStore,
      readStore,
      targets,
      from: position,
      ...tuning,
      onPage: (p, n) => report(p, before + n),
    });
    position = rest.position;
    events += rest.events;
    for (const t of targets) t.handled += t.cache.handled;
  } catch (error) {
    await Promise.all(threads.map((t) => t.stop().catch(() => undefined)));
    // Leave nothing half-built behind: the active generations were never touched.
    for (const t of targets) await readStore.dropPhysical(t.projection.name, t.generation).catch(() => undefined);
    readStore.bulkLoad?.(false);
    throw error;
  }

  const switchWhenDone = options.switchWhenDone ?? true;
  const previous = new Map<string, number | null>();
  try {
    // Still in bulk mode: the switch builds the new generations' indexes.
    if (switchWhenDone) {
      for (const t of targets) {
        const prev = await readStore.switchAlias(t.projection.name, t.generation);
        previous.set(t.projection.name, prev);
        if (prev !== t.generation && (options.dropPrevious ?? true))
          await readStore.dropPhysical(t.projection.name, prev);
      }
    }
  } finally {
    readStore.bulkLoad?.(false);
  }
  const seconds = (clock() - started) / 1000;
  const cpuAtEnd = currentThreadCpuSeconds();
  if (cpuAtStart !== null && cpuAtEnd !== null) threadCpu.unshift(Math.round((cpuAtEnd - cpuAtStart) * 100) / 100);
  report(position, events);
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
      threads: threads.length + 1,
      threadCpuSeconds: threadCpu,
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
