/** The projector thread's view of the log (FollowedLog + SharedHead): no event before its head is published, no lost wake-up. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../../contracts/envelope';
import { createSqliteEventStore, type SqliteEventStore } from '../eventstore/sqlite-event-store';
import { FollowedLog } from './followed-log';
import { SharedHead } from './shared-head';

let dir: string;
let writer: SqliteEventStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kezen-followed-'));
  writer = createSqliteEventStore({ dataDir: dir });
});
afterEach(async () => {
  await writer.close();
  rmSync(dir, { recursive: true, force: true });
});

const append = async (i: number) =>
  (
    await writer.append(
      'other-1',
      [
        {
          eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          type: 'Noted',
          schemaVersion: 1,
          data: { i },
          metadata: {
            commandId: `c${i}`,
            correlationId: 'c',
            causationId: 'c',
            actor: { sub: 's', roles: [] },
          } as never,
        },
      ],
      'any',
    )
  ).position;
const tick = () => new Promise((r) => setTimeout(r, 20));

test('events up to the published head only; a reader that went to sleep is woken by wake()', async () => {
  const head = new SharedHead();
  const log = new FollowedLog(createSqliteEventStore({ dataDir: dir, backgroundCheckpoints: false }), head, {
    pollMs: 2,
    idleMs: 10,
  });
  const seen: number[] = [];
  const sub = log.subscribeToAll(
    0,
    async (events: RecordedEvent[]) => void seen.push(...events.map((e) => e.position)),
  );
  await append(1);
  const two = await append(2);
  await tick();
  expect(seen).toEqual([]); // committed, not yet published
  expect(head.publish(two)).toBe(true); // idle longer than idleMs: asleep, the main thread must wake it
  await tick();
  expect(seen).toEqual([]);
  log.wake();
  await tick();
  expect(seen).toEqual([1, 2]);
  await sub.stop();
  await log.close();
});

test('while it polls, a reader picks a published head up without a wake-up message', async () => {
  const head = new SharedHead();
  const log = new FollowedLog(createSqliteEventStore({ dataDir: dir, backgroundCheckpoints: false }), head, {
    pollMs: 2,
    idleMs: 60_000,
  });
  const seen: number[] = [];
  const sub = log.subscribeToAll(
    0,
    async (events: RecordedEvent[]) => void seen.push(...events.map((e) => e.position)),
  );
  await tick();
  expect(head.publish(await append(1))).toBe(false); // polling, not asleep: nothing to post
  await tick();
  expect(seen).toEqual([1]);
  await sub.stop();
  await log.close();
});

test('a head published while the reader goes to sleep is not missed (no wake-up message needed)', async () => {
  const head = new SharedHead();
  let position = 0;
  // The commit lands between the reader's last poll and its raising the sleep flag.
  const racing = Object.assign(Object.create(head) as SharedHead, {
    sleep: () => {
      if (position > 0 && head.read() < position) head.publish(position);
      return head.sleep();
    },
  });
  const log = new FollowedLog(createSqliteEventStore({ dataDir: dir, backgroundCheckpoints: false }), racing, {
    pollMs: 2,
    idleMs: 10,
  });
  position = await append(1); // committed, not published: the reader polls in vain until it goes to sleep
  const seen: number[] = [];
  const sub = log.subscribeToAll(
    0,
    async (events: RecordedEvent[]) => void seen.push(...events.map((e) => e.position)),
  );
  await tick();
  await tick();
  expect(seen).toEqual([1]);
  await sub.stop();
  await log.close();
});

test('subscribers woken by one commit share one read of the range; the next turn reads afresh', async () => {
  const head = new SharedHead();
  const reader = createSqliteEventStore({ dataDir: dir, backgroundCheckpoints: false });
  const reads = jest.spyOn(reader, 'readRange');
  const log = new FollowedLog(reader, head, { pollMs: 2, idleMs: 1000 });
  const batches: RecordedEvent[][][] = [[], [], []];
  const subs = batches.map((seen) => log.subscribeToAll(0, async (events) => void seen.push(events)));
  head.publish(await append(1));
  log.wake();
  await tick();
  expect(batches.map((b) => b.length)).toEqual([1, 1, 1]);
  expect(reads).toHaveBeenCalledTimes(1);
  expect(batches[1]![0]).toBe(batches[0]![0]); // the very same decoded events
  head.publish(await append(2));
  log.wake();
  await tick();
  expect(batches.map((b) => b.map((events) => events.map((e) => e.position)))).toEqual([
    [[1], [2]],
    [[1], [2]],
    [[1], [2]],
  ]);
  expect(reads).toHaveBeenCalledTimes(2);
  // A later reader of the same range (a subscriber that resubscribed) reads it again: no copy is kept.
  const late: number[] = [];
  const again = log.subscribeToAll(1, async (events) => void late.push(...events.map((e) => e.position)));
  await tick();
  expect(late).toEqual([2]);
  expect(reads).toHaveBeenCalledTimes(3);
  for (const s of [...subs, again]) await s.stop();
  await log.close();
});
