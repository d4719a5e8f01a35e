/**
 * The embedded event log as the projector thread sees it: its own read connection to `events.sqlite` (WAL lets it
 * read while the main thread writes) and the head the main thread publishes after every commit (SharedHead, from
 * `SqliteEventStore.onCommit`). Reads only: an append here is a wiring error.
 *
 * `subscribeToAll` is the same catch-up/live loop as the store's own (eventstore/polling-subscription.ts), and it
 * reads only up to the published head: everything up to it was committed before it was published, so a read made
 * after holds all of it (the single writer commits in position order), and a later commit waits for its own head.
 *
 * Caught up, the thread first polls the shared head (every `pollMs`) and only after `idleMs` without a commit goes to
 * sleep until the main thread's wake-up message: under load the main thread then never posts one (a wake-up per
 * commit showed in the main thread's profile, mostly as handing the core to the woken thread), at the price of at
 * most `pollMs` more projection lag; an idle server does not poll.
 */
import type { RecordedEvent } from '../../../../contracts/envelope';
import { pollingSubscription } from '../../../platform/eventstore/polling-subscription';
import type {
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../../platform/eventstore/port';
import type { SqliteEventStore } from '../eventstore/sqlite-event-store';
import type { SharedHead } from './shared-head';

export interface FollowOptions {
  /** How often a caught-up reader looks at the shared head (default 5 ms). */
  pollMs?: number;
  /** How long it polls without a commit before it sleeps until woken (default 250 ms). */
  idleMs?: number;
}

export class FollowedLog implements EventStore {
  private waiters: (() => void)[] = [];
  private readonly recent = new Map<string, RecordedEvent[]>();
  private forgetting = false;
  private poller?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly reader: SqliteEventStore,
    private readonly head: SharedHead,
    private readonly follow: FollowOptions = {},
  ) {}

  /** Wakes every waiting subscription (each looks at the head again); also the main thread's wake-up message. */
  wake(): void {
    this.head.awake();
    if (this.poller) clearTimeout(this.poller);
    this.poller = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Polls the head while subscriptions wait; after `idleMs` without a change, sleeps (flag up) until woken. */
  private poll(from: number): void {
    if (this.poller || this.closed) return;
    const pollMs = this.follow.pollMs ?? 5;
    let idle = 0;
    const tick = () => {
      this.poller = undefined;
      if (this.waiters.length === 0) return;
      if (this.head.read() !== from) return this.wake();
      idle += pollMs;
      // Sleeping: the flag goes up before the last look, so a commit is either seen now or posted (SharedHead).
      if (idle >= (this.follow.idleMs ?? 250)) {
        if (this.head.sleep() !== from) this.wake();
        return;
      }
      this.poller = setTimeout(tick, pollMs);
    };
    this.poller = setTimeout(tick, pollMs);
  }

  append(): never {
    throw new Error('The projector thread reads the log; appends go through the main thread');
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reader.readStream(streamName, options);
  }

  readAll(afterPosition: number, maxCount: number, options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reader.readAll(afterPosition, maxCount, options);
  }

  subscribeToAll(
    afterPosition: number,
    handler: (events: RecordedEvent[]) => Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    if (options.streamPrefixes?.length) throw new Error('FollowedLog.subscribeToAll: stream prefixes not supported');
    // The head this subscription last saw: if a commit came since, it must not go to sleep.
    let seen = 0;
    return pollingSubscription(
      {
        head: () => (seen = this.head.read()),
        readRange: (after, upTo, max) => this.readRange(after, upTo, max),
        onNextCommit: (wake) => {
          this.waiters.push(wake);
          // A commit since this subscription last looked: go round again at once.
          if (this.head.read() > seen) this.wake();
          else this.poll(seen);
        },
      },
      afterPosition,
      handler,
      options,
    );
  }

  async headPosition(): Promise<number> {
    return this.head.read();
  }

  getStreamMetadata(streamName: string): Promise<Record<string, unknown> | null> {
    return this.reader.getStreamMetadata(streamName);
  }

  setStreamMetadata(): Promise<void> {
    return Promise.reject(new Error('The projector thread does not write stream metadata'));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.reader.close();
  }

  /**
   * The projections and the feed are woken by the same commit and read the same range in the same turn of the
   * event loop: a range read is shared until the turn ends, so the events are read and decoded once, not once per
   * subscriber. Recorded events are immutable and projections pure, so one copy can serve all. Not longer: kept
   * for the last four ranges, the batches' events outlived the young generation's collections and were promoted
   * (under command load, most of this thread's promoted bytes).
   */
  private readRange(after: number, upTo: number, max: number): RecordedEvent[] {
    const key = `${after}:${upTo}:${max}`;
    let events = this.recent.get(key);
    if (!events) {
      events = this.reader.readRange(after, upTo, max);
      this.recent.set(key, events);
      if (!this.forgetting) {
        this.forgetting = true;
        setImmediate(() => {
          this.forgetting = false;
          this.recent.clear();
        });
      }
    }
    return events;
  }
}
