/**
 * The projector thread's grouped commits (./grouped-commits.ts): the commits of one turn share one transaction, and
 * each caller still gets exactly the outcome of a commit of its own (checkpoint with the documents, the
 * compare-and-set fence, one failing projection holding nobody else up).
 */
import type { Projection } from '../../../../projections/projection';
import { CheckpointMoved, GenerationChanged, type DocWrite } from '../../../platform/readstore/port';
import { GroupedCommitReadStore } from './grouped-commits';
import { Projector } from '../../../platform/projector/projector';
import { countingProjection, type CountDoc } from '../../../platform/projector/testing/counting-projection';
import { InMemoryEventStore } from '../../../platform/projector/testing/in-memory-event-store';
import { fillSyntheticLog, syntheticEvent } from '../../../platform/projector/testing/synthetic-log';

const named = (name: string): Projection<CountDoc> => ({ ...countingProjection(), name, collection: name });
const descriptor = (name: string) => ({ name, version: 1, collection: name, indexes: [] });
const write = (collection: string, id: string, n: number, position: number): DocWrite => ({
  collection,
  id,
  doc: { id, n },
  position,
});

describe('GroupedCommitReadStore', () => {
  let store: GroupedCommitReadStore;
  beforeEach(async () => {
    store = new GroupedCommitReadStore({ filename: ':memory:' });
    await store.init(['a', 'b', 'c'].map(descriptor));
  });
  afterEach(() => store.close());

  test('the commits of one turn go to SQLite in one transaction, each with its checkpoint', async () => {
    await Promise.all([
      store.commit('a', [write('a', 'x', 1, 3)], 3, { expectedCheckpoint: 0 }),
      store.commit('b', [write('b', 'y', 2, 4)], 4, { expectedCheckpoint: 0 }),
      store.commit('c', [], 5, { expectedCheckpoint: 0 }),
    ]);
    expect(store.stats).toEqual({ transactions: 1, commits: 3, fallbacks: 0 });
    expect(await store.get('a', 'x')).toMatchObject({ n: 1 });
    expect(await store.get('b', 'y')).toMatchObject({ n: 2 });
    expect([await store.getCheckpoint('a'), await store.getCheckpoint('b'), await store.getCheckpoint('c')]).toEqual([
      3, 4, 5,
    ]);
  });

  test('one commit refused (checkpoint moved) fails alone: the others of its turn are committed', async () => {
    await store.commit('b', [], 7);
    const results = await Promise.allSettled([
      store.commit('a', [write('a', 'x', 1, 8)], 8, { expectedCheckpoint: 0 }),
      store.commit('b', [write('b', 'y', 2, 8)], 8, { expectedCheckpoint: 0 }), // stale: b is at 7
      store.commit('c', [write('c', 'z', 3, 8)], 8, { expectedCheckpoint: 0 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(CheckpointMoved);
    expect(store.stats.fallbacks).toBe(1);
    // The refused batch wrote nothing, its checkpoint stayed; the others' documents and checkpoints are in.
    expect(await store.get('b', 'y')).toBeNull();
    expect(await store.getCheckpoint('b')).toBe(7);
    expect(await store.get('a', 'x')).toMatchObject({ n: 1 });
    expect(await store.get('c', 'z')).toMatchObject({ n: 3 });
    expect(await store.getCheckpoint('c')).toBe(8);
  });

  test('a commit for a switched-away generation gets GenerationChanged; the others are committed', async () => {
    const next = await store.beginRebuild(descriptor('a'));
    await store.switchAlias('a', next);
    const results = await Promise.allSettled([
      store.commit('a', [write('a', 'x', 1, 2)], 2, { generation: next - 1, requireActive: true }),
      store.commit('b', [write('b', 'y', 2, 2)], 2, { generation: 1, requireActive: true }),
    ]);
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(GenerationChanged);
    expect(results[1]!.status).toBe('fulfilled');
    expect(await store.getCheckpoint('b')).toBe(2);
  });

  test('close commits what is pending first', async () => {
    const committed = store.commit('a', [write('a', 'x', 1, 1)], 1);
    await store.close();
    await expect(committed).resolves.toBeUndefined();
  });
});

describe('Projector over grouped commits', () => {
  test('projections at different checkpoints each resume exactly; a throwing one holds nobody up and recovers', async () => {
    const eventStore = new InMemoryEventStore();
    const store = new GroupedCommitReadStore({ filename: ':memory:' });
    fillSyntheticLog(eventStore, { events: 400, streams: 4 });
    const [one, two] = [named('p_one'), named('p_two')];
    let broken = true;
    const flaky: Projection<CountDoc> = {
      ...named('p_flaky'),
      evolve: (doc, event, key) => {
        if (broken && event.position === 250) throw new Error('flaky projection failed');
        return named('p_flaky').evolve(doc, event, key);
      },
    };
    // p_two alone first, up to the head (as after a rebuild of one projection: different checkpoints at start).
    const first = new Projector({ eventStore, readStore: store, projections: [two], batchSize: 100 });
    await first.start();
    await first.waitForPosition(400, 5000);
    await first.stop();

    const errors: string[] = [];
    const projector = new Projector({
      eventStore,
      readStore: store,
      projections: [one, two, flaky],
      batchSize: 50,
      retryDelayMs: 50,
      onError: (name) => errors.push(name),
    });
    await projector.start();
    expect(await projector.waitForPosition(400, 5000, ['p_one', 'p_two'])).toBe(true);
    expect(errors[0]).toBe('p_flaky');
    expect(projector.status().find((s) => s.name === 'p_flaky')!.position).toBeLessThan(250);
    broken = false;
    eventStore.appendSync('synthetic-0', [syntheticEvent(400)], 'any');
    expect(await projector.waitForPosition(401, 5000)).toBe(true);
    await projector.stop();

    // Exactly once and in order in every projection, whatever its checkpoint was; commits shared transactions.
    for (const name of ['p_one', 'p_two', 'p_flaky']) {
      const docs = (await store.find<CountDoc>(name, { limit: 100 })).items;
      expect(docs.reduce((n, d) => n + d.count, 0)).toBe(401);
      expect(docs.every((d) => d.inSequence)).toBe(true);
      expect(await store.getCheckpoint(name)).toBe(401);
    }
    expect(store.stats.transactions).toBeLessThan(store.stats.commits);
    await store.close();
  });
});
