/**
 * How a rebuild folds partitions of the log in other threads, as an adapter offers it: the platform's rebuild
 * (./rebuild.ts "Parallel") knows only this contract; the SQLite adapter's rebuild threads implement it. Threads can
 * open only what another thread can reach (files), so an adapter decides per rebuild whether it can help at all.
 */
import type { Projection } from '../../../projections/projection';
import type { EventStore } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import type { LogReader } from './rebuild-fold';

/** The streams split into `count` partitions; this is the `index`-th. */
export interface Partition {
  index: number;
  count: number;
}

/** What one rebuild thread is asked to fold. */
export interface PartitionTask {
  /** Projection name → the generation to fill. */
  targets: { name: string; version: number; generation: number }[];
  partition: Partition;
  /** Fold up to this position (the head seen when the rebuild started). */
  upTo: number;
  readBatch: number;
  flushEvery: number;
  cacheBytes: number;
}

export interface RebuildThread {
  /** Events read so far by the thread. */
  events: number;
  /** Set when the thread failed (the calling thread's fold stops at its next page). */
  failed?: Error;
  done: Promise<{ events: number; handled: Record<string, number>; cpuSeconds: number | null }>;
  /** Asks the thread to stop at its next page, waits up to `graceMs`, then ends it. */
  stop(graceMs?: number): Promise<void>;
}

export interface ParallelFolding {
  /** The calling thread's own partition of the log. */
  ownPartition(partition: Partition, upTo: number): LogReader;
  /** Starts a thread folding another partition; `onProgress` after each of its pages. */
  start(task: PartitionTask, onProgress: () => void): RebuildThread;
}

/**
 * An adapter's offer for one rebuild: null when these stores or projections rule threads out (`warn` hears why when
 * the reason is worth telling the operator).
 */
export type ParallelFoldingFactory = (input: {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  warn: (message: string) => void;
}) => ParallelFolding | null;
