/**
 * The event-store contract: every adapter runs this suite (embedded SQLite always; EventStoreDB when EVENTSTORE_URL
 * is set). Stream names are unique per test, so the suite also runs against a server that holds other data.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../contracts/envelope';
import { GENESIS_HASH, verifyStream } from '../../services/platform/eventstore/hash-chain';
import { WrongExpectedRevision, type EventStore } from '../../services/platform/eventstore/port';
import { UpcasterRegistry } from '../../services/platform/eventstore/upcasting';

export interface EventStoreFactory {
  /** A store (fresh or shared); `upcasters` must be applied on read. */
  create(options: { upcasters?: UpcasterRegistry }): Promise<EventStore>;
  /** Called after each test with the stores it created (close them, remove temp files). */
  dispose(store: EventStore): Promise<void>;
}

export function newEvent(type = 'ThingHappened', data: unknown = { n: 1 }, schemaVersion = 1): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { sub: 'officer-1', roles: ['provider-officer'], providerId: 'p-1' },
      occurredAt: '2025-06-02T09:00:00.000Z',
      regulationVersion: 'order-115-2025',
    },
  };
}

const ids = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `predicate` holds (subscriptions deliver asynchronously). */
async function eventually(predicate: () => boolean, timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await delay(10);
  }
}

