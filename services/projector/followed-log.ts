/**
 * The embedded event log as the projector thread sees it: its own read connection to `events.sqlite` (WAL lets it
 * read while the main thread writes) and the head the main thread publishes after every commit (SharedHead, from
 * `SqliteEventStore.onCommit`). Reads only: an append here is a wiring error.
 *
 * `subscribeToAll` is the same catch-up/live loop as the store's own (eventstore/polling-subscription.ts), and it
 * reads only up to the published head: everything up to it was committed before it was published, so a read made
 * after holds all of it (the single writer commits in position order), and a later commit waits for its own head.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { pollingSubscription } from '../eventstore/polling-subscription';
import type { EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription } from '../eventstore/port';
import type { SqliteEventStore } from '../eventstore/sqlite/sqlite-event-store';
import type { SharedHead } from './shared-head';

export class FollowedLog implements EventStore {
  private waiters: (() => void)[] = [];
  private readonly recent = new Map<string, RecordedEvent[]>();

  constructor(
    private readonly reader: SqliteEventStore,
    private readonly head: SharedHead,
  ) {}

  /** The main thread's wake-up (it saw the thread sleeping when it published a new head). */
  wake(): void {
    this.head.awake();
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
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
          if (this.head.sleep() > seen) this.wake();
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
    this.wake();
    await this.reader.close();
  }

  /**
   * The projections and the feed are woken by the same commit and mostly read the same range: the last few
   * ranges read are shared, so the events are read and decoded once, not once per subscriber. Recorded events are
   * immutable and projections pure, so one copy can serve all.
   */
  private readRange(after: number, upTo: number, max: number): RecordedEvent[] {
    const key = `${after}:${upTo}:${max}`;
    let events = this.recent.get(key);
    if (!events) {
      events = this.reader.readRange(after, upTo, max);
      this.recent.set(key, events);
      if (this.recent.size > 4) this.recent.delete(this.recent.keys().next().value as string);
    }
    return events;
  }
}
