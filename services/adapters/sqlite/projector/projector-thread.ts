/**
 * The projector thread (worker_threads) of the embedded default: the projections (services/platform/projector/projector.ts)
 * and the log runners (the monitoring feed's) run here, on the second core, instead of on the request loop, where
 * projecting and feeding took a large share of the CPU under command load. What to run comes from the module named
 * in `workload` (services/projector-workload.ts, derived from the registry): this adapter loads it by path and
 * imports no feature.
 *
 * Nothing of the crash guarantees changes: the projector and the feed commit their documents with their checkpoints
 * in one transaction of this thread's own connection to `read-models.sqlite` (the only writer of that file; the
 * commits of one turn share one transaction: ./grouped-commits.ts), and a restart resumes from the stored
 * checkpoints. The log is read through a second connection to `events.sqlite` (FollowedLog), up to the head the main
 * thread publishes after each commit (SharedHead). The main thread learns every checkpoint from the status this
 * thread posts (ProjectorWorker: /readyz, /metrics, `minPosition`).
 *
 * Messages: in — `'wake'` (a commit while the thread slept) or `{ type: 'stop' }`; out — see ThreadMessage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EventRename } from '../../../../contracts/envelope';
import { createSqliteEventStore } from '../eventstore/sqlite-event-store';
import { UpcasterRegistry } from '../../../platform/eventstore/upcasting';
import { FollowedLog } from './followed-log';
import { GroupedCommitReadStore } from './grouped-commits';
import { Projector, type ProjectionStatus } from '../../../platform/projector/projector';
import { loadWorkload } from '../../../platform/projector/workload';
import { SharedHead } from './shared-head';
import { currentThreadId, lowerThreadPriority, type PriorityOutcome } from '../../../platform/runtime/thread-priority';

export interface ProjectorThreadData {
  /** The module that yields the workload (`loadWorkload`): the projections and the log runners. */
  workload: string;
  eventsFile: string;
  /** The main store's renames: this thread's connection reads the log as that store does. */
  renames: EventRename[];
  readModelsFile: string;
  /** The log head, published by the main thread after every commit (SharedHead). */
  head: SharedArrayBuffer;
  liveBatchDelayMs?: number;
  retryDelayMs?: number;
  /** This thread's nice value (config `projectorNice`; 0: as the process). */
  nice?: number;
}

export type ThreadMessage =
  | { type: 'status'; projections: ProjectionStatus[]; runners: Record<string, number> }
  | {
      type: 'started';
      projections: ProjectionStatus[];
      runners: Record<string, number>;
      priority: PriorityOutcome;
      tid?: number;
    }
  | { type: 'failed'; message: string }
  | { type: 'error'; component: string; errorType: string }
  | { type: 'stopped' };

function run(port: NonNullable<typeof parentPort>, data: ProjectorThreadData): void {
  const post = (m: ThreadMessage) => port.postMessage(m);
  // Commands first: this thread yields the core to the request loop and the log's writer when they compete.
  const priority = lowerThreadPriority(data.nice ?? 0);
  const workload = loadWorkload(data.workload);
  const log = new FollowedLog(
    createSqliteEventStore({
      file: data.eventsFile,
      backgroundCheckpoints: false,
      upcasters: new UpcasterRegistry([], data.renames),
    }),
    new SharedHead(data.head),
  );
  // The projections' and the runners' commits of one turn share one transaction (./grouped-commits.ts).
  const readStore = new GroupedCommitReadStore({ filename: data.readModelsFile });
  const errorOf = (component: string, error: unknown) =>
    post({ type: 'error', component, errorType: (error as Error)?.name ?? 'Error' });
  // Status goes out at most once per turn of this thread's loop, however many projections committed in it.
  let pending = false;
  let started = false;
  const report = () => {
    if (pending || !started) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      post({ type: 'status', projections: projector.status(), runners: checkpoints() });
    });
  };
  const projector = new Projector({
    eventStore: log,
    readStore,
    projections: workload.projections,
    onError: (projection, error) => errorOf(`projection:${projection}`, error),
    onProgress: report,
    ...(data.liveBatchDelayMs !== undefined ? { liveBatchDelayMs: data.liveBatchDelayMs } : {}),
    ...(data.retryDelayMs !== undefined ? { retryDelayMs: data.retryDelayMs } : {}),
  });
  const runners = workload.runners.map((definition) => {
    const runner = definition.create({
      eventStore: log,
      readStore,
      onError: (error) => errorOf(definition.name, error),
      ...(data.liveBatchDelayMs !== undefined ? { liveBatchDelayMs: data.liveBatchDelayMs } : {}),
      ...(data.retryDelayMs !== undefined ? { retryDelayMs: data.retryDelayMs } : {}),
    });
    runner.onAdvance(report);
    return { name: definition.name, runner };
  });
  const checkpoints = () => Object.fromEntries(runners.map((r) => [r.name, r.runner.checkpoint()]));

  const stop = async () => {
    for (const r of runners) await r.runner.stop();
    await projector.stop();
    await readStore.close();
    await log.close();
    post({ type: 'stopped' });
    port.close();
  };
  port.on('message', (m: 'wake' | { type: 'stop' }) => {
    if (m === 'wake') log.wake();
    else if (m.type === 'stop') void stop();
  });
  void (async () => {
    try {
      await projector.start();
      for (const r of runners) await r.runner.start();
      started = true;
      const tid = currentThreadId();
      post({
        type: 'started',
        projections: projector.status(),
        runners: checkpoints(),
        priority,
        ...(tid !== undefined ? { tid } : {}),
      });
    } catch (error) {
      post({ type: 'failed', message: (error as Error)?.message ?? String(error) });
    }
  })();
}

if (parentPort) run(parentPort, workerData as ProjectorThreadData);
