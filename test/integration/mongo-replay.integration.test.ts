/**
 * What only the Mongo adapter has to prove (no transactions): a batch interrupted after some of its writes, then
 * replayed from the old checkpoint, ends exactly as an uninterrupted one — and a real unique-index violation is
 * not mistaken for a replay.
 */
import { MongoClient } from 'mongodb';
import type { ProjectionDescriptor } from '../../projections/projection';
import { MongoReadStore, physicalName } from '../../services/mongo/read-store';
import { applyInOrder } from '../../services/mongo/writes';
import type { DocWrite } from '../../services/readstore/port';
import { freshDatabase, itServers } from './servers';

const projection: ProjectionDescriptor = {
  name: 'replay-cases',
  version: 1,
  collection: 'replay_cases',
  indexes: [{ field: 'number', unique: true }, { field: 'stage' }],
};

const w = (id: string, position: number, stage: string | null, number = Number(id.slice(1))): DocWrite => ({
  collection: projection.collection,
  id,
  position,
  doc: stage === null ? null : { id, stage, number },
});

describe('MongoDB read store: replay after a crash mid-batch (FerretDB)', () => {
  let client: MongoClient;
  let database: string;
  let store: MongoReadStore;

  beforeEach(async () => {
    client = new MongoClient(itServers().mongoUrl);
    database = freshDatabase('replay');
    store = new MongoReadStore({ url: itServers().mongoUrl, database, client });
    await store.init([projection]);
  });

  afterEach(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  test('a replayed batch whose first half was already written ends as if written once; the checkpoint follows', async () => {
    await store.commit(projection.name, [w('c1', 1, 'submitted'), w('c2', 2, 'submitted')], 2);
    const batch = [
      w('c1', 3, 'review'),
      w('c3', 4, 'submitted'),
      w('c2', 5, null),
      w('c1', 6, 'hearing'),
      w('c4', 7, 'submitted'),
    ];
    // The crash: the first three writes reached the server, the checkpoint did not.
    await applyInOrder(
      client.db(database).collection(physicalName(projection.collection, 1)),
      batch.slice(0, 3).map((x) => ({ ...x })),
      { guardInFilter: false },
    );
    expect(await store.getCheckpoint(projection.name)).toBe(2);
    // Restart: the projector replays the whole batch from checkpoint 2.
    await store.commit(projection.name, batch, 7);
    expect(await store.getCheckpoint(projection.name)).toBe(7);
    const page = await store.find(projection.collection, { orderBy: [{ field: 'number' }] });
    expect(page.items).toEqual([
      { id: 'c1', stage: 'hearing', number: 1 },
      { id: 'c3', stage: 'submitted', number: 3 },
      { id: 'c4', stage: 'submitted', number: 4 },
    ]);
    // Replaying an even older batch changes nothing.
    await store.commit(projection.name, [w('c1', 1, 'submitted'), w('c2', 2, 'submitted')], 2);
    expect((await store.get(projection.collection, 'c1'))?.stage).toBe('hearing');
    expect(await store.get(projection.collection, 'c2')).toBeNull();
    expect(await store.getCheckpoint(projection.name)).toBe(7);
  });

  test('a genuine unique-index violation fails the commit and leaves the checkpoint where it was', async () => {
    await store.commit(projection.name, [w('c1', 1, 'submitted', 100)], 1);
    await expect(store.commit(projection.name, [w('c2', 2, 'submitted', 100)], 2)).rejects.toThrow(/duplicate key/i);
    expect(await store.getCheckpoint(projection.name)).toBe(1);
  });
});
