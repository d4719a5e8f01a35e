/**
 * The main thread's side of a parallel rebuild: starts one rebuild thread (./rebuild-thread.ts) per extra key
 * partition of the streams and collects their progress and results. Only for the embedded stores (both are files
 * another thread can open) and for projections the thread can rebuild itself (./thread-projections.ts) whose documents
 * each follow a single stream (`streamLocal`).
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Projection } from '../../projections/projection';
import type { EventStore } from '../eventstore/port';
import { SqliteEventStore } from '../eventstore/sqlite/sqlite-event-store';
import type { ReadStore } from '../readstore/port';
import { SqliteReadStore } from '../readstore/sqlite/sqlite-read-store';
import { threadProjections } from './thread-projections';
import type { RebuildThreadData, RebuildThreadMessage } from './rebuild-thread';

/** The files a rebuild thread opens, when the rebuild can run in threads at all. */
export function threadFiles(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: readonly Projection[],
): { eventsFile: string; readModelsFile: string } | null {
  if (!(eventStore instanceof SqliteEventStore) || !(readStore instanceof SqliteReadStore)) return null;
  if (readStore.filename === ':memory:') return null;
  const known = threadProjections();
  // The same objects (not merely the same names): a test's or a caller's own projection cannot be rebuilt there. And
  // only projections whose documents each follow one stream: the threads split the log by stream.
  if (!projections.every((p) => known.get(p.name) === p && p.streamLocal === true)) return null;
  return { eventsFile: eventStore.file, readModelsFile: readStore.filename };
}

/**
 * CPU seconds used so far by the calling thread (Linux `/proc/thread-self`; null elsewhere). On a shared machine the
 * per-thread figures say what the wall time would be on an idle one.
 */
export function threadCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ ticks
  } catch {
    return null;
  }
}

/** The thread's entry: the .ts source under tsx/jest (loaded through tsx in the thread), the .js file when built. */
function threadScript(): { script: string; eval: boolean } {
  const file = join(__dirname, `rebuild-thread${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return { script: file, eval: false };
  return { script: `require('tsx/cjs'); require(${JSON.stringify(file)});`, eval: true };
}

export interface RebuildThread {
  /** Events read so far by the thread. */
  events: number;
  done: Promise<{ events: number; handled: Record<string, number>; cpuSeconds: number | null }>;
  terminate(): Promise<void>;
}

export function startRebuildThread(data: RebuildThreadData, onProgress: () => void): RebuildThread {
  const { script, eval: isEval } = threadScript();
  const worker = new Worker(script, { eval: isEval, workerData: data });
  const thread: RebuildThread = {
    events: 0,
    done: new Promise((resolve, reject) => {
      worker.on('message', (m: RebuildThreadMessage) => {
        if (m.type === 'progress') {
          thread.events = m.events;
          onProgress();
        } else if (m.type === 'done') {
          thread.events = m.events;
          resolve({ events: m.events, handled: m.handled, cpuSeconds: m.cpuSeconds });
        } else {
          const error = new Error(m.message);
          if (m.stack) error.stack = m.stack;
          reject(error);
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`Rebuild thread exited with ${code}`)));
    }),
    terminate: async () => {
      await worker.terminate();
    },
  };
  // A failed thread is stopped; a finished one has closed its connections and exits by itself.
  thread.done.catch(() => void worker.terminate());
  return thread;
}
