/**
 * The projector: for each projection, subscribes to the log from the projection's checkpoint and commits the
 * changed documents together with the new checkpoint (ReadStore.commit; one transaction in SQLite), so a crash
 * can neither skip nor double-apply an event and a restart resumes exactly.
 *
 * - Every event advances the checkpoint, also those the projection ignores, so `waitForPosition` (the API's
 *   `minPosition` read-your-writes) is reached for any position in the log.
 * - Blue/green: when a rebuild (CLI in another process, or a version change here) switches the active generation,
 *   the next commit fails with GenerationChanged and the projection resubscribes from the new generation's checkpoint.
 * - A projection whose stored version differs from its code is rebuilt blue/green at start; the old generation is
 *   served until the switch.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { describe as describeProjection, type Projection } from '../../../projections/projection';
import type { EventStore, Subscription } from '../eventstore/port';
import { GenerationChanged, type ReadStore } from '../readstore/port';
import { applyBatch, newCache, takeWrites } from './apply-batch';
import { rebuildProjection } from './rebuild';
import { PositionWaiters } from './position-waiters';
import { LIVE_BATCH_DELAY_MS } from './live-batch';

export interface ProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projections: readonly Projection[];
  /** Events per handler call (default 500). */
  batchSize?: number;
  /** Called on an error a projection recovers from by resubscribing (logging/metrics); never receives PII itself. */
  onError?: (projection: string, error: unknown) => void;
  /** Delay before resubscribing after an error (default 1000 ms). */
  retryDelayMs?: number;
  /**
   * Live (caught up): pause this long after committing a short batch, so the events of the next few group commits
   * are applied in ONE read + read-store transaction per projection instead of one each (default
   * LIVE_BATCH_DELAY_MS of ./live-batch.ts; 0: none).
   * Under command load, per-batch costs (range read, getMany, commit) were a large share of the server's CPU per
   * command. The price is at most this much extra projection lag (read-your-writes waits for it).
   */
  liveBatchDelayMs?: number;
  /** Called whenever a checkpoint or phase changes (the projector thread reports status to the main thread). */
  onProgress?: () => void;
}

export type ProjectionPhase = 'starting' | 'rebuilding' | 'live' | 'retrying' | 'stopped';

export interface ProjectionStatus {
  name: string;
  version: number;
  generation: number;
  /** Global position of the last event applied (the checkpoint). */
  position: number;
  phase: ProjectionPhase;
  lastError?: string;
}

interface Runner {
  projection: Projection;
  status: ProjectionStatus;
  subscription?: Subscription;
  /** The abandoned subscription a pending restart stops; `stop()` stops it too (else its polling loop outlives us). */
  stale?: Subscription;
  /** Set when the current subscription must not commit any more (restarting after a switch or an error). */
  abandoned: boolean;
  retryTimer?: NodeJS.Timeout;
}

/** What the rest of kezen sees of a projector: in-process, or an adapter's stand-in for one running elsewhere. */
export type ProjectorHandle = Pick<Projector, 'start' | 'stop' | 'status' | 'lag' | 'waitForPosition'>;

export class Projector {
  private readonly runners = new Map<string, Runner>();
  private readonly waiters = new PositionWaiters((n) => this.runners.get(n)?.status.position ?? 0);
  private stopped = false;

  constructor(private readonly options: ProjectorOptions) {
    for (const projection of options.projections) {
      if (this.runners.has(projection.name)) throw new RangeError(`Duplicate projection ${projection.name}`);
      this.runners.set(projection.name, {
        projection,
        abandoned: false,
        status: { name: projection.name, version: projection.version, generation: 0, position: 0, phase: 'starting' },
      });
    }
  }

  /** Registers the projections with the read store and starts every subscription (rebuilds run in the background). */
  async start(): Promise<void> {
    await this.options.readStore.init(this.options.projections.map(describeProjection));
    for (const runner of this.runners.values()) {
      const active = await this.options.readStore.activeGeneration(runner.projection.name);
      runner.status.generation = active.generation;
      runner.status.position = active.checkpoint;
      if (active.version !== runner.projection.version) void this.rebuildThenRun(runner);
      else await this.subscribe(runner);
    }
  }

  private async rebuildThenRun(runner: Runner): Promise<void> {
    runner.status.phase = 'rebuilding';
    this.options.onProgress?.();
    try {
      await rebuildProjection({
        eventStore: this.options.eventStore,
        readStore: this.options.readStore,
        projection: runner.projection,
      });
      if (!this.stopped) await this.subscribe(runner);
    } catch (error) {
      this.fail(runner, error);
    }
  }

