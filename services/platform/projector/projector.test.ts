import { SqliteReadStore } from '../../adapters/sqlite/readstore/sqlite-read-store';
import { PRIVATIZATION_STREAM_PREFIX } from '../../../domain/privatization/stream';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from '../../../domain/housing-assistance/stream';
import { Projector } from './projector';
import { rebuildProjection } from './rebuild';
import { countingProjection, type CountDoc } from './testing/counting-projection';
import { InMemoryEventStore } from './testing/in-memory-event-store';
import { fillSyntheticLog, syntheticEvent } from './testing/synthetic-log';

const projection = countingProjection();

async function countsOf(readStore: SqliteReadStore): Promise<Map<string, CountDoc>> {
  const page = await readStore.find<CountDoc>(projection.collection, { limit: 1000 });
  return new Map(page.items.map((d) => [d.id, d]));
}

describe('Projector (checkpoint in the same transaction, exact resume)', () => {
  let eventStore: InMemoryEventStore;
  let readStore: SqliteReadStore;

  beforeEach(() => {
    eventStore = new InMemoryEventStore();
    readStore = new SqliteReadStore({ filename: ':memory:' });
  });
  afterEach(async () => {
    await readStore.close();
  });

  test('catches up from the checkpoint, then follows live appends; every event applied exactly once', async () => {
    fillSyntheticLog(eventStore, { events: 1000, streams: 10 });
    const projector = new Projector({ eventStore, readStore, projections: [projection], batchSize: 64 });
    await projector.start();
    expect(await projector.waitForPosition(1000, 5000)).toBe(true);
    eventStore.appendSync('synthetic-0', [syntheticEvent(1000)], 'any');
    expect(await projector.waitForPosition(1001, 5000)).toBe(true);
    await projector.stop();

    const counts = await countsOf(readStore);
    expect(counts.size).toBe(10);
    expect(counts.get('synthetic-0')).toMatchObject({ count: 101, inSequence: true, lastPosition: 1001 });
    expect([...counts.values()].every((d) => d.inSequence)).toBe(true);
    expect(await readStore.getCheckpoint(projection.name)).toBe(1001);
    expect(await projector.lag()).toEqual({ [projection.name]: 0 });
  });

  test('a restarted projector resumes at its checkpoint: no event is applied twice', async () => {
    fillSyntheticLog(eventStore, { events: 300, streams: 3 });
    const first = new Projector({ eventStore, readStore, projections: [projection], batchSize: 50 });
    await first.start();
    await first.waitForPosition(300, 5000);
    await first.stop();
    fillSyntheticLog(eventStore, { events: 0, streams: 3 });
    eventStore.appendSync('synthetic-1', [syntheticEvent(300)], 'any');
    const second = new Projector({ eventStore, readStore, projections: [projection], batchSize: 50 });
    await second.start();
    expect(second.status()[0]).toMatchObject({ position: 300, phase: 'live' });
    expect(await second.waitForPosition(301, 5000)).toBe(true);
    await second.stop();
    const counts = await countsOf(readStore);
    expect([...counts.values()].reduce((n, d) => n + d.count, 0)).toBe(301);
    expect([...counts.values()].every((d) => d.inSequence)).toBe(true);
  });

  test('waitForPosition answers false when the position is not reached in time', async () => {
    const projector = new Projector({ eventStore, readStore, projections: [projection] });
    await projector.start();
    expect(await projector.waitForPosition(5, 60)).toBe(false);
    await projector.stop();
  });

  test('ignored events (other streams) still advance the checkpoint, so minPosition is reachable', async () => {
    const onlyPrivatization = { ...projection, streamPrefixes: [PRIVATIZATION_STREAM_PREFIX] };
    fillSyntheticLog(eventStore, { events: 20, streams: 2, prefix: HOUSING_ASSISTANCE_STREAM_PREFIX });
    const projector = new Projector({ eventStore, readStore, projections: [onlyPrivatization] });
    await projector.start();
    expect(await projector.waitForPosition(20, 2000)).toBe(true);
    await projector.stop();
    expect(await readStore.count(projection.collection)).toBe(0);
  });

  test('blue/green: a rebuild switches under a live projector, which moves to the new generation without loss', async () => {
    fillSyntheticLog(eventStore, { events: 500, streams: 5 });
    const projector = new Projector({ eventStore, readStore, projections: [projection], batchSize: 25 });
    await projector.start();
    await projector.waitForPosition(500, 5000);
    const result = await rebuildProjection({ eventStore, readStore, projection, readBatch: 100, flushEvery: 200 });
    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, events: 500, handled: 500, documents: 5 });
    for (let i = 500; i < 520; i++) eventStore.appendSync(`synthetic-${i % 5}`, [syntheticEvent(i)], 'any');
    expect(await projector.waitForPosition(520, 5000)).toBe(true);
    expect(projector.status()[0]).toMatchObject({ generation: 2, position: 520 });
    await projector.stop();
    const counts = await countsOf(readStore);
    expect([...counts.values()].reduce((n, d) => n + d.count, 0)).toBe(520);
    expect([...counts.values()].every((d) => d.inSequence)).toBe(true);
    expect((await readStore.generations(projection.name)).map((g) => g.generation)).toEqual([2]);
  });

  test('a new projection version is rebuilt blue/green at start', async () => {
    fillSyntheticLog(eventStore, { events: 100, streams: 4 });
    const v1 = new Projector({ eventStore, readStore, projections: [projection] });
    await v1.start();
    await v1.waitForPosition(100, 5000);
    await v1.stop();
    const v2 = new Projector({ eventStore, readStore, projections: [countingProjection(2)] });
    try {
      await v2.start();
      // Until the switch, the version-1 generation is served.
      expect(v2.status()[0]).toMatchObject({ generation: 1, phase: 'rebuilding' });
      for (let i = 0; i < 200 && v2.status()[0]!.phase !== 'live'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await v2.waitForPosition(100, 5000)).toBe(true);
      expect(v2.status()[0]).toMatchObject({ version: 2, generation: 2, phase: 'live' });
      expect(await readStore.activeGeneration(projection.name)).toMatchObject({ version: 2, checkpoint: 100 });
    } finally {
      await v2.stop();
    }
  });

  test('a failing evolve stops the projection at its checkpoint and retries (no skip)', async () => {
    fillSyntheticLog(eventStore, { events: 10, streams: 1 });
    let failures = 2;
    const flaky = {
      ...projection,
      evolve: (doc: CountDoc | null, event: Parameters<typeof projection.evolve>[1], key: string) => {
        if (event.position === 6 && failures-- > 0) throw new Error('transient');
        return projection.evolve(doc, event, key);
      },
    };
    const errors: string[] = [];
    const projector = new Projector({
      eventStore,
      readStore,
      projections: [flaky],
      batchSize: 1,
      retryDelayMs: 10,
      onError: (_name, e) => errors.push((e as Error).message),
    });
    await projector.start();
    expect(await projector.waitForPosition(10, 5000)).toBe(true);
    await projector.stop();
    expect(errors).toEqual(['transient', 'transient']);
    expect(await readStore.get(projection.collection, 'synthetic-0')).toMatchObject({ count: 10, inSequence: true });
  });
});
