/**
 * subscribeToAll for stores that can read "events after position P up to head H" and tell when something commits
 * (the embedded SQLite store). Catch-up and live are the same loop: read the next batch up to the committed head,
 * await the handler (back-pressure), and sleep until the next commit once the head is reached. Positions only grow,
 * and everything up to the head snapshot is committed, so nothing is skipped or repeated.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import type { SubscribeOptions, Subscription } from './port';

export interface PollingSource {
  /** Committed head position. */
  head(): number;
  /** Events with after < position <= upTo (matching the prefixes, if any), in order, at most `max`. */
  readRange(after: number, upTo: number, max: number, prefixes?: readonly string[]): RecordedEvent[];
  /** Calls `wake` once, at the next commit. */
  onNextCommit(wake: () => void): void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function pollingSubscription(
  source: PollingSource,
  afterPosition: number,
  handler: (events: RecordedEvent[]) => Promise<void>,
  options: SubscribeOptions = {},
): Subscription {
  const batchSize = options.batchSize ?? 500;
  const prefixes = options.streamPrefixes && options.streamPrefixes.length > 0 ? options.streamPrefixes : undefined;
  let stopped = false;
  let wake: (() => void) | undefined;

  const run = async () => {
    let position = afterPosition;
    while (!stopped) {
      const head = source.head();
      if (position >= head) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          source.onNextCommit(resolve);
        });
        continue;
      }
      const events = source.readRange(position, head, batchSize, prefixes);
      // A full batch may stop short of the head; a short one has scanned everything up to it.
      const next = events.length === batchSize ? events[events.length - 1]!.position : head;
      if (events.length > 0) await handler(events);
      position = next;
      // Let appends and I/O run between batches even when the handler resolves at once.
      await yieldToEventLoop();
    }
  };

  const done = run().catch((error: unknown) => {
    stopped = true;
    if (options.onError) options.onError(error);
    else console.error('event-store subscription stopped: handler failed', error);
  });

  return {
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}
