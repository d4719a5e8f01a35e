/**
 * The EventStoreDB / KurrentDB adapter (@eventstore/db-client 6): the same contract as the embedded store.
 * - Hash chain: the stream's last event is read (backwards, 1) before each append; the append then pins that
 *   revision so the chain cannot fork (an `any` append re-reads and retries on a race).
 * - Event ids come from the caller (deterministic uuid v5 of command id and index in services/platform/commands), so the
 *   server deduplicates a retried append; a re-send is also recognised here and answered with its first result.
 * - Schema version and the command fingerprint ride in the event's metadata JSON; position = commit position.
 * - `$all` reads and subscriptions skip system (`$`) streams and events.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../../../contracts/envelope';
import { GENESIS_HASH, computeEventHash } from '../../platform/eventstore/hash-chain';
import {
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
} from '../../platform/eventstore/port';
import { UpcasterRegistry, noUpcasters } from '../../platform/eventstore/upcasting';
import {
  COMMAND_HASH_KEY,
  commandHashOf,
  fromEsdbPosition,
  mapError,
  toEsdbExpected,
  toEsdbPosition,
  toRecordedEvent,
} from './mapping';

export interface EsdbEventStoreOptions {
  /** esdb:// connection string (EVENTSTORE_URL). */
  url: string;
  upcasters?: UpcasterRegistry;
  now?: () => string;
}

export function createEsdbEventStore(options: EsdbEventStoreOptions): EsdbEventStore {
  return new EsdbEventStore(EventStoreDBClient.connectionString(options.url), options);
}