  private async subscribe(runner: Runner): Promise<void> {
    if (this.stopped) return;
    const { readStore, eventStore } = this.options;
    const active = await readStore.activeGeneration(runner.projection.name);
    if (this.stopped) return; // stopped while reading: no subscription may outlive stop()
    runner.abandoned = false;
    runner.status.generation = active.generation;
    runner.status.position = active.checkpoint;
    runner.status.phase = 'live';
    this.notify();
    const generation = active.generation;
    runner.subscription = eventStore.subscribeToAll(
      active.checkpoint,
      async (events) => {
        if (runner.abandoned || this.stopped || events.length === 0) return;
        try {
          await this.handle(runner, generation, events);
        } catch (error) {
          this.fail(runner, error);
        }
      },
      { batchSize: this.options.batchSize ?? 500, onError: (error) => this.fail(runner, error) },
    );
  }

  private async handle(runner: Runner, generation: number, events: RecordedEvent[]): Promise<void> {
    const { projection } = runner;
    const cache = newCache();
    await applyBatch(projection, events, cache, this.options.readStore, generation);
    const checkpoint = events[events.length - 1]!.position;
    await this.options.readStore.commit(projection.name, takeWrites(projection, cache), checkpoint, {
      generation,
      requireActive: true,
      expectedCheckpoint: runner.status.position,
    });
    runner.status.position = checkpoint;
    if (runner.status.lastError) delete runner.status.lastError;
    this.notify();
    const delay = this.options.liveBatchDelayMs ?? LIVE_BATCH_DELAY_MS;
    // A full batch means catching up: go on at once. The subscription awaits this handler, so commits meanwhile
    // accumulate for the next batch.
    if (delay > 0 && events.length < (this.options.batchSize ?? 500) && !this.stopped)
      await new Promise<void>((resolve) => setTimeout(resolve, delay));
  }

  /** Abandons the current subscription and resubscribes from the stored checkpoint (immediately after a switch). */
  private fail(runner: Runner, error: unknown): void {
    if (runner.abandoned || this.stopped) return;
    runner.abandoned = true;
    void this.switchedMeanwhile(runner, error).then((switched) => this.restart(runner, error, switched));
  }

  /** A read of a dropped generation fails with another error than GenerationChanged: ask the store. */
  private async switchedMeanwhile(runner: Runner, error: unknown): Promise<boolean> {
    if (error instanceof GenerationChanged) return true;
    try {
      const active = await this.options.readStore.activeGeneration(runner.projection.name);
      return active.generation !== runner.status.generation;
    } catch {
      return false;
    }
  }

  private restart(runner: Runner, error: unknown, switched: boolean): void {
    if (this.stopped) return;
    if (!switched) {
      runner.status.phase = 'retrying';
      runner.status.lastError = error instanceof Error ? error.message : String(error);
      this.options.onError?.(runner.projection.name, error);
      this.options.onProgress?.();
    }
    const subscription = runner.subscription;
    runner.subscription = undefined;
    runner.stale = subscription;
    runner.retryTimer = setTimeout(
      () => {
        runner.retryTimer = undefined;
        void (async () => {
          await subscription?.stop().catch(() => undefined);
          if (runner.stale === subscription) runner.stale = undefined;
          await this.subscribe(runner).catch((e: unknown) => {
            runner.abandoned = false;
            this.fail(runner, e);
          });
        })();
      },
      switched ? 0 : (this.options.retryDelayMs ?? 1000),
    );
  }

  /** Per-projection status: position, generation, phase (for /readyz and the projection-lag metric). */
  status(): ProjectionStatus[] {
    return [...this.runners.values()].map((r) => ({ ...r.status }));
  }

  /** Lag in events behind the head of the log, per projection. */
  async lag(): Promise<Record<string, number>> {
    const head = await this.options.eventStore.headPosition();
    const out: Record<string, number> = {};
    for (const r of this.runners.values()) out[r.status.name] = Math.max(0, head - r.status.position);
    return out;
  }

  /**
   * Resolves true once every named projection (default: all) has applied the log up to `position`, false after
   * `timeoutMs` (read-your-writes: the API's `minPosition`).
   */
  waitForPosition(position: number, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    const wanted = names ?? [...this.runners.keys()];
    for (const n of wanted) if (!this.runners.has(n)) return Promise.reject(new RangeError(`Unknown projection ${n}`));
    return this.waiters.wait(position, timeoutMs, wanted);
  }

  private notify(): void {
    this.options.onProgress?.();
    this.waiters.notify();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const r of this.runners.values()) {
      if (r.retryTimer) clearTimeout(r.retryTimer);
      r.status.phase = 'stopped';
      await r.stale?.stop().catch(() => undefined);
      r.stale = undefined;
      await r.subscription?.stop();
      r.subscription = undefined;
    }
    this.waiters.cancelAll();
  }
}
