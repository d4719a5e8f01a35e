/**
 * A rebuild thread (worker_threads) of a parallel rebuild (./rebuild-threads.ts): folds the events of one partition
 * of the streams (./partitioned-log.ts), from the start of the log up to a fixed position, into the new generations,
 * with its own connections to `events.sqlite` and `read-models.sqlite`. Posts progress and, at the end, what it did.
 * Its projections come from the module named in `workload` (services/projector-workload.ts: the light halves of the
 * registry's definitions, no HTTP code or schemas), loaded by path: this adapter imports no feature.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EventRename } from '../../../../contracts/envelope';
import { createSqliteEventStore } from '../eventstore/sqlite-event-store';
import { UpcasterRegistry } from '../../../platform/eventstore/upcasting';
import { SqliteReadStore } from '../readstore/sqlite-read-store';
import { loadWorkload } from '../../../platform/projector/workload';
import { partitionedLog } from './partitioned-log';
import { RebuildCache } from '../../../platform/projector/rebuild-cache';
import { foldLog } from '../../../platform/projector/rebuild-fold';
import type { PartitionTask } from '../../../platform/projector/parallel-folding';
import { currentThreadCpuSeconds } from '../../../platform/observability/thread-cpu';

export interface RebuildThreadData extends PartitionTask {
  /** The module that yields the projections (`loadWorkload`). */
  workload: string;
  eventsFile: string;
  readModelsFile: string;
  /** The main store's renames: this thread reads the rows as that store does (./partitioned-log.ts). */
  renames: EventRename[];
}

export type RebuildThreadMessage =
  | { type: 'progress'; position: number; events: number }
  | {
      type: 'done';
      position: number;
      events: number;
      handled: Record<string, number>;
      /** This thread's CPU seconds for the fold (see currentThreadCpuSeconds). */
      cpuSeconds: number | null;
    }
  | { type: 'failed'; message: string; stack?: string };

async function run(port: NonNullable<typeof parentPort>, data: RebuildThreadData): Promise<void> {
  // 'stop': the rebuild failed in another thread; stop at the next page (the fold yields once per page).
  let stopRequested = false;
  port.on('message', (m) => {
    if (m === 'stop') stopRequested = true;
  });
  port.unref(); // the listener alone does not keep this thread alive once its fold is done
  const eventStore = createSqliteEventStore({
    file: data.eventsFile,
    backgroundCheckpoints: false,
    upcasters: new UpcasterRegistry([], data.renames),
  });
  const readStore = new SqliteReadStore({ filename: data.readModelsFile });
  readStore.bulkLoad(true); // this connection writes only the new generations
  const cpuAtStart = currentThreadCpuSeconds();
  let result: { position: number; events: number };
  const handled: Record<string, number> = {};
  try {
    const known = new Map(loadWorkload(data.workload).projections.map((p) => [p.name, p]));
    const targets = data.targets.map((t) => {
      const projection = known.get(t.name);
      if (!projection || projection.version !== t.version)
        throw new Error(`Rebuild thread: projection ${t.name} v${t.version} is not known here`);
      return { generation: t.generation, cache: new RebuildCache(projection, true) };
    });
    let last = 0;
    result = await foldLog({
      log: partitionedLog(eventStore, data.partition, data.upTo),
      readStore,
      targets,
      from: 0,
      readBatch: data.readBatch,
      flushEvery: data.flushEvery,
      cacheBytes: data.cacheBytes,
      checkpoint: 0,
      onPage: (position, events) => {
        if (stopRequested) throw new Error('Rebuild thread stopped: the rebuild failed elsewhere');
        if (events - last < 10_000) return;
        last = events;
        port.postMessage({ type: 'progress', position, events } satisfies RebuildThreadMessage);
      },
    });
    for (const t of targets) handled[t.cache.projection.name] = t.cache.handled;
  } finally {
    await readStore.close();
    await eventStore.close();
  }
  const cpuAtEnd = currentThreadCpuSeconds();
  const cpuSeconds = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;
  port.postMessage({ type: 'done', ...result, handled, cpuSeconds } satisfies RebuildThreadMessage);
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as RebuildThreadData).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', message: e.message, stack: e.stack } satisfies RebuildThreadMessage);
  });
}
