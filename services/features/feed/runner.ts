/**
 * Runs the monitoring feed projection (projections/monitoring) over the log: per batch, loads the cases' feed
 * state, folds the events, and commits the new messages and states with the checkpoint through the ReadStore port.
 *
 * Write order matters where there are no transactions (MongoDB): the messages are written BEFORE the case states.
 * A crash in between replays the batch from the old checkpoint; a case whose state already moved past an event
 * had that event's message written first, so skipping it (feedStep's `lastPosition`) loses nothing, and a message
 * recomputed from the older state is byte-identical (the log is immutable).
 *
 * A feed stored by another version of FEED_PROJECTION (e.g. its messages name the source events as earlier code
 * named them) is rebuilt blue/green at start, in the background as the projector rebuilds a projection: the messages
 * are recomputed from the whole log into a new generation, which replaces the old one once caught up. Positions and
 * message ids stay the same, so a publisher's checkpoint still holds (nothing is sent twice).
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import {
  caseKey,
  feedStep,
  isMonitored,
  restOfCommand,
  type CaseFeedState,
} from '../../../projections/monitoring/feed';
import { serviceOf, stageOf, type MonitoredService } from '../../../projections/monitoring/services';
import type { EventStore, Subscription } from '../../platform/eventstore/port';
import type { DocWrite, ReadStore } from '../../platform/readstore/port';
import {
  FEED_PROJECTION,
  FeedSignal,
  legacyMessageKey,
  messageKey,
  type FeedMessageDoc,
} from '../../platform/feed/feed-store';
import { LIVE_BATCH_DELAY_MS } from '../../platform/projector/live-batch';
import type { LogRunner } from '../../platform/projector/workload';

export interface FeedRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** The monitored services (derived from the registry: services/platform/definitions.ts `monitoredServices`). */
  services: readonly MonitoredService[];
  signal?: FeedSignal;
  batchSize?: number;
  retryDelayMs?: number;
  onError?: (error: unknown) => void;
  /**
   * Live (caught up): pause this long after a short batch, so the next few group commits are applied in one read
   * and one read-store transaction (default LIVE_BATCH_DELAY_MS; 0: none) — as the projector does
   * (services/platform/projector/live-batch.ts).
   */
  liveBatchDelayMs?: number;
  /** Test seam: called after the messages of a batch are written and before the case states are. */
  afterMessagesWritten?: (batch: readonly RecordedEvent[]) => Promise<void>;
}

export class FeedRunner implements LogRunner {
  readonly signal: FeedSignal;
  private subscription?: Subscription;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private position = 0;
  private generation = 1;
  /** Folding into a new generation, not yet served (no signal: readers still read the active one). */
  private rebuilding = false;

  constructor(private readonly options: FeedRunnerOptions) {
    this.signal = options.signal ?? new FeedSignal();
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.options.readStore.init([FEED_PROJECTION]);
    const active = await this.options.readStore.activeGeneration(FEED_PROJECTION.name);
    if (active.version !== FEED_PROJECTION.version) void this.rebuildThenSubscribe(active.generation);
    else await this.subscribe();
  }

  /** Folds the whole log into a new generation, switches to it, drops the old one, then follows the log live. */
  private async rebuildThenSubscribe(previous: number): Promise<void> {
    const { readStore, eventStore } = this.options;
    try {
      // A rebuild that died left an inactive generation behind.
      for (const g of await readStore.generations(FEED_PROJECTION.name))
        if (!g.active) await readStore.dropPhysical(FEED_PROJECTION.name, g.generation);
      this.rebuilding = true;
      this.generation = await readStore.beginRebuild(FEED_PROJECTION);
      this.position = 0;
      for (;;) {
        if (this.stopped) return; // the next start drops the half-built generation
        const batch = await eventStore.readAll(this.position, this.options.batchSize ?? 500);
        if (batch.length === 0) break;
        await this.handle(batch);
      }
      await readStore.switchAlias(FEED_PROJECTION.name, this.generation);
      this.rebuilding = false;
      await readStore.dropPhysical(FEED_PROJECTION.name, previous);
      this.signal.advanced(this.position);
    } catch (error) {
      this.rebuilding = false;
      this.options.onError?.(error);
      if (!this.stopped)
        this.retryLater(
          () => undefined,
          () => this.start(),
        );
      return;
    }
    await this.subscribe().catch((error: unknown) => {
      this.options.onError?.(error);
      if (!this.stopped) this.retryLater();
    });
  }

  /** Position of the last event the feed has applied (its checkpoint). */
  checkpoint(): number {
    return this.position;
  }

