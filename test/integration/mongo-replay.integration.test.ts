/**
 * What only the Mongo adapter has to prove (no transactions): a batch interrupted after some of its writes, then
 * replayed from the old checkpoint, ends exactly as an uninterrupted one — and a real unique-index violation is
 * not mistaken for a replay.
 */
import { MongoClient } from 'mongodb';
import type { ProjectionDescriptor } from '../../projections/projection';
import { FENCE_CLAIMS, FENCE_LOG, claimKey, type ClaimDoc, type LogPart } from '../../services/adapters/mongo/fence';
import { MongoReadStore, physicalName } from '../../services/adapters/mongo/read-store';
import { applyInOrder } from '../../services/adapters/mongo/writes';
import { CheckpointMoved, type DocWrite } from '../../services/platform/readstore/port';
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

  describe('fence: the claim of an instance that died mid-batch (lease expired)', () => {
    const LEASE = 400;
    const from = 2;
    // The dead instance's batch (2, 7], as the fence logged it; it died after writing the first three.
    const logged = [w('c1', 3, 'review'), w('c3', 4, 'submitted'), w('c2', 5, null), w('c1', 6, 'hearing')];
    // The batch the restarted instance computed from checkpoint 2 over the half-written documents (c1 already at
    // "review": folding event 3 again would be the double apply).
    const recomputed = [w('c1', 8, 'review-twice'), w('c5', 9, 'submitted')];

    async function deadClaim(log: 'parts' | 'inline' | 'none'): Promise<MongoReadStore> {
      const isLogged = log !== 'none';
      await store.commit(projection.name, [w('c1', 1, 'submitted'), w('c2', 2, 'submitted')], from);
      const db = client.db(database);
      const _id = claimKey({ projection: projection.name, generation: 1, from }, 1);
      const claim: ClaimDoc = {
        _id,
        projection: projection.name,
        generation: 1,
        from,
        to: 7,
        attempt: 1,
        token: 'dead',
        leaseUntil: Date.now() + LEASE,
        logged: isLogged,
        ...(log === 'parts' ? { logOf: _id, parts: 1 } : log === 'inline' ? { logOf: _id, writes: logged } : {}),
      };
      await db.collection<ClaimDoc>(FENCE_CLAIMS).insertOne(claim);
      if (log === 'parts') {
        const part: LogPart = { _id: `${_id}/0`, projection: projection.name, generation: 1, from, writes: logged };
        await db.collection<LogPart>(FENCE_LOG).insertOne(part);
      }
      if (isLogged) {
        await applyInOrder(db.collection(physicalName(projection.collection, 1)), logged.slice(0, 3), {
          guardInFilter: false,
        });
      }
      return new MongoReadStore({ url: itServers().mongoUrl, database, client, fenceLeaseMs: LEASE });
    }

    test.each(['parts', 'inline'] as const)(
      'a logged batch (log %s) is rolled forward, not recomputed; the caller is told to resume after it',
      async (log) => {
        const restarted = await deadClaim(log);
        // While the lease runs, the step from 2 belongs to the dead instance: refused, nothing written.
        await expect(
          restarted.commit(projection.name, recomputed, 9, { expectedCheckpoint: from }),
        ).rejects.toBeInstanceOf(CheckpointMoved);
        expect(await store.get(projection.collection, 'c5')).toBeNull();
        await new Promise((r) => setTimeout(r, LEASE + 50));
        // After it: the logged batch is finished as logged; the recomputed one is refused.
        const refused = await restarted
          .commit(projection.name, recomputed, 9, { expectedCheckpoint: from })
          .catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(CheckpointMoved);
        expect((refused as CheckpointMoved).actual).toBe(7);
        expect(await store.getCheckpoint(projection.name)).toBe(7);
        const page = await store.find(projection.collection, { orderBy: [{ field: 'number' }] });
        expect(page.items).toEqual([
          { id: 'c1', stage: 'hearing', number: 1 },
          { id: 'c3', stage: 'submitted', number: 3 },
        ]);
        // Claims and log of the finished step are gone; the next step from 7 goes through.
        expect(await client.db(database).collection(FENCE_CLAIMS).countDocuments({})).toBe(0);
        expect(await client.db(database).collection(FENCE_LOG).countDocuments({})).toBe(0);
        await restarted.commit(projection.name, [w('c5', 9, 'submitted')], 9, { expectedCheckpoint: 7 });
        expect((await store.get(projection.collection, 'c5'))?.stage).toBe('submitted');
        expect(await store.getCheckpoint(projection.name)).toBe(9);
      },
    );

    test('an unlogged claim (died before writing any document) is taken over with the new batch', async () => {
      const restarted = await deadClaim('none');
      const own = [w('c1', 8, 'review'), w('c5', 9, 'submitted')];
      await expect(restarted.commit(projection.name, own, 9, { expectedCheckpoint: from })).rejects.toBeInstanceOf(
        CheckpointMoved,
      );
      await new Promise((r) => setTimeout(r, LEASE + 50));
      await restarted.commit(projection.name, own, 9, { expectedCheckpoint: from });
      expect(await store.getCheckpoint(projection.name)).toBe(9);
      expect((await store.get(projection.collection, 'c1'))?.stage).toBe('review');
      expect((await store.get(projection.collection, 'c5'))?.stage).toBe('submitted');
    });

    test('two store instances (two processes) racing live: one claim wins each step', async () => {
      await store.commit(projection.name, [], from);
      const other = new MongoReadStore({ url: itServers().mongoUrl, database, client });
      const outcomes = await Promise.allSettled([
        store.commit(projection.name, [w('c7', 3, 'by-a', 7)], 3, { expectedCheckpoint: from }),
        other.commit(projection.name, [w('c7', 4, 'by-b', 7), w('c8', 4, 'by-b')], 4, { expectedCheckpoint: from }),
      ]);
      const won = outcomes.map((o) => o.status === 'fulfilled');
      expect(won.filter(Boolean)).toHaveLength(1);
      const stage = won[0] ? 'by-a' : 'by-b';
      expect((await store.get(projection.collection, 'c7'))?.stage).toBe(stage);
      expect(await store.get(projection.collection, 'c8')).toEqual(won[0] ? null : { id: 'c8', stage, number: 8 });
      expect(await store.getCheckpoint(projection.name)).toBe(won[0] ? 3 : 4);
    });
  });
});
