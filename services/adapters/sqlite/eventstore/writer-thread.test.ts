/**
 * The embedded store with its group commit in a writer thread (`writerThread: true`, the server's default): the whole
 * event-store contract, plus what the thread adds — the error mapping of a full / read-only disk on the writer's own
 * connection, a read on the main connection and the commit hook seeing an acknowledged append, and a writer thread
 * that dies: its pending appends fail as StoreUnavailable (no hang), the next append starts a new thread and commits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../../../../contracts/envelope';
import { eventStoreContract } from '../../../../test/contracts/event-store.contract';
import { verifyAll } from '../../../platform/eventstore/hash-chain';
import { StoreUnavailable, WrongExpectedRevision } from '../../../platform/eventstore/port';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { filledEvent, sqliteContractFactory } from './testing/fixtures';

eventStoreContract('embedded SQLite, writer thread', sqliteContractFactory('kezen-es-wt-', { writerThread: true }));

const event = (size = 10): NewEvent => filledEvent(size, 'system:writer-thread-test');

describe('embedded SQLite store, writer thread', () => {
  let dataDir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kezen-es-wt-'));
    store = createSqliteEventStore({ dataDir, writerThread: true, backgroundCheckpoints: false });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const count = () => store.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;

  it('an acknowledged append is visible on the main connection and the commit hook has fired with its position', async () => {
    const heads: number[] = [];
    store.onCommit((head) => heads.push(head));
    const appends = Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, [event(), event()], 'no-stream'));
    for (const [i, append] of appends.entries()) {
      const result = await append;
      expect(heads[heads.length - 1]).toBeGreaterThanOrEqual(result.position);
      expect((await store.readStream(`s-${i}`)).map((e) => e.position)).toEqual([result.position - 1, result.position]);
    }
    expect(count()).toBe(40);
    expect(store.writer!.starts).toBe(1);
  });

  it('checks each append of a batch against its own expected revision', async () => {
    await store.append('s-1', [event()], 'no-stream');
    const outcomes = await Promise.allSettled([
      store.append('s-1', [event()], 0),
      store.append('s-1', [event()], 0),
      store.append('s-2', [event()], 'no-stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    expect(((outcomes[1] as PromiseRejectedResult).reason as WrongExpectedRevision).actual).toBe(1);
  });

  it('disk full on the writer connection: the batch is refused whole as "disk full", then writes succeed again', async () => {
    await store.append('s-1', [event(100)], 'no-stream');
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    await store.writer!.pragma(`max_page_count = ${pages}`);
    const outcomes = await Promise.allSettled([
      store.append('s-1', [event(100)], 0),
      store.append('s-2', [event(200_000), event(10)], 'no-stream'),
    ]);
    for (const o of outcomes) {
      const reason = (o as PromiseRejectedResult).reason as StoreUnavailable;
      expect(reason).toBeInstanceOf(StoreUnavailable);
      expect(reason.message).toBe('The event store cannot write: disk full');
      expect((reason.cause as { code: string }).code).toBe('SQLITE_FULL');
    }
    expect(count()).toBe(1);
    await store.writer!.pragma('max_page_count = 1073741823');
    await store.append('s-2', [event(200_000), event(10)], 'no-stream');
    expect(count()).toBe(3);
    expect(await verifyAll(store, { batchSize: 100 })).toMatchObject({ valid: true, checked: 3 });
  });

  it('read-only writer connection: refused as "its storage is read-only", then writes succeed again', async () => {
    await store.append('s-1', [event()], 'no-stream');
    await store.writer!.pragma('query_only = ON');
    const refused = await store.append('s-1', [event()], 0).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreUnavailable);
    expect((refused as Error).message).toBe('The event store cannot write: its storage is read-only');
    await store.writer!.pragma('query_only = OFF');
    expect((await store.append('s-1', [event()], 0)).nextRevision).toBe(1);
  });

  it('a writer thread that dies fails its pending appends (no hang); the next append restarts it and commits', async () => {
    await store.append('s-1', [event()], 'no-stream');
    const thread = store.writer!.thread!;
    const pending = store.append('s-1', [event()], 0);
    // Killed once the batch has been posted to it (the group commit flushes on the next turn).
    await new Promise((resolve) => setImmediate(resolve));
    await thread.terminate();
    const refused = await pending.catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreUnavailable);
    expect((refused as Error).message).toMatch(/^The event store cannot write: its writer thread stopped/);
    // The killed batch was not acknowledged; whether it was stored, the next append sees the truth.
    const revision = (await store.readStream('s-1')).length - 1;
    expect((await store.append('s-1', [event()], revision)).nextRevision).toBe(revision + 1);
    expect(store.writer!.starts).toBe(2);
    expect(await store.headPosition()).toBe(count());
    expect(await verifyAll(store, { batchSize: 100 })).toMatchObject({ valid: true });
  });
});
