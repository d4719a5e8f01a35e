/**
 * Kill-and-restart: a child process runs the projector and is killed with SIGKILL mid-run; after a
 * restart the read model equals a fresh rebuild — no event skipped, none applied twice (the counting projection
 * checks each stream's events arrive exactly once, in order). The log is the real embedded SQLite event store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteEventStore } from './eventstore/sqlite-event-store';
import { SqliteReadStore } from './readstore/sqlite-read-store';
import { rebuildProjection } from '../../platform/projector/rebuild';
import { countingProjection, type CountDoc } from '../../platform/projector/testing/counting-projection';
import { syntheticEvent } from '../../platform/projector/testing/synthetic-log';

const EVENTS = 6000;
const STREAMS = 17;
const child = path.join(__dirname, 'testing/crash-child.ts');

function run(
  file: string,
  eventsFile: string,
): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  // One process (node with the tsx loader), not the tsx CLI: SIGKILL of the CLI would leave its node child running
  // as an orphan projector next to the restarted one.
  const proc = spawn(process.execPath, ['--import', 'tsx', child, file, eventsFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

async function allDocs(store: SqliteReadStore): Promise<CountDoc[]> {
  return (await store.find<CountDoc>('test_event_counts', { limit: 1000 })).items;
}

describe('Projector kill-and-restart (SIGKILL mid-run)', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kezen-crash-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('resumes exactly at the committed checkpoint: equals a fresh rebuild', async () => {
    const file = path.join(dir, 'read-models.sqlite');
    const eventsFile = path.join(dir, 'events.sqlite');
    // The real embedded event store, filled before the projector starts.
    const eventStore = createSqliteEventStore({ file: eventsFile, backgroundCheckpoints: false });
    for (let i = 0; i < EVENTS; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, EVENTS - i) }, (_, k) =>
          eventStore.append(`synthetic-${(i + k) % STREAMS}`, [syntheticEvent(i + k)], 'any'),
        ),
      );
    }
    expect(await eventStore.headPosition()).toBe(EVENTS);
    const first = run(file, eventsFile);
    // Wait until it has committed part of the log, then kill it without warning.
    const observer = new SqliteReadStore({ filename: file });
    let killedAt = 0;
    for (let i = 0; i < 3000; i++) {
      await new Promise((r) => setTimeout(r, 10));
      if (!fs.existsSync(file)) continue;
      try {
        killedAt = await observer.getCheckpoint('test-event-counts');
      } catch {
        continue; // not initialised yet
      }
      if (killedAt > 300) break;
    }
    first.proc.kill('SIGKILL');
    await first.exited;
    const afterKill = await observer.getCheckpoint('test-event-counts');
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(EVENTS); // really mid-run

    const second = run(file, eventsFile);
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('caught-up');

    const resumed = await allDocs(observer);
    expect(await observer.getCheckpoint('test-event-counts')).toBe(EVENTS);
    await observer.close();

    const fresh = new SqliteReadStore({ filename: ':memory:' });
    await rebuildProjection({ eventStore, readStore: fresh, projection: countingProjection() });
    const rebuilt = await allDocs(fresh);
    await fresh.close();
    await eventStore.close();

    expect(resumed).toEqual(rebuilt);
    expect(resumed.every((d) => d.inSequence)).toBe(true);
    expect(resumed.reduce((n, d) => n + d.count, 0)).toBe(EVENTS);
  }, 120_000);
});
