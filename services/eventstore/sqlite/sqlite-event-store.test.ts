/** The event-store contract on the embedded SQLite adapter (a temp directory per test). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../../../test/contracts/event-store.contract';
import type { EventStore } from '../port';
import { SqliteEventStore, createSqliteEventStore } from './sqlite-event-store';

const dirs = new Map<EventStore, string>();

eventStoreContract('embedded SQLite', {
  async create({ upcasters }) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-'));
    const store = createSqliteEventStore({ dataDir, upcasters });
    dirs.set(store, dataDir);
    return store;
  },
  async dispose(store) {
    await store.close();
    rmSync(dirs.get(store)!, { recursive: true, force: true });
    dirs.delete(store);
  },
});

describe('embedded SQLite store: durability settings', () => {
  it('runs in WAL mode with synchronous=FULL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-'));
    const store = createSqliteEventStore({ dataDir }) as SqliteEventStore;
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