export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const created: EventStore[] = [];
    const open = async (upcasters?: UpcasterRegistry) => {
      const store = await factory.create({ upcasters });
      created.push(store);
      return store;
    };
    let store: EventStore;
    let prefix: string;
    const stream = (s: string = randomUUID()) => `${prefix}${s}`;

    beforeEach(async () => {
      store = await open();
      prefix = `contract${randomUUID().slice(0, 8)}-`;
    });
    afterEach(async () => {
      for (const s of created.splice(0)) await factory.dispose(s);
    });

    describe('append with an expected revision', () => {
      it('no-stream creates the stream at revision 0 and refuses an existing stream', async () => {
        const s = stream();
        const first = await store.append(s, [newEvent(), newEvent()], 'no-stream');
        expect(first.nextRevision).toBe(1);
        expect(first.position).toBeGreaterThan(0);
        await expect(store.append(s, [newEvent()], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedRevision);
      });

      it('an exact revision must equal the current one; the error says both', async () => {
        const s = stream();
        await store.append(s, [newEvent()], 'no-stream');
        expect((await store.append(s, [newEvent()], 0)).nextRevision).toBe(1);
        const error = await store.append(s, [newEvent()], 0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error).toMatchObject({ streamName: s, expected: 0, actual: 1 });
        await expect(store.append(stream(), [newEvent()], 0)).rejects.toMatchObject({ actual: 'no-stream' });
      });

      it('any appends to a new or an existing stream', async () => {
        const s = stream();
        expect((await store.append(s, [newEvent()], 'any')).nextRevision).toBe(0);
        expect((await store.append(s, [newEvent()], 'any')).nextRevision).toBe(1);
      });

      it('a re-sent append (same event ids) is a no-op returning the original result', async () => {
        const s = stream();
        const events = [newEvent(), newEvent()];
        const first = await store.append(s, events, 'no-stream');
        await store.append(s, [newEvent()], 1);
        const again = await store.append(s, events, 'no-stream');
        expect(again).toEqual(first);
        expect(ids(await store.readStream(s))).toEqual([...ids(events), expect.any(String)]);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('concurrent appends at the same revision: exactly one wins, the others conflict alone', async () => {
        const s = stream();
        await store.append(s, [newEvent()], 'no-stream');
        const others = Array.from({ length: 4 }, () => stream());
        const outcomes = await Promise.allSettled([
          ...Array.from({ length: 5 }, () => store.append(s, [newEvent()], 0)),
          ...others.map((o) => store.append(o, [newEvent()], 'no-stream')),
        ]);
        const same = outcomes.slice(0, 5);
        expect(same.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of same.filter((x) => x.status === 'rejected')) {
          expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
        }
        expect(outcomes.slice(5).every((o) => o.status === 'fulfilled')).toBe(true);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('global positions grow with every append and headPosition reaches the last', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.append(stream(), [newEvent()], 'any')),
        );
        const positions = results.map((r) => r.position);
        expect(new Set(positions).size).toBe(20);
        const later = await store.append(stream(), [newEvent()], 'any');
        expect(later.position).toBeGreaterThan(Math.max(...positions));
        expect(await store.headPosition()).toBeGreaterThanOrEqual(later.position);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards, backwards, from and to a revision, with a max count', async () => {
        const s = stream();
        const events = Array.from({ length: 6 }, (_, n) => newEvent('Counted', { n }));
        await store.append(s, events, 'no-stream');
        const all = await store.readStream(s);
        expect(ids(all)).toEqual(ids(events));
        expect(all.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
        expect(all.every((e) => e.streamName === s)).toBe(true);
        expect((await store.readStream(s, { fromRevision: 2, toRevision: 4 })).map((e) => e.revision)).toEqual([
          2, 3, 4,
        ]);
        expect((await store.readStream(s, { fromRevision: 3, maxCount: 2 })).map((e) => e.revision)).toEqual([3, 4]);
        expect((await store.readStream(s, { direction: 'backwards' })).map((e) => e.revision)).toEqual([
          5, 4, 3, 2, 1, 0,
        ]);
        expect(
          (await store.readStream(s, { direction: 'backwards', fromRevision: 4, toRevision: 2 })).map(
            (e) => e.revision,
          ),
        ).toEqual([4, 3, 2]);
        expect((await store.readStream(s, { direction: 'backwards', maxCount: 1 }))[0]?.revision).toBe(5);
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('readAll returns the events after a position, in log order', async () => {
        const start = await store.headPosition();
        const a = stream();
        const b = stream();
        await store.append(a, [newEvent()], 'no-stream');
        await store.append(b, [newEvent(), newEvent()], 'no-stream');
        await store.append(a, [newEvent()], 0);
        const mine = (await store.readAll(start, 1000)).filter((e) => e.streamName.startsWith(prefix));
        expect(mine.map((e) => [e.streamName, e.revision])).toEqual([
          [a, 0],
          [b, 0],
          [b, 1],
          [a, 1],
        ]);
        const positions = mine.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        const afterSecond = (await store.readAll(positions[1]!, 1000)).filter((e) => e.streamName.startsWith(prefix));
        expect(afterSecond.map((e) => e.position)).toEqual(positions.slice(2));
      });

      it('keeps the envelope metadata and stamps recordedAt, prevHash and hash', async () => {
        const s = stream();
        const event = newEvent('Registered', { caseId: 'c-1', nested: { b: 2, a: [1, 'x'] } });
        await store.append(s, [event], 'no-stream');
        const [read] = await store.readStream(s);
        expect(read).toMatchObject({ eventId: event.eventId, type: 'Registered', schemaVersion: 1, data: event.data });
        expect(read!.metadata).toMatchObject(event.metadata);
        expect(new Date(read!.metadata.recordedAt).toISOString()).toBe(read!.metadata.recordedAt);
        expect(read!.metadata.prevHash).toBe(GENESIS_HASH);
        expect(read!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('stores stream metadata', async () => {
        const s = stream();
        expect(await store.getStreamMetadata(s)).toBeNull();
        await store.setStreamMetadata(s, { retention: 'permanent', service: 'privatization' });
        expect(await store.getStreamMetadata(s)).toEqual({ retention: 'permanent', service: 'privatization' });
        await store.append(s, [newEvent()], 'no-stream');
        await store.setStreamMetadata(s, { retention: 'archive' });
        expect(await store.getStreamMetadata(s)).toEqual({ retention: 'archive' });
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('tamper evidence', () => {
      it('chains every stream from the genesis hash and the verifier accepts it', async () => {
        const s = stream();
        await store.append(s, [newEvent(), newEvent()], 'no-stream');
        await store.append(s, [newEvent()], 1);
        const events = await store.readStream(s);
        expect(events[0]!.metadata.prevHash).toBe(GENESIS_HASH);
        expect(events[1]!.metadata.prevHash).toBe(events[0]!.metadata.hash);
        expect(events[2]!.metadata.prevHash).toBe(events[1]!.metadata.hash);
        expect(await verifyStream(store, s)).toEqual({ valid: true, checked: 3 });
      });
    });

    describe('upcasting', () => {
      it('reads v1 events as v2 through the registry; raw reads see what was stored', async () => {
        const upcasters = new UpcasterRegistry([
          { type: 'HearingScheduled', fromVersion: 1, upcast: (d) => ({ ...(d as object), room: 'main hall' }) },
          {
            type: 'HearingScheduled',
            fromVersion: 2,
            upcast: (d) => {
              const { at, ...rest } = d as { at: string };
              return { ...rest, scheduledAt: at };
            },
          },
        ]);
        const upcasting = await open(upcasters);
        const s = stream();
        await upcasting.append(s, [newEvent('HearingScheduled', { at: '2025-06-10T10:00:00Z' }, 1)], 'no-stream');
        await upcasting.append(s, [newEvent('HearingScheduled', { room: '2', at: '2025-06-11T10:00:00Z' }, 2)], 0);
        const read = await upcasting.readStream(s);
        expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
          [3, { room: 'main hall', scheduledAt: '2025-06-10T10:00:00Z' }],
          [3, { room: '2', scheduledAt: '2025-06-11T10:00:00Z' }],
        ]);
        const viaAll = (await upcasting.readAll(read[0]!.position - 1, 10)).filter((e) => e.streamName === s);
        expect(viaAll.map((e) => e.schemaVersion)).toEqual([3, 3]);
        expect((await upcasting.readStream(s, { raw: true })).map((e) => e.schemaVersion)).toEqual([1, 2]);
        expect(await verifyStream(upcasting, s)).toMatchObject({ valid: true });
      });

      it('reads a renamed type by its new name in the renamed streams only; the chain still covers the stored name', async () => {
        const s = stream();
        const other = `other${prefix}${randomUUID()}`;
        const renaming = await open(new UpcasterRegistry([], [{ streamPrefix: prefix, from: 'Lodged', to: 'Filed' }]));
        const appended = await renaming.append(s, [newEvent('Lodged', { n: 1 })], 'no-stream');
        await renaming.append(s, [newEvent('Filed', { n: 2 })], 0);
        await renaming.append(other, [newEvent('Lodged', { n: 3 })], 'no-stream');
        if (appended.recorded) expect(appended.recorded.map((e) => e.type)).toEqual(['Filed']);
        expect((await renaming.readStream(s)).map((e) => e.type)).toEqual(['Filed', 'Filed']);
        expect((await renaming.readStream(other)).map((e) => e.type)).toEqual(['Lodged']);
        const after = (await renaming.readStream(s))[0]!.position - 1;
        const viaAll = (await renaming.readAll(after, 10)).filter((e) => e.streamName === s);
        expect(viaAll.map((e) => e.type)).toEqual(['Filed', 'Filed']);
        const live: RecordedEvent[] = [];
        const sub = renaming.subscribeToAll(after, async (events) => void live.push(...events));
        await eventually(() => live.filter((e) => e.streamName === s).length === 2);
        await sub.stop();
        expect(live.filter((e) => e.streamName === s).map((e) => e.type)).toEqual(['Filed', 'Filed']);
        expect((await renaming.readStream(s, { raw: true })).map((e) => e.type)).toEqual(['Lodged', 'Filed']);
        expect(await verifyStream(renaming, s)).toEqual({ valid: true, checked: 2 });
      });
    });

    describe('subscribeToAll', () => {
      const collect = (events: RecordedEvent[], into: RecordedEvent[]) => into.push(...events);

      it('catches up, then goes live, never skipping or repeating, while appends run during catch-up', async () => {
        const start = await store.headPosition();
        const expected: string[] = [];
        for (let i = 0; i < 30; i += 1) {
          const e = [newEvent('Counted', { i })];
          expected.push(...ids(e));
          await store.append(stream(`s${i % 3}`), e, 'any');
        }
        const received: RecordedEvent[] = [];
        const sub = store.subscribeToAll(
          start,
          async (events) => {
            collect(events, received);
            await delay(5);
          },
          { streamPrefixes: [prefix], batchSize: 4 },
        );
        // Concurrent appends while the subscriber is still catching up, then more once it is live.
        for (let i = 30; i < 60; i += 1) {
          const e = [newEvent('Counted', { i })];
          expected.push(...ids(e));
          await store.append(stream(`s${i % 3}`), e, 'any');
          if (i === 45) await eventually(() => received.length >= 45);
        }
        await eventually(() => received.length >= 60);
        await delay(50);
        await sub.stop();
        expect(ids(received)).toEqual(expected);
        const positions = received.map((e) => e.position);
        expect(new Set(positions).size).toBe(positions.length);
      });

      it('awaits the handler before the next batch (back-pressure) and keeps batches within batchSize', async () => {
        const start = await store.headPosition();
        await Promise.all(Array.from({ length: 25 }, () => store.append(stream(), [newEvent()], 'no-stream')));
        let inFlight = 0;
        let maxInFlight = 0;
        let maxBatch = 0;
        let total = 0;
        const sub = store.subscribeToAll(
          start,
          async (events) => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            maxBatch = Math.max(maxBatch, events.length);
            await delay(15);
            total += events.filter((e) => e.streamName.startsWith(prefix)).length;
            inFlight -= 1;
          },
          { streamPrefixes: [prefix], batchSize: 5 },
        );
        await eventually(() => total >= 25);
        await sub.stop();
        expect(maxInFlight).toBe(1);
        expect(maxBatch).toBeLessThanOrEqual(5);
        expect(total).toBe(25);
      });

      it('filters by stream prefix', async () => {
        const start = await store.headPosition();
        const wanted = `${prefix}wanted-`;
        const received: RecordedEvent[] = [];
        const sub = store.subscribeToAll(start, async (events) => void collect(events, received), {
          streamPrefixes: [wanted],
        });
        await store.append(`${prefix}other-1`, [newEvent()], 'no-stream');
        const w = await store.append(`${wanted}1`, [newEvent()], 'no-stream');
        await store.append(`${prefix}other-2`, [newEvent()], 'no-stream');
        const w2 = await store.append(`${wanted}2`, [newEvent()], 'no-stream');
        await eventually(() => received.length >= 2);
        await delay(50);
        await sub.stop();
        expect(received.map((e) => e.position)).toEqual([w.position, w2.position]);
        expect(received.every((e) => e.streamName.startsWith(wanted))).toBe(true);
      });

      it('stop() ends a live subscription: nothing is delivered afterwards', async () => {
        const start = await store.headPosition();
        const received: RecordedEvent[] = [];
        const sub = store.subscribeToAll(start, async (events) => void collect(events, received), {
          streamPrefixes: [prefix],
        });
        await store.append(stream(), [newEvent()], 'no-stream');
        await eventually(() => received.length === 1);
        await sub.stop();
        await store.append(stream(), [newEvent()], 'no-stream');
        await delay(100);
        expect(received).toHaveLength(1);
      });
    });
  });
}
