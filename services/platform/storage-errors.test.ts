/**
 * A full or read-only disk under the group commit, SIMULATED at the SQLite level (`PRAGMA max_page_count`
 * → SQLITE_FULL, `PRAGMA query_only` → SQLITE_READONLY; the real tmpfs disk-full run is test/faults/data-dir.faults.test.ts):
 * the batch is refused as StoreUnavailable naming the cause, nothing of it is stored, and the next batch after the
 * space or permission returns commits — no restart, and the hash chains verify.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../../contracts/envelope';
import { verifyAll } from './eventstore/hash-chain';
import { StoreUnavailable } from './eventstore/port';
import { createSqliteEventStore, type SqliteEventStore } from '../adapters/sqlite/eventstore/sqlite-event-store';
import { filledEvent } from '../adapters/sqlite/eventstore/testing/fixtures';

const event = (size: number): NewEvent => filledEvent(size, 'system:storage-test');

let dataDir: string;
let store: SqliteEventStore;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-full-'));
  store = createSqliteEventStore({ dataDir, backgroundCheckpoints: false });
});
afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const count = () => store.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;

it('disk full (max_page_count): the batch is refused whole as "disk full", then writes succeed again', async () => {
  await store.append('s-1', [event(100)], 'no-stream');
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  store.db.pragma(`max_page_count = ${pages}`);
  // Three appends in one group commit, two of them too large for the space left.
  const batch = [
    store.append('s-1', [event(100)], 0),
    store.append('s-2', [event(200_000), event(10)], 'no-stream'),
    store.append('s-3', [event(200_000)], 'no-stream'),
  ];
  const outcomes = await Promise.allSettled(batch);
  for (const o of outcomes) {
    expect(o.status).toBe('rejected');
    const reason = (o as PromiseRejectedResult).reason as StoreUnavailable;
    expect(reason).toBeInstanceOf(StoreUnavailable);
    expect(reason.message).toBe('The event store cannot write: disk full');
    expect((reason.cause as { code: string }).code).toBe('SQLITE_FULL');
  }
  expect(count()).toBe(1);
  expect(await store.headPosition()).toBe(1);

  store.db.pragma('max_page_count = 1073741823');
  await store.append('s-1', [event(100)], 0);
  await store.append('s-2', [event(200_000), event(10)], 'no-stream');
  expect(count()).toBe(4);
  expect(await verifyAll(store, { batchSize: 100 })).toMatchObject({ valid: true, checked: 4 });
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
});

it('read-only (query_only): refused as "its storage is read-only", then writes succeed again', async () => {
  await store.append('s-1', [event(10)], 'no-stream');
  store.db.pragma('query_only = ON');
  const refused = await store.append('s-1', [event(10)], 0).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StoreUnavailable);
  expect((refused as Error).message).toBe('The event store cannot write: its storage is read-only');
  expect((await store.readStream('s-1')).length).toBe(1);
  store.db.pragma('query_only = OFF');
  expect((await store.append('s-1', [event(10)], 0)).nextRevision).toBe(1);
  expect(await verifyAll(store, { batchSize: 100 })).toMatchObject({ valid: true, checked: 2 });
});
