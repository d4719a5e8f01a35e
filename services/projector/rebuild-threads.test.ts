/**
 * Parallel rebuild (issue #10): two threads, each folding half of the streams into the same new generations, build
 * exactly the read models one thread builds; the checkpoint is the head reached, and the old generation serves reads
 * until the switch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../../scripts/dataset/generate';
import { createSqliteEventStore, type SqliteEventStore } from '../eventstore/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../readstore/sqlite/sqlite-read-store';
import { knownProjections } from './known-projections';
import { rebuildProjections } from './rebuild';

jest.setTimeout(120_000);

let dir: string;
let log: SqliteEventStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kezen-rebuild-threads-'));
  log = createSqliteEventStore({ dataDir: dir });
  await generateDataset({ events: 3000, store: log, decidedCases: 40, seed: 7 });
});

afterAll(async () => {
  await log.close();
  rmSync(dir, { recursive: true, force: true });
});

async function dump(store: SqliteReadStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const p of knownProjections()) {
    const items: unknown[] = [];
    let after: string | undefined;
    do {
      const page = await store.find(p.collection, { limit: 1000, after });
      items.push(...page.items);
      after = page.nextCursor ?? undefined;
    } while (after);
    out[p.name] = items;
  }
  return out;
}

test('two threads build the same read models as one, with the checkpoint at the head', async () => {
  const projections = knownProjections();
  const head = await log.headPosition();
  const build = async (threads: number, cacheBytes?: number) => {
    const store = new SqliteReadStore({ filename: join(dir, `read-models-${threads}-${cacheBytes ?? 'd'}.sqlite`) });
    const results = await rebuildProjections({
      eventStore: log,
      readStore: store,
      projections,
      threads,
      flushEvery: 500,
      readBatch: 200,
      ...(cacheBytes === undefined ? {} : { cacheBytes }),
    });
    return { store, results };
  };
  const one = await build(1);
  const two = await build(2, 0); // and every flushed document evicted
  expect(one.results.map((r) => r.threads)).toEqual(projections.map(() => 1));
  expect(two.results.map((r) => r.threads)).toEqual(projections.map(() => 2));
  expect(two.results.map((r) => [r.projection, r.events, r.handled, r.position])).toEqual(
    one.results.map((r) => [r.projection, head, r.handled, head]),
  );
  for (const p of projections) expect(await two.store.getCheckpoint(p.name)).toBe(head);
  const expected = await dump(one.store);
  expect(expected['privatization-case-view']!.length).toBeGreaterThan(50);
  expect(expected['privatization-timeline']!.length).toBeGreaterThan(2000);
  expect(await dump(two.store)).toEqual(expected);
  await one.store.close();
  await two.store.close();
});

test('a failure in this thread stops the other, and leaves only the active generations', async () => {
  const projections = knownProjections();
  /** Fails its third flush (this thread's fold; the other thread has a store of its own). */
  class FailingStore extends SqliteReadStore {
    commits = 0;
    override commitAllSync(...args: Parameters<SqliteReadStore['commitAllSync']>): void {
      if (++this.commits === 3) throw new Error('disk full');
      super.commitAllSync(...args);
    }
  }
  const store = new FailingStore({ filename: join(dir, 'read-models-failing.sqlite') });
  await expect(
    rebuildProjections({ eventStore: log, readStore: store, projections, threads: 2, flushEvery: 200, readBatch: 50 }),
  ).rejects.toThrow('disk full');
  expect(store.commits).toBeGreaterThanOrEqual(3);
  // The half-built generations were dropped: the other thread no longer held SQLite's write lock.
  for (const p of projections) {
    expect((await store.generations(p.name)).map((g) => [g.generation, g.active])).toEqual([[1, true]]);
  }
  await store.close();
});
