/**
 * The monitoring feed runner on the embedded stores (SQLite log, SQLite read models): every stage change of a case
 * becomes one message, in log order, whatever the batch size — also when a command's deadline facts fall into the
 * next batch — and a restart resumes without a gap or a repeat.
 */
import { privatizationStream } from '../../../domain/privatization/stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { createSqliteEventStore, type SqliteEventStore } from '../../adapters/sqlite/eventstore/sqlite-event-store';
import { SqliteReadStore } from '../../adapters/sqlite/readstore/sqlite-read-store';
import { FEED_PROJECTION, legacyMessageKey, messageKey, readFeed } from '../../platform/feed/feed-store';
import { FeedRunner } from './runner';
import { monitoredServices } from '../../platform/definitions';
import { registry } from '../../registry';
import { communalFundCase, STAGES_OF_COMMUNAL_FUND_CASE } from './testing/privatization-events';

const services = monitoredServices(registry.services);

let dir: string;
let eventStore: SqliteEventStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kezen-feed-'));
  eventStore = createSqliteEventStore({ dataDir: dir });
});

afterEach(async () => {
  await eventStore.close();
  rmSync(dir, { recursive: true, force: true });
});

async function appendCase(caseId: string): Promise<void> {
  let revision: number | 'no-stream' = 'no-stream';
  for (const c of communalFundCase(caseId)) {
    const result = await eventStore.append(privatizationStream(caseId), c.events, revision);
    revision = result.nextRevision;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function feedOf(batchSize: number) {
  const readStore = new SqliteReadStore({ filename: ':memory:' });
  const runner = new FeedRunner({ eventStore, services, readStore, batchSize });
  await runner.start();
  const head = await eventStore.headPosition();
  await until(async () => runner.checkpoint() >= head);
  const page = await readFeed(readStore, { limit: 1000 });
  await runner.stop();
  await readStore.close();
  return page.items;
}

test('one message per stage change, in per-case order, identical for batch sizes 1, 2 and 500', async () => {
  const cases = [uuidv4(), uuidv4()];
  for (const c of cases) await appendCase(c);
  const reference = await feedOf(500);
  for (const caseId of cases) {
    expect(reference.filter((m) => m.caseId === caseId).map((m) => m.stage)).toEqual(STAGES_OF_COMMUNAL_FUND_CASE);
  }
  const decision = reference.find((m) => m.stage === 'privatization-decision')!;
  expect([decision.dueDate, decision.onTime]).toEqual(['2026-04-09', true]); // the contract term set with it
  // A batch of 1 splits every command: the deadline facts arrive in the next batch and are read ahead.
  expect(await feedOf(1)).toEqual(reference);
  expect(await feedOf(2)).toEqual(reference);
});

test('a restarted runner resumes from its checkpoint: no gap, no repeat', async () => {
  const readStore = new SqliteReadStore({ filename: join(dir, 'read.sqlite') });
  const first = uuidv4();
  await appendCase(first);
  let runner = new FeedRunner({ eventStore, services, readStore, batchSize: 3 });
  await runner.start();
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  await runner.stop();

  const second = uuidv4();
  await appendCase(second);
  runner = new FeedRunner({ eventStore, services, readStore, batchSize: 3 });
  await runner.start();
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  await runner.stop();

  const items = (await readFeed(readStore, { limit: 1000 })).items;
  expect(items.map((m) => m.caseId)).toEqual([...Array(6).fill(first), ...Array(6).fill(second)]);
  expect(new Set(items.map((m) => m.messageId)).size).toBe(12);
  const positions = items.map((m) => m.position);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Paging by cursor walks the same sequence.
  const page1 = await readFeed(readStore, { limit: 5 });
  const page2 = await readFeed(readStore, { after: Number(page1.nextCursor), limit: 100 });
  expect([...page1.items, ...page2.items]).toEqual(items);
  await readStore.close();
});

test('a read store that stays down through several retries: the runner keeps retrying and catches up', async () => {
  const readStore = new SqliteReadStore({ filename: ':memory:' });
  // The read store "goes down": every commit and checkpoint read fails until it "comes back".
  let down = false;
  const failing = new Proxy(readStore, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (down && (prop === 'commit' || prop === 'activeGeneration'))
          return Promise.reject(new Error('read store unreachable'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const errors: unknown[] = [];
  const runner = new FeedRunner({
    eventStore,
    services,
    readStore: failing,
    retryDelayMs: 10,
    onError: (e) => errors.push(e),
  });
  await runner.start();
  await appendCase(uuidv4());
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  down = true;
  await appendCase(uuidv4());
  await until(async () => errors.length >= 5); // the first retry and several more failed
  down = false;
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  expect((await readFeed(readStore, { limit: 1000 })).items).toHaveLength(2 * STAGES_OF_COMMUNAL_FUND_CASE.length);
  await runner.stop();
  await readStore.close();
});

test('message documents are keyed by log position (ordered keys), and one left under its former key is not doubled', async () => {
  const readStore = new SqliteReadStore({ filename: join(dir, 'read.sqlite') });
  const caseId = uuidv4();
  await appendCase(caseId);
  let runner = new FeedRunner({ eventStore, services, readStore, batchSize: 500 });
  await runner.start();
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  await runner.stop();
  const items = (await readFeed(readStore, { limit: 1000 })).items;
  const docs = await readStore.getMany(
    'monitoring_feed',
    items.map((m) => messageKey(m.position)),
  );
  expect(docs.size).toBe(items.length);
  expect(messageKey(9)).toBe('msg:0000000000000009');
  expect(messageKey(9) < messageKey(10)).toBe(true);

  // A store of the former version, stopped between writing a command's messages and advancing its checkpoint
  // (Kafka mode): the message under its former key, nothing else. The runner writes it again under its new key.
  const last = items.at(-1)!;
  const older = new SqliteReadStore({ filename: join(dir, 'older.sqlite') });
  await older.init([FEED_PROJECTION]);
  const doc = docs.get(messageKey(last.position))!;
  await older.commit(
    'monitoring-feed',
    [{ collection: 'monitoring_feed', id: legacyMessageKey(last.messageId), doc, position: last.position }],
    0,
  );
  runner = new FeedRunner({ eventStore, services, readStore: older, batchSize: 500 });
  await runner.start();
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  await runner.stop();
  expect((await readFeed(older, { limit: 1000 })).items).toEqual(items);
  expect((await older.getMany('monitoring_feed', [legacyMessageKey(last.messageId)])).size).toBe(0);
  await older.close();
  await readStore.close();
});

test('a feed stored by another version is rebuilt at start: recomputed under the same positions and ids, then live', async () => {
  await appendCase(uuidv4());
  const reference = await feedOf(500);
  // The feed another version left: its message says what that code said, in generation 1.
  const readStore = new SqliteReadStore({ filename: join(dir, 'read.sqlite') });
  await readStore.init([{ ...FEED_PROJECTION, version: FEED_PROJECTION.version + 1 }]);
  const stale = { ...reference[0]!, sourceEventType: 'FormerName' };
  const id = messageKey(stale.position);
  const doc = { id, kind: 'message', ...stale };
  await readStore.commit(FEED_PROJECTION.name, [{ collection: 'monitoring_feed', id, doc, position: 1 }], 1);
  const runner = new FeedRunner({ eventStore, services, readStore, batchSize: 3 });
  await runner.start();
  const switched = async () =>
    (await readStore.activeGeneration(FEED_PROJECTION.name)).version === FEED_PROJECTION.version;
  await until(async () => (await switched()) && runner.checkpoint() >= (await eventStore.headPosition()));
  expect((await readFeed(readStore, { limit: 1000 })).items).toEqual(reference);
  expect((await readStore.generations(FEED_PROJECTION.name)).map((g) => [g.generation, g.active])).toEqual([[2, true]]);
  // Then it follows the log.
  await appendCase(uuidv4());
  await until(async () => runner.checkpoint() >= (await eventStore.headPosition()));
  expect((await readFeed(readStore, { limit: 1000 })).items).toHaveLength(2 * STAGES_OF_COMMUNAL_FUND_CASE.length);
  await runner.stop();
  await readStore.close();
});
