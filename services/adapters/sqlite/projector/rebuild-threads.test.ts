/**
 * Parallel rebuild: two threads, each folding half of the streams into the same new generations, build
 * exactly the read models one thread builds; the checkpoint is the head reached, and the old generation serves reads
 * until the switch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../../../../scripts/dataset/generate';
import { createSqliteEventStore, type SqliteEventStore } from '../eventstore/sqlite-event-store';
import { UpcasterRegistry } from '../../../platform/eventstore/upcasting';
import { SqliteReadStore } from '../readstore/sqlite-read-store';
import { PROJECTOR_WORKLOAD_MODULE, projectorWorkload } from '../../../projector-workload';
import { Projector } from '../../../platform/projector/projector';
import { rebuildProjections } from '../../../platform/projector/rebuild';
import type { EventStore } from '../../../platform/eventstore/port';
import { sqliteParallelFolding } from './rebuild-threads';

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
  for (const p of projectorWorkload.projections) {
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

/** Rebuilds every projection of the workload from `eventStore` into a fresh read store, in `threads` threads. */
async function rebuildInto(eventStore: EventStore, name: string, threads: number, warnings: string[]) {
  const store = new SqliteReadStore({ filename: join(dir, `read-models-${name}.sqlite`) });
  const results = await rebuildProjections({
    eventStore,
    readStore: store,
    projections: projectorWorkload.projections,
    threads,
    parallel: sqliteParallelFolding(PROJECTOR_WORKLOAD_MODULE),
    flushEvery: 500,
    readBatch: 200,
    onWarning: (m) => warnings.push(m),
  });
  return { store, results };
}

/** What the live projector builds from `eventStore`, caught up with its head. */
async function liveProjection(eventStore: EventStore, name: string): Promise<SqliteReadStore> {
  const live = new SqliteReadStore({ filename: join(dir, `read-models-${name}.sqlite`) });
  const projector = new Projector({ eventStore, readStore: live, projections: projectorWorkload.projections });
  await projector.start();
  expect(await projector.waitForPosition(await eventStore.headPosition(), 60_000)).toBe(true);
  await projector.stop();
  return live;
}

test('two threads build the same read models as one, with the checkpoint at the head', async () => {
  const projections = projectorWorkload.projections;
  const head = await log.headPosition();
  const build = async (threads: number, cacheBytes?: number) => {
    const store = new SqliteReadStore({ filename: join(dir, `read-models-${threads}-${cacheBytes ?? 'd'}.sqlite`) });
    const results = await rebuildProjections({
      eventStore: log,
      readStore: store,
      projections,
      threads,
      parallel: sqliteParallelFolding(PROJECTOR_WORKLOAD_MODULE),
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
  const projections = projectorWorkload.projections;
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
    rebuildProjections({
      eventStore: log,
      readStore: store,
      projections,
      threads: 2,
      parallel: sqliteParallelFolding(PROJECTOR_WORKLOAD_MODULE),
      flushEvery: 200,
      readBatch: 50,
    }),
  ).rejects.toThrow('disk full');
  expect(store.commits).toBeGreaterThanOrEqual(3);
  // The half-built generations were dropped: the other thread no longer held SQLite's write lock.
  for (const p of projections) {
    expect((await store.generations(p.name)).map((g) => [g.generation, g.active])).toEqual([[1, true]]);
  }
  await store.close();
});

test('with upcasters that carry functions, a rebuild asked for two threads folds in one: = one thread = the live projector', async () => {
  // ApplicationRegistered v1 → v2 (a made-up change the case view shows). The rebuild threads read events.sqlite's
  // rows directly and cannot apply a function (without the fallback the threaded rebuild's case views keep the v1 iin).
  const upcasters = new UpcasterRegistry([
    {
      type: 'ApplicationRegistered',
      fromVersion: 1,
      upcast: (data) => {
        const d = data as { applicant: { iin: string } };
        return { ...d, applicant: { ...d.applicant, iin: `v2-${d.applicant.iin}` } };
      },
    },
  ]);
  const upcasting = createSqliteEventStore({ file: log.file, upcasters, backgroundCheckpoints: false });
  const projections = projectorWorkload.projections;
  const warnings: string[] = [];
  const build = (threads: number) => rebuildInto(upcasting, `upcast-${threads}`, threads, warnings);
  try {
    const one = await build(1);
    const two = await build(2);
    const expected = await dump(one.store);
    const views = expected['privatization-case-view'] as { applicantIin: string | null }[];
    expect(views.length).toBeGreaterThan(50);
    expect(views.every((v) => v.applicantIin?.startsWith('v2-'))).toBe(true); // the upcaster took effect
    expect(await dump(two.store)).toEqual(expected);
    expect(two.results.map((r) => r.threads)).toEqual(projections.map(() => 1));
    expect(warnings).toEqual([expect.stringContaining('upcasters with functions')]);
    // The live projector, through the same upcasting store.
    const live = await liveProjection(upcasting, 'upcast-live');
    expect(await dump(live)).toEqual(expected);
    await Promise.all([one.store.close(), two.store.close(), live.close()]);
  } finally {
    await upcasting.close();
  }
});

test('with renames on the event store (data, no function), the rebuild still folds in two threads: = one thread = the live projector', async () => {
  // The dataset's log as code that used other names would have written it (made-up former names of the two events
  // that open and close a privatization case), read by today's names through the renames the threads are sent.
  const formerNames: Record<string, string> = {
    ApplicationRegistered: 'PrivatizationApplicationRegistered',
    ResultIssued: 'PrivatizationResultIssued',
  };
  const renames = Object.entries(formerNames).map(([to, from]) => ({ streamPrefix: 'privatization-', from, to }));
  const file = join(dir, 'events-former-names.sqlite');
  const writer = createSqliteEventStore({ file, backgroundCheckpoints: false });
  for (let after = 0; ;) {
    const page = await log.readAll(after, 500);
    if (page.length === 0) break;
    await Promise.all(
      page.map(({ eventId, type, schemaVersion, data, metadata, streamName }) => {
        const { recordedAt: _r, prevHash: _p, hash: _h, ...kept } = metadata;
        const stored = { eventId, type: formerNames[type] ?? type, schemaVersion, data, metadata: kept };
        return writer.append(streamName, [stored], 'any');
      }),
    );
    after = page[page.length - 1]!.position;
  }
  await writer.close();
  const renaming = createSqliteEventStore({
    file,
    upcasters: new UpcasterRegistry([], renames),
    backgroundCheckpoints: false,
  });
  const projections = projectorWorkload.projections;
  const warnings: string[] = [];
  const build = (name: string, threads: number) => rebuildInto(renaming, `renamed-${name}`, threads, warnings);
  try {
    const one = await build('one', 1);
    const two = await build('two', 2);
    expect(two.results.map((r) => r.threads)).toEqual(projections.map(() => 2));
    expect(warnings).toEqual([]);
    const expected = await dump(one.store);
    // Read by today's names: as many case views as the log written with them gives (none, unread).
    const original = await build('original', 1);
    const originalViews = (await dump(original.store))['privatization-case-view']!;
    expect(expected['privatization-case-view']).toHaveLength(originalViews.length);
    expect(originalViews.length).toBeGreaterThan(50);
    expect(await dump(two.store)).toEqual(expected);
    const live = await liveProjection(renaming, 'renamed-live');
    expect(await dump(live)).toEqual(expected);
    await Promise.all([one.store.close(), two.store.close(), original.store.close(), live.close()]);
  } finally {
    await renaming.close();
  }
});
