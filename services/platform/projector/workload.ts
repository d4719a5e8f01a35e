/**
 * What the projector runs, as one value: the projections and the log runners (the monitoring feed's), derived from
 * the registry by services/projector-workload.ts. Functions cannot be sent to a thread, so the projector thread and
 * the rebuild threads load that module by its path (`loadWorkload`, the path in their workerData): the SQLite adapter
 * thus runs the features' work without importing a feature or the registry.
 */
import type { Projection } from '../../../projections/projection';
import type { EventStore } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';

/** A follower of the log with its own checkpoint and documents, run beside the projections (the feed's runner). */
export interface LogRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Position of the last event it applied. */
  checkpoint(): number;
  /** Told each time its checkpoint moved. */
  onAdvance(listener: (checkpoint: number) => void): void;
}

export interface LogRunnerDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  onError: (error: unknown) => void;
  liveBatchDelayMs?: number;
  retryDelayMs?: number;
}

export interface LogRunnerDefinition {
  /** Its component name in logs and in the projector thread's reports, e.g. `feed-runner`. */
  name: string;
  /** What it is, for its error log line (`<title> error`). */
  title: string;
  create(deps: LogRunnerDeps): LogRunner;
}

/** The workload's log runners, wherever they run (the projector thread or this one): checkpoints and progress. */
export interface RunnerPort {
  checkpoint(name: string): number;
  onAdvance(name: string, listener: (checkpoint: number) => void): void;
}

export interface ProjectorWorkload {
  projections: readonly Projection[];
  runners: readonly LogRunnerDefinition[];
}

/** The `projectorWorkload` of the module at `modulePath` (services/projector-workload.ts), loaded once per thread. */
export function loadWorkload(modulePath: string): ProjectorWorkload {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named at run time, by the caller
  const loaded = require(modulePath) as { projectorWorkload?: ProjectorWorkload };
  if (!loaded.projectorWorkload) throw new Error(`${modulePath} exports no projectorWorkload`);
  return loaded.projectorWorkload;
}