  onAdvance(listener: (checkpoint: number) => void): void {
    this.signal.onAdvance(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async subscribe(): Promise<void> {
    const active = await this.options.readStore.activeGeneration(FEED_PROJECTION.name);
    this.position = active.checkpoint;
    this.generation = active.generation;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || this.stopped) return;
      failed = true;
      this.options.onError?.(error);
      const subscription = this.subscription;
      this.retryLater(() => subscription?.stop());
    };
    this.subscription = this.options.eventStore.subscribeToAll(
      this.position,
      async (events) => {
        if (failed || this.stopped || events.length === 0) return;
        try {
          await this.handle(events);
        } catch (error) {
          fail(error);
        }
      },
      // Every event, not only the monitored streams': the checkpoint then follows the log head (lag, /readyz),
      // as the projector's do.
      { batchSize: this.options.batchSize ?? 500, onError: fail },
    );
  }

  /**
   * Resubscribes after the retry delay, and again after each failed attempt (the read store still down: reading the
   * checkpoint fails) until one succeeds: a failed first retry must not be dropped, or a read-store outage longer
   * than one retry leaves the feed stopped for good.
   */
  private retryLater(before?: () => Promise<void> | undefined, attempt = () => this.subscribe()): void {
    this.retryTimer = setTimeout(() => {
      void (async () => {
        await before?.()?.catch(() => undefined);
        if (this.stopped) return;
        await attempt().catch((error: unknown) => {
          this.options.onError?.(error);
          if (!this.stopped) this.retryLater(undefined, attempt);
        });
      })();
    }, this.options.retryDelayMs ?? 1000);
  }

  /** The events of the batch plus, when its last command runs past the batch end, the rest of that command. */
  private async withTail(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const last = events[events.length - 1]!;
    const service = serviceOf(last.streamName, this.options.services);
    const command = events.filter(
      (e) => e.streamName === last.streamName && e.metadata.commandId === last.metadata.commandId,
    );
    if (!service || !command.some((e) => stageOf(service, e.type, e.data as Record<string, unknown>))) return events;
    const next = await this.options.eventStore.readStream(last.streamName, {
      fromRevision: last.revision + 1,
      maxCount: 50,
    });
    const tail: RecordedEvent[] = [];
    for (const e of next) {
      if (e.metadata.commandId !== last.metadata.commandId) break;
      tail.push(e);
    }
    return tail.length > 0 ? [...events, ...tail] : events;
  }

  private async handle(batch: RecordedEvent[]): Promise<void> {
    const { readStore } = this.options;
    const events = batch.filter((e) => isMonitored(e, this.options.services));
    const lookahead = await (events.length > 0 ? this.withTail(events) : Promise.resolve(events));
    const keys = [...new Set(events.map((e) => caseKey(e.streamName)))];
    const loaded = await readStore.getMany<CaseFeedState>(FEED_PROJECTION.collection, keys, {
      generation: this.generation,
    });
    const states = new Map<string, CaseFeedState | null>(keys.map((k) => [k, loaded.get(k) ?? null]));
    const messages: DocWrite[] = [];
    const changed = new Set<string>();
    events.forEach((event, i) => {
      const key = caseKey(event.streamName);
      const step = feedStep(states.get(key) ?? null, event, restOfCommand(lookahead, i), this.options.services);
      if (step.state !== states.get(key)) {
        states.set(key, step.state);
        changed.add(key);
      }
      if (step.message) {
        const doc: FeedMessageDoc = { id: messageKey(step.message.position), kind: 'message', ...step.message };
        messages.push({ collection: FEED_PROJECTION.collection, id: doc.id, doc, position: event.position });
        // A message written under its former key (a feed upgraded between its two commits, Kafka mode) is not doubled.
        const legacy = legacyMessageKey(step.message.messageId);
        messages.push({ collection: FEED_PROJECTION.collection, id: legacy, doc: null, position: event.position });
      }
    });
    const caseWrites: DocWrite[] = [...changed].map((key) => {
      const state = states.get(key)!;
      return { collection: FEED_PROJECTION.collection, id: key, doc: state, position: state.lastPosition };
    });
    const checkpoint = batch[batch.length - 1]!.position;
    const options = { generation: this.generation };
    if (this.options.afterMessagesWritten && messages.length > 0) {
      await readStore.commit(FEED_PROJECTION.name, messages, this.position, options);
      await this.options.afterMessagesWritten(batch);
      await readStore.commit(FEED_PROJECTION.name, caseWrites, checkpoint, options);
    } else {
      await readStore.commit(FEED_PROJECTION.name, [...messages, ...caseWrites], checkpoint, options);
    }
    this.position = checkpoint;
    if (!this.rebuilding && (messages.length > 0 || events.length > 0)) this.signal.advanced(checkpoint);
    const delay = this.options.liveBatchDelayMs ?? LIVE_BATCH_DELAY_MS;
    // A full batch means catching up: go on at once. The subscription awaits this handler meanwhile.
    if (delay > 0 && batch.length < (this.options.batchSize ?? 500) && !this.stopped)
      await new Promise<void>((resolve) => setTimeout(resolve, delay));
  }
}
