import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStoreContract } from '../../../../test/contracts/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';
import { CheckpointMoved } from '../../../platform/readstore/port';

readStoreContract('SQLite (in memory)', async () => ({ store: new SqliteReadStore({ filename: ':memory:' }) }));

readStoreContract('SQLite (file, WAL)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kezen-rs-'));
  return {
    store: SqliteReadStore.inDataDir(dir),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite read store: compare-and-set checkpoint (two projector instances never both apply a batch)', () => {
  const projection = { name: 'counts', version: 1, collection: 'counts', indexes: [] };

  test('a commit computed from a checkpoint that has moved is refused and writes nothing', async () => {
    const store = new SqliteReadStore({ filename: ':memory:' });
    await store.init([projection]);
    // Instance A and instance B both computed a batch from checkpoint 0; A commits first.
    await store.commit('counts', [{ collection: 'counts', id: 's1', doc: { id: 's1', n: 1 }, position: 5 }], 5, {
      expectedCheckpoint: 0,
    });
    await expect(
      store.commit('counts', [{ collection: 'counts', id: 's1', doc: { id: 's1', n: 2 }, position: 5 }], 5, {
        expectedCheckpoint: 0,
      }),
    ).rejects.toBeInstanceOf(CheckpointMoved);
    expect(await store.get('counts', 's1')).toMatchObject({ n: 1 });
    expect(await store.getCheckpoint('counts')).toBe(5);
    // Resuming from the stored checkpoint works.
    await store.commit('counts', [{ collection: 'counts', id: 's1', doc: { id: 's1', n: 2 }, position: 9 }], 9, {
      expectedCheckpoint: 5,
    });
    expect(await store.get('counts', 's1')).toMatchObject({ n: 2 });
    await store.close();
  });
});
