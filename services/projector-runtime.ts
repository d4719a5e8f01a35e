/**
 * The projector the composition root runs (services/composition.ts makes the choice, from config `projectorThread`):
 * the projector thread (ProjectorWorker: the projections and the feed runner on the second core, embedded SQLite
 * stores only) or the in-process Projector. The same log lines either way: a projection resubscribes, the feed
 * retries, a dead thread restarts.
 */
import type { Logger } from 'pino';
import type { Projection } from '../projections/projection';
import type { EventStore } from './platform/eventstore/port';
import type { SqliteEventStore } from './adapters/sqlite/eventstore/sqlite-event-store';
import type { ReadStore } from './platform/readstore/port';
import { Projector } from './platform/projector/projector';
import { ProjectorWorker } from './adapters/sqlite/projector/projector-worker';
import type { ProjectorHandle } from './platform/projector/projector';

export interface ProjectorRuntimeOptions {
  /** The thread, else in-process. True only with the embedded SQLite stores (the composition root checks). */
  threaded: boolean;
  eventStore: EventStore;
  readStore: ReadStore;
  /** The SQLite read store's file, which the thread opens itself. */
  readModelsFile: string;
  projections: readonly Projection[];
  logger: Logger;
  /** The thread's feed runner moved its checkpoint (wakes the feed's SSE streams). */
  onFeedAdvance: (checkpoint: number) => void;
  /** The projector thread's nice value (config `projectorNice`). */
  nice?: number;
}

export type ProjectorRuntime =
  | {
      threaded: true;
      projector: ProjectorHandle;
      /** The thread's feed runner checkpoint. */
      feedCheckpoint(): number;
      /** The projector thread's task id (Linux), while it runs. */
      threadId(): number | undefined;
    }
  | { threaded: false; projector: ProjectorHandle };

export function createProjectorRuntime(options: ProjectorRuntimeOptions): ProjectorRuntime {
  const { logger, projections } = options;
  if (options.threaded) {
    const worker = new ProjectorWorker({
      eventStore: options.eventStore as SqliteEventStore, // `threaded` only over the embedded SQLite log
      readModelsFile: options.readModelsFile,
      projections,
      onError: (component, type) =>
        component.startsWith('projection:')
          ? logger.error({ projection: component.slice(11), err: { type } }, 'projection error; resubscribing')
          : component === 'feed-runner'
            ? logger.error({ component, err: { type } }, 'monitoring feed error')
            : logger.error({ component, err: { type } }, 'projector thread error; restarting'),
      onFeedAdvance: options.onFeedAdvance,
      ...(options.nice !== undefined ? { nice: options.nice } : {}),
      onStarted: (priority) =>
        priority.applied
          ? logger.info({ nice: priority.nice }, 'projector thread started below the request loop’s CPU priority')
          : logger.info({ reason: priority.reason }, 'projector thread started at the process’s CPU priority'),
    });
    return {
      threaded: true,
      projector: worker,
      feedCheckpoint: () => worker.feedCheckpoint(),
      threadId: () => worker.threadId,
    };
  }
  const projector = new Projector({
    eventStore: options.eventStore,
    readStore: options.readStore,
    projections,
    onError: (projection, error) =>
      logger.error({ projection, err: { type: (error as Error)?.name } }, 'projection error; resubscribing'),
  });
  return { threaded: false, projector };
}
