/**
 * The fold loop of a rebuild (./rebuild.ts), shared by the main thread and the rebuild threads
 * (the SQLite adapter's rebuild-thread.ts): reads the log (or a partition of it) in pages from `from` until caught up, folds each page into every target's bounded cache
 * (./rebuild-cache.ts), flushes the dirty documents every `flushEvery` events and then evicts down to the byte budget.
 */
import { setImmediate } from 'node:timers/promises';
import type { ReadStore } from '../readstore/port';
import type { RecordedEvent } from '../../../contracts/envelope';
import type { RebuildCache } from './rebuild-cache';

/** What a fold reads: the log (an EventStore) or an adapter's partition of it. */
export interface LogReader {
  readAll(afterPosition: number, maxCount: number): Promise<RecordedEvent[]>;
  headPosition(): Promise<number>;
}

export interface FoldTarget {
  generation: number;
  cache: RebuildCache;
}

export interface FoldOptions {
  /** The log (an EventStore) or one partition of it (an adapter's partition, e.g. the SQLite adapter's partitioned-log.ts). */
  log: LogReader;
  readStore: ReadStore;
  targets: readonly FoldTarget[];
  /** Fold events after this position. */
  from: number;
  readBatch: number;
  flushEvery: number;
  /** JSON bytes of clean documents kept in memory, all targets together. */
  cacheBytes: number;
  /**
   * The checkpoint written with each flush: the position reached (default), or a fixed value — a parallel phase
   * writes 0, since no single thread has applied every event up to its position.
   */
  checkpoint?: number;
  /** After each page: the position reached and the events read so far. */
  onPage?: (position: number, events: number) => void;
}

export interface FoldResult {
  position: number;
  events: number;
}

export async function foldLog(options: FoldOptions): Promise<FoldResult> {
  const { log, readStore, targets, readBatch, flushEvery, cacheBytes } = options;
  let position = options.from;
  let events = 0;
  let sinceFlush = 0;

  const flush = async () => {
    const commits = targets.map((t) => ({
      projection: t.cache.projection.name,
      writes: t.cache.takeWrites(),
      checkpoint: options.checkpoint ?? position,
      options: { generation: t.generation },
    }));
    // A store that can: every projection in one transaction (one turn of its write lock, which another rebuild
    // thread may be waiting for). Other stores: a commit each.
    if (readStore.commitAllSync) readStore.commitAllSync(commits);
    else for (const c of commits) await readStore.commit(c.projection, c.writes, c.checkpoint, c.options);
    sinceFlush = 0;
    let total = 0;
    for (const t of targets) total += t.cache.bytes;
    if (total <= cacheBytes) return;
    // Down to half the budget, each target in proportion to its weight (hysteresis: not a pass per flush).
    const ratio = cacheBytes / 2 / total;
    for (const t of targets) t.cache.evict(t.cache.bytes * ratio);
  };

  for (;;) {
    const page = await log.readAll(position, readBatch);
    if (page.length === 0) {
      // Caught up with what we read; new appends may have arrived meanwhile.
      if ((await log.headPosition()) <= position) break;
      // Gaps at the end of the log (positions are not dense), or no more events of this partition.
      if ((await log.readAll(position, 1)).length === 0) break;
      continue;
    }
    for (const t of targets) await t.cache.apply(page, readStore, t.generation);
    position = page[page.length - 1]!.position;
    events += page.length;
    sinceFlush += page.length;
    if (sinceFlush >= flushEvery) await flush();
    options.onPage?.(position, events);
    // The reads and writes are synchronous SQLite calls behind promises: without a turn of the event loop per page,
    // timers (a progress bar, the benchmark's RSS sampler) and a rebuild thread's progress messages wait until the end.
    await setImmediate();
  }
  await flush();
  return { position, events };
}