export class EsdbEventStore implements EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly now: () => string;

  constructor(
    readonly client: EventStoreDBClient,
    options: Omit<EsdbEventStoreOptions, 'url'> = {},
  ) {
    this.upcasters = options.upcasters ?? noUpcasters;
    this.now = options.now ?? (() => new Date().toISOString());
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt += 1) {
      const last = (await this.readResolved(streamName, { direction: 'backwards', maxCount: 1 }))[0];
      const current = last?.event ? Number(last.event.revision) : -1;
      const resent = events.length > 0 ? await this.findResent(streamName, events, expected, current) : undefined;
      if (resent) return resent;
      const ok = expected === 'any' || (expected === 'no-stream' ? current === -1 : current === expected);
      if (!ok) throw new WrongExpectedRevision(streamName, expected, current === -1 ? 'no-stream' : current);
      if (events.length === 0) return { nextRevision: current, position: await this.headPosition() };
      try {
        return await this.write(streamName, events, current, last, options);
      } catch (error) {
        const mapped = mapError(error, streamName, expected);
        // `any` promises no check: lost a race for the chain's tip → read the new tip and chain from it.
        if (mapped instanceof WrongExpectedRevision && expected === 'any' && attempt < 5) continue;
        throw mapped;
      }
    }
  }

  private async write(
    streamName: string,
    events: readonly NewEvent[],
    current: number,
    last: ResolvedEvent | undefined,
    options: AppendOptions,
  ): Promise<AppendResult> {
    const recordedAt = this.now();
    let prevHash = (last?.event?.metadata as { hash?: string } | undefined)?.hash ?? GENESIS_HASH;
    const payload = events.map((event, i) => {
      const revision = current + 1 + i;
      const metadata = { ...event.metadata, recordedAt, prevHash, hash: '' };
      metadata.hash = computeEventHash({ ...event, streamName, revision, prevHash, metadata });
      prevHash = metadata.hash;
      return jsonEvent({
        id: event.eventId,
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          ...metadata,
          schemaVersion: event.schemaVersion,
          ...(options.command ? { [COMMAND_HASH_KEY]: options.command.commandHash } : {}),
        },
      });
    });
    const result = await this.client.appendToStream(streamName, payload, { expectedRevision: toEsdbExpected(current) });
    return { nextRevision: Number(result.nextExpectedRevision), position: fromEsdbPosition(result.position) };
  }

  /** The same event ids already stored at the revisions this append would have taken (a re-send). */
  private async findResent(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    current: number,
  ): Promise<AppendResult | undefined> {
    if (current === -1) return undefined;
    const from = expected === 'no-stream' ? 0 : expected === 'any' ? current - events.length + 1 : expected + 1;
    if (from < 0 || from > current) return undefined;
    const stored = await this.readStream(streamName, { fromRevision: from, maxCount: events.length, raw: true });
    if (stored.length !== events.length || stored.some((e, i) => e.eventId !== events[i]!.eventId)) return undefined;
    const lastStored = stored[stored.length - 1]!;
    return { nextRevision: lastStored.revision, position: lastStored.position };
  }

  private async readResolved(streamName: string, options: ReadStreamOptions = {}): Promise<ResolvedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const to = options.toRevision;
    const out: ResolvedEvent[] = [];
    try {
      const reading = this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: from !== undefined ? BigInt(from) : backwards ? END : BigInt(0),
        ...(options.maxCount !== undefined && to === undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of reading) {
        const revision = Number(resolved.event?.revision ?? -1);
        if (to !== undefined && (backwards ? revision < to : revision > to)) break;
        out.push(resolved);
        if (options.maxCount !== undefined && out.length >= options.maxCount) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw mapError(error, streamName, 'any');
    }
    return out;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = (await this.readResolved(streamName, options))
      .map(toRecordedEvent)
      .filter((e): e is RecordedEvent => e !== undefined);
    return options.raw ? events : events.map((e) => this.upcasters.apply(e));
  }

  async readAll(afterPosition: number, maxCount: number, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      // No maxCount on the server read: system events are skipped here, and a short batch must mean "end of log".
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: toEsdbPosition(afterPosition),
      })) {
        const event = toRecordedEvent(resolved);
        if (!event || event.position <= afterPosition) continue;
        out.push(options.raw ? event : this.upcasters.apply(event));
        if (out.length >= maxCount) break;
      }
    } catch (error) {
      throw mapError(error, '$all', 'any');
    }
    return out;
  }

  subscribeToAll(
    afterPosition: number,
    handler: (events: RecordedEvent[]) => Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription {
    const prefixes =
      options.streamPrefixes && options.streamPrefixes.length > 0 ? [...options.streamPrefixes] : undefined;
    const subscription = this.client.subscribeToAll({
      fromPosition: toEsdbPosition(afterPosition),
      filter: prefixes ? streamNameFilter({ prefixes }) : excludeSystemEvents(),
    });
    let stopped = false;
    // Events are handed over one at a time; `for await` pulls the next only after the handler resolved.
    const done = (async () => {
      for await (const resolved of subscription) {
        if (stopped) break;
        const event = toRecordedEvent(resolved);
        if (!event || event.position <= afterPosition) continue;
        await handler([this.upcasters.apply(event)]);
      }
    })().catch((error: unknown) => {
      if (stopped) return;
      if (options.onError) options.onError(error);
      else console.error('EventStoreDB subscription stopped', error);
    });
    return {
      async stop() {
        stopped = true;
        await subscription.unsubscribe();
        await done;
      },
    };
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1000 })) {
      const event = toRecordedEvent(resolved);
      if (event) return event.position;
    }
    return 0;
  }

  async getStreamMetadata(streamName: string): Promise<Record<string, unknown> | null> {
    const result = await this.client.getStreamMetadata(streamName);
    return (result.metadata?.kezen as Record<string, unknown> | undefined) ?? null;
  }

  async setStreamMetadata(streamName: string, metadata: Record<string, unknown>): Promise<void> {
    await this.client.setStreamMetadata(streamName, { kezen: metadata });
  }

  /** The command's events carry its id and fingerprint: scan the stream backwards for them. */
  async findCommand(commandId: string, streamName: string): Promise<CommandRecord | null> {
    let found: CommandRecord | null = null;
    for (const resolved of await this.readResolved(streamName, { direction: 'backwards' })) {
      const event = toRecordedEvent(resolved);
      if (!event) continue;
      if (event.metadata.commandId === commandId) {
        if (found) found.eventCount += 1;
        else {
          const commandHash = commandHashOf(resolved);
          // Written without a fingerprint: let the handler recognise the command by its events instead.
          if (commandHash === undefined) return null;
          found = {
            commandId,
            streamName,
            commandHash,
            revision: event.revision,
            position: event.position,
            eventCount: 1,
          };
        }
      } else if (found) break;
    }
    return found;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
