/**
 * The main thread's side of the projector thread (./projector-thread.ts): starts it, publishes the head of the
 * embedded log to it after every commit (./shared-head.ts), and keeps the checkpoints it reports, so this object answers exactly as an in-process
 * Projector does — `status()` and `lag()` for /readyz and /metrics, `waitForPosition` for `minPosition`
 * read-your-writes. The log runners' checkpoints (`runnerCheckpoint`) are kept too, and each move is passed on
 * (`onRunnerAdvance`: the monitoring feed's SSE streams wake on it).
 *
 * A thread that dies (an uncaught error) is reported, its projections show `retrying`, and a new thread starts after
 * `retryDelayMs` from the stored checkpoints — the same recovery as a projection's resubscription.
 */
import { threadScript } from '../../../platform/runtime/thread-script';
import { Worker } from 'node:worker_threads';
import type { Projection } from '../../../../projections/projection';
import type { SqliteEventStore } from '../eventstore/sqlite-event-store';
import type { ProjectionStatus, ProjectorHandle } from '../../../platform/projector/projector';
import type { ProjectorThreadData, ThreadMessage } from './projector-thread';
import { SharedHead } from './shared-head';
import { PositionWaiters } from '../../../platform/projector/position-waiters';
import type { PriorityOutcome } from '../../../platform/runtime/thread-priority';

/** What the composition root and the API need of a projector, in-process or in a thread. */

export interface ProjectorWorkerOptions {
  /** The main thread's store: the head it commits is published to the thread. */
  eventStore: SqliteEventStore;
  readModelsFile: string;
  /** The module the thread loads its workload from (services/projector-workload.ts, named by its path). */
  workload: string;
  /** That workload's projections, as this thread loaded them (names and versions, for the status before the thread's). */
  projections: readonly Projection[];
  onError?: (component: string, errorType: string) => void;
  /** A log runner's checkpoint moved. */
  onRunnerAdvance?: (name: string, checkpoint: number) => void;
  retryDelayMs?: number;
  liveBatchDelayMs?: number;
  /** The thread's nice value (services/platform/runtime/thread-priority.ts); what it got is passed to `onStarted`. */
  nice?: number;
  onStarted?: (priority: PriorityOutcome) => void;
}

export class ProjectorWorker implements ProjectorHandle {
  private worker?: Worker;
  private statuses: ProjectionStatus[];
  private runners: Record<string, number> = {};
  private readonly waiters = new PositionWaiters((n) => this.statuses.find((s) => s.name === n)?.position ?? 0);
  private stopping = false;
  private retryTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private readonly head = new SharedHead();
  /** The running thread's task id (Linux), once started: the per-thread CPU metric reads it. */
  threadId?: number;

  constructor(private readonly options: ProjectorWorkerOptions) {
    // The thread reads the log through its own connection and gets the store's renames; functions cannot follow.
    if (options.eventStore.upcasters.hasFunctions)
      throw new Error('The projector thread cannot apply upcasters with functions: run the projector in-process');
    this.statuses = options.projections.map((p) => ({
      name: p.name,
      version: p.version,
      generation: 0,
      position: 0,
      phase: 'starting' as const,
    }));
  }

  /** Starts the thread; resolves once every projection is subscribed (or rebuilding), as Projector.start does. */
  start(): Promise<void> {
    this.stopping = false;
    this.unsubscribe ??= this.options.eventStore.onCommit((head) => {
      if (this.head.publish(head)) this.worker?.postMessage('wake');
    });
    return this.spawn();
  }

  private async spawn(): Promise<void> {
    const data: ProjectorThreadData = {
      workload: this.options.workload,
      eventsFile: this.options.eventStore.file,
      renames: this.options.eventStore.upcasters.renames,
      readModelsFile: this.options.readModelsFile,
      head: this.head.buffer,
      ...(this.options.retryDelayMs !== undefined ? { retryDelayMs: this.options.retryDelayMs } : {}),
      ...(this.options.liveBatchDelayMs !== undefined ? { liveBatchDelayMs: this.options.liveBatchDelayMs } : {}),
      ...(this.options.nice !== undefined ? { nice: this.options.nice } : {}),
    };
    this.head.publish(await this.options.eventStore.headPosition());
    const { script, eval: isEval } = threadScript(__filename, 'projector-thread');
    const worker = new Worker(script, { eval: isEval, workerData: data });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (m: ThreadMessage) => {
        if (m.type === 'status' || m.type === 'started') this.update(m.projections, m.runners);
        if (m.type === 'started') {
          started = true;
          this.threadId = m.tid;
          this.options.onStarted?.(m.priority);
          resolve();
        } else if (m.type === 'failed') reject(new Error(`Projector thread failed to start: ${m.message}`));
        else if (m.type === 'error') this.options.onError?.(m.component, m.errorType);
      });
      worker.on('error', (error) => {
        this.options.onError?.('projector-thread', error.name);
        if (!started) reject(error);
      });
      worker.on('exit', () => {
        if (this.worker === worker) {
          this.worker = undefined;
          this.threadId = undefined;
        }
        if (this.stopping || !started) return;
        // Died while running: show it, then start a new thread from the stored checkpoints.
        for (const s of this.statuses) s.phase = 'retrying';
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          if (!this.stopping)
            this.spawn().catch((e: unknown) => this.options.onError?.('projector-thread', (e as Error).name));
        }, this.options.retryDelayMs ?? 1000);
      });
    });
  }

  private update(projections: ProjectionStatus[], runners: Record<string, number>): void {
    this.statuses = projections;
    for (const [name, checkpoint] of Object.entries(runners)) {
      if (checkpoint === (this.runners[name] ?? 0)) continue;
      this.runners[name] = checkpoint;
      this.options.onRunnerAdvance?.(name, checkpoint);
    }
    this.waiters.notify();
  }

  /** A log runner's checkpoint, as the thread last reported it (0 before its first report). */
  runnerCheckpoint(name: string): number {
    return this.runners[name] ?? 0;
  }

  status(): ProjectionStatus[] {
    return this.statuses.map((s) => ({ ...s }));
  }

  async lag(): Promise<Record<string, number>> {
    const head = await this.options.eventStore.headPosition();
    const out: Record<string, number> = {};
    for (const s of this.statuses) out[s.name] = Math.max(0, head - s.position);
    return out;
  }

  waitForPosition(position: number, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const known = new Set(this.statuses.map((s) => s.name));
    const wanted = names ?? [...known];
    for (const n of wanted) if (!known.has(n)) return Promise.reject(new RangeError(`Unknown projection ${n}`));
    return this.waiters.wait(position, timeoutMs, wanted);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const worker = this.worker;
    if (worker) {
      const exited = new Promise<void>((r) => worker.once('exit', () => r()));
      const stopped = new Promise<void>((r) =>
        worker.on('message', (m: ThreadMessage) => {
          if (m.type === 'stopped') r();
        }),
      );
      worker.postMessage({ type: 'stop' });
      // The thread closes its stores and its port, then ends; a thread stuck past 10 s is terminated.
      const timeout = new Promise<void>((r) => setTimeout(r, 10_000).unref());
      await Promise.race([stopped.then(() => exited), exited, timeout]);
      if (this.worker === worker) await worker.terminate();
      this.worker = undefined;
    }
    for (const s of this.statuses) s.phase = 'stopped';
    this.waiters.cancelAll();
  }
}
