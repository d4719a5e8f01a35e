import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStoreContract } from '../../../test/contracts/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

readStoreContract('SQLite (in memory)', async () => ({ store: new SqliteReadStore({ filename: ':memory:' }) }));

readStoreContract('SQLite (file, WAL)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kezen-rs-'));
  return {
    store: SqliteReadStore.inDataDir(dir),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});
