/**
 * Kill the projector mid-batch against FerretDB (no transactions: documents first, checkpoint after) and restart:
 * the read models equal a fresh rebuild — no event skipped, none applied twice — and so does the monitoring feed.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { v4 as uuidv4 } from 'uuid';
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';
import { FEED_PROJECTION, FeedRunner, readFeed } from '../../services/features/feed';
import { monitoredServices } from '../../services/platform/definitions';
import { registry } from '../../services/registry';
import { communalFundCase } from '../../services/features/feed/testing/privatization-events';
import { MongoReadStore } from '../../services/adapters/mongo/read-store';
import { rebuildProjection } from '../../services/platform/projector/rebuild';
import { countingProjection, type CountDoc } from '../../services/platform/projector/testing/counting-projection';
import { syntheticEvent } from '../../services/platform/projector/testing/synthetic-log';
import { freshDatabase, itServers } from './servers';

const services = monitoredServices(registry.services);

const SYNTHETIC = 1500;
const STREAMS = 13;
const CASES = 30;
const tsx = join(__dirname, '../../node_modules/.bin/tsx');

const children: ChildProcess[] = [];

function runChild(eventsFile: string, database: string) {
  const proc: ChildProcess = spawn(
    tsx,
    [join(__dirname, 'projector-child.ts'), eventsFile, itServers().mongoUrl, database],
    // detached: its own process group, so the SIGKILL below reaches tsx's node child too. tsx runs the script in a
    // child process; killing only tsx left that child running as an orphan — the "killed" projector kept writing
    // next to the restarted one, two writers racing on the same documents (the cause of the old intermittent
    // "one stream one event short": FerretDB's guarded replace is not an atomic compare-and-set across connections).
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  children.push(proc);
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

describe('projector and feed killed mid-batch on FerretDB (SIGKILL), then restarted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kezen-it-kill-'));
  const databases = [freshDatabase('kill'), freshDatabase('rebuild')];
  const client = new MongoClient(itServers().mongoUrl);
  // Closed in afterAll, also when an assertion failed midway: an open store would keep jest from exiting.
  const opened: { close(): Promise<void> }[] = [];

  afterAll(async () => {
    for (const store of opened.reverse()) await store.close().catch(() => undefined);
    for (const child of children) {
      try {
        process.kill(-child.pid!, 'SIGKILL'); // a failed run leaves nothing behind
      } catch {
        // already gone
      }
    }
    for (const db of databases) await client.db(db).dropDatabase();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('resumes from the committed checkpoints: read models and feed equal a fresh rebuild', async () => {
    const eventsFile = join(dir, 'events.sqlite');
    const eventStore = createSqliteEventStore({ file: eventsFile, backgroundCheckpoints: false });
    opened.push(eventStore);
    const caseIds = Array.from({ length: CASES }, () => uuidv4());
    const commands = caseIds.map((c) => ({ caseId: c, commands: communalFundCase(c), revision: -1 }));
    // Interleave synthetic streams with the cases' commands, as a busy log would.
    for (let i = 0, step = 0; i < SYNTHETIC; i += 50, step++) {
      await Promise.all(
        Array.from({ length: Math.min(50, SYNTHETIC - i) }, (_, k) =>
          eventStore.append(`synthetic-${(i + k) % STREAMS}`, [syntheticEvent(i + k)], 'any'),
        ),
      );
      for (const c of commands) {
        const cmd = c.commands[step];
        if (!cmd) continue;
        c.revision = (
          await eventStore.append(privatizationStream(c.caseId), cmd.events, c.revision < 0 ? 'no-stream' : c.revision)
        ).nextRevision;
      }
    }
    const head = await eventStore.headPosition();

    const [killed, rebuilt] = databases as [string, string];
    const observer = new MongoReadStore({ url: itServers().mongoUrl, database: killed });
    opened.push(observer);
    const first = runChild(eventsFile, killed);
    let killedAt = 0;
    for (let i = 0; i < 20000 && killedAt < 50; i++) {
      await new Promise((r) => setTimeout(r, 5));
      killedAt = await observer.getCheckpoint('test-event-counts').catch(() => 0);
    }
    process.kill(-first.proc.pid!, 'SIGKILL'); // throws if the group is gone (the run ended before the kill)
    await first.exited;
    const afterKill = await observer.getCheckpoint('test-event-counts');
    // Really dead: nothing of the first run writes any more (an orphan would move the checkpoint on).
    await new Promise((r) => setTimeout(r, 300));
    expect(await observer.getCheckpoint('test-event-counts')).toBe(afterKill);
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(head); // really mid-run

    const second = runChild(eventsFile, killed);
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('caught-up');
    expect(await observer.getCheckpoint('test-event-counts')).toBe(head);

    // A fresh rebuild of both into an empty database.
    const fresh = new MongoReadStore({ url: itServers().mongoUrl, database: rebuilt });
    opened.push(fresh);
    await rebuildProjection({ eventStore, readStore: fresh, projection: countingProjection() });
    const feed = new FeedRunner({ eventStore, services, readStore: fresh, batchSize: 500 });
    await feed.start();
    while (feed.checkpoint() < head) await new Promise((r) => setTimeout(r, 50));
    await feed.stop();

    const counts = async (store: MongoReadStore) =>
      (await store.find<CountDoc>('test_event_counts', { limit: 1000 })).items.sort((a, b) => a.id.localeCompare(b.id));
    const resumed = await counts(observer);
    expect(resumed).toEqual(await counts(fresh));
    expect(resumed.every((d) => d.inSequence)).toBe(true);
    expect(resumed.reduce((n, d) => n + d.count, 0)).toBe(head);

    const resumedFeed = (await readFeed(observer, { limit: 1000 })).items;
    expect(resumedFeed).toHaveLength(CASES * 6);
    expect(resumedFeed).toEqual((await readFeed(fresh, { limit: 1000 })).items);
    const caseStates = async (store: MongoReadStore) =>
      (await store.find(FEED_PROJECTION.collection, { where: { kind: 'case' }, limit: 1000 })).items;
    expect(await caseStates(observer)).toEqual(await caseStates(fresh));
  });
});
