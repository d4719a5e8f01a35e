/**
 * The main thread's side of a parallel rebuild: starts one rebuild thread (./rebuild-thread.ts) per extra key
 * partition of the streams and collects their progress and results. Only for the embedded stores (both are files
 * another thread can open) and for projections the thread can rebuild itself (those of the workload module it loads,
 * services/projector-workload.ts) whose documents each follow a single stream (`streamLocal`).
 */
import { threadScript } from '../../../platform/runtime/thread-script';
import { Worker } from 'node:worker_threads';
import type { Projection } from '../../../../projections/projection';
import type { EventStore } from '../../../platform/eventstore/port';
import { SqliteEventStore } from '../eventstore/sqlite-event-store';
import type { ReadStore } from '../../../platform/readstore/port';
import { SqliteReadStore } from '../readstore/sqlite-read-store';
import { loadWorkload } from '../../../platform/projector/workload';
import type { RebuildThreadData, RebuildThreadMessage } from './rebuild-thread';
import type { ParallelFoldingFactory, RebuildThread } from '../../../platform/projector/parallel-folding';
import { partitionedLog } from './partitioned-log';

/**
 * What a rebuild thread opens and loads, when the rebuild can run in threads at all: the files, and `workload`, the
 * module its projections come from (none: no threads). `warn` hears why not when the log itself rules threads out.
 */
function threadFiles(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: readonly Projection[],
  workload: string,
  warn: (message: string) => void = () => undefined,
): Pick<RebuildThreadData, 'eventsFile' | 'readModelsFile' | 'workload' | 'renames'> | null {
  if (!(eventStore instanceof SqliteEventStore) || !(readStore instanceof SqliteReadStore)) return null;
  if (readStore.filename === ':memory:') return null;
  // The partitions read events.sqlite's rows directly (./partitioned-log.ts) and must read them as the store does
  // (../../../platform/eventstore/upcasting.ts). Renames are data and go to the threads; version steps are functions,
  // which cannot be sent to a thread, so a log with any is rebuilt in this thread, through the store's own reads.
  if (eventStore.upcasters.hasFunctions) {
    warn('Rebuild in one thread: the event store has upcasters with functions, which the rebuild threads cannot apply');
    return null;
  }
  const known = new Map(loadWorkload(workload).projections.map((p) => [p.name, p]));
  // The same objects (not merely the same names): a test's or a caller's own projection cannot be rebuilt there. And
  // only projections whose documents each follow one stream: the threads split the log by stream.
  if (!projections.every((p) => known.get(p.name) === p && p.streamLocal === true)) return null;
  return {
    eventsFile: eventStore.file,
    readModelsFile: readStore.filename,
    workload,
    renames: eventStore.upcasters.renames,
  };
}

export function startRebuildThread(data: RebuildThreadData, onProgress: () => void): RebuildThread {
  const { script, eval: isEval } = threadScript(__filename, 'rebuild-thread');
  const worker = new Worker(script, { eval: isEval, workerData: data });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const thread: RebuildThread = {
    events: 0,
    done: new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return; // e.g. the exit after 'done'
        settled = true;
        thread.failed = error;
        reject(error);
      };
      worker.on('message', (m: RebuildThreadMessage) => {
        if (m.type === 'progress') {
          thread.events = m.events;
          onProgress();
        } else if (m.type === 'done') {
          thread.events = m.events;
          settled = true;
          resolve({ events: m.events, handled: m.handled, cpuSeconds: m.cpuSeconds });
        } else {
          const error = new Error(m.message);
          if (m.stack) error.stack = m.stack;
          fail(error);
        }
      });
      worker.on('error', fail);
      void exit.then(() => fail(new Error('Rebuild thread exited before it was done')));
    }),
    stop: async (graceMs = 10_000) => {
      if (exited) return;
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exit, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      if (!exited) await worker.terminate();
    },
  };
  // Handled here (a failure is also seen through `failed` and `done` by the rebuild).
  thread.done.catch(() => undefined);
  return thread;
}

/**
 * The SQLite adapter's rebuild threads, offered to the platform's rebuild: each thread opens the two files itself,
 * loads its projections from the `workload` module (by path: functions cannot be sent to a thread) and folds one
 * partition of the streams (./partitioned-log.ts).
 */
export const sqliteParallelFolding =
  (workload: string): ParallelFoldingFactory =>
  ({ eventStore, readStore, projections, warn }) => {
    const files = threadFiles(eventStore, readStore, projections, workload, warn);
    if (!files) return null;
    return {
      ownPartition: (partition, upTo) => partitionedLog(eventStore as SqliteEventStore, partition, upTo),
      start: (task, onProgress) => startRebuildThread({ ...files, ...task }, onProgress),
    };
  };
