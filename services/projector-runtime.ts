/**
 * The projector the composition root runs (services/composition.ts makes the choice, from config `projectorThread`):
 * the projector thread (ProjectorWorker: the workload on the second core, embedded SQLite stores only) or in-process
 * (the Projector and the log runners here). The same log lines either way: a projection resubscribes, a runner
 * retries, a dead thread restarts.
 */
import type { Logger } from 'pino';
import type { EventStore } from './platform/eventstore/port';
import type { SqliteEventStore } from './adapters/sqlite/eventstore/sqlite-event-store';
import type { ReadStore } from './platform/readstore/port';
import { Projector } from './platform/projector/projector';
import type { ProjectorWorkload, RunnerPort } from './platform/projector/workload';
import { ProjectorWorker } from './adapters/sqlite/projector/projector-worker';
import type { ProjectorHandle } from './platform/projector/projector';

export interface ProjectorRuntimeOptions {
  /** The thread, else in-process. True only with the embedded SQLite stores (the composition root checks). */
  threaded: boolean;
  eventStore: EventStore;
  readStore: ReadStore;
  /** The SQLite read store's file, which the thread opens itself. */
  readModelsFile: string;
  workload: ProjectorWorkload;
  /** The module that yields `workload`, which the thread loads by path (services/projector-workload.ts). */
  workloadModule: string;
  logger: Logger;
  /** The projector thread's nice value (config `projectorNice`). */
  nice?: number;
}

export interface ProjectorRuntime {
  threaded: boolean;
  /** The projections' projector (the thread's stand-in when threaded). */
  projector: ProjectorHandle;
  runners: RunnerPort;
  /** Starts the projector, then the log runners; `stop` stops them in the reverse order. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The projector thread's task id (Linux), while it runs; undefined in-process. */
  threadId(): number | undefined;
}

export function createProjectorRuntime(options: ProjectorRuntimeOptions): ProjectorRuntime {
  const { logger, workload } = options;
  const titleOf = new Map(workload.runners.map((r) => [r.name, r.title]));
  const runnerError = (component: string, type: string | undefined) =>
    logger.error({ component, err: { type } }, `${titleOf.get(component)} error`);
  if (options.threaded) {
    const listeners: { name: string; listener: (checkpoint: number) => void }[] = [];
    const worker = new ProjectorWorker({
      eventStore: options.eventStore as SqliteEventStore, // `threaded` only over the embedded SQLite log
      readModelsFile: options.readModelsFile,
      workload: options.workloadModule,
      projections: workload.projections,
      onError: (component, type) =>
        component.startsWith('projection:')
          ? logger.error({ projection: component.slice(11), err: { type } }, 'projection error; resubscribing')
          : titleOf.has(component)
            ? runnerError(component, type)
            : logger.error({ component, err: { type } }, 'projector thread error; restarting'),
      onRunnerAdvance: (name, checkpoint) => {
        for (const l of listeners) if (l.name === name) l.listener(checkpoint);
      },
      ...(options.nice !== undefined ? { nice: options.nice } : {}),
      onStarted: (priority) =>
        priority.applied
          ? logger.info({ nice: priority.nice }, 'projector thread started below the request loop’s CPU priority')
          : logger.info({ reason: priority.reason }, 'projector thread started at the process’s CPU priority'),
    });
    return {
      threaded: true,
      projector: worker,
      start: () => worker.start(),
      stop: () => worker.stop(),
      runners: {
        checkpoint: (name) => worker.runnerCheckpoint(name),
        onAdvance: (name, listener) => listeners.push({ name, listener }),
      },
      threadId: () => worker.threadId,
    };
  }
  const projector = new Projector({
    eventStore: options.eventStore,
    readStore: options.readStore,
    projections: workload.projections,
    onError: (projection, error) =>
      logger.error({ projection, err: { type: (error as Error)?.name } }, 'projection error; resubscribing'),
  });
  const runners = new Map(
    workload.runners.map((r) => [
      r.name,
      r.create({
        eventStore: options.eventStore,
        readStore: options.readStore,
        onError: (error) => runnerError(r.name, (error as Error)?.name),
      }),
    ]),
  );
  return {
    threaded: false,
    projector,
    async start() {
      await projector.start();
      for (const runner of runners.values()) await runner.start();
    },
    async stop() {
      for (const runner of runners.values()) await runner.stop();
      await projector.stop();
    },
    runners: {
      checkpoint: (name) => runners.get(name)?.checkpoint() ?? 0,
      onAdvance: (name, listener) => runners.get(name)?.onAdvance(listener),
    },
    threadId: () => undefined,
  };
}
