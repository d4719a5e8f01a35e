/**
 * An acknowledged append survives kill -9 ("never lose an acknowledged event, never double one"): a child
 * process appends under load and prints each acknowledged event id; we SIGKILL it mid-load, reopen the store and
 * check that every acknowledged event is there exactly once and every hash chain still verifies.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAll } from '../../services/platform/eventstore/hash-chain';
import { createSqliteEventStore } from '../../services/adapters/sqlite/eventstore/sqlite-event-store';

const ACKS_BEFORE_KILL = 3000;

function runAndKill(dataDir: string, mode: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'eventstore-kill-child.ts'), dataDir, mode],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffered = '';
    let stderr = '';
    const acked: string[] = [];
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? ''; // an incomplete last line was not fully printed: not counted
      for (const line of lines) if (line !== 'ready') acked.push(line);
      if (!killed && acked.length >= ACKS_BEFORE_KILL) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited on its own (code ${code}): ${stderr}`));
    });
  });
}

// `writer-thread`: the group commit in its own thread (the server's default), acknowledged from there.
it.each(['main-thread', 'writer-thread'])(
  '%s: every acknowledged event survives kill -9 exactly once, and the chains verify',
  async (mode) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-kill-'));
    try {
      const acked = await runAndKill(dataDir, mode);
      expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

      const store = createSqliteEventStore({ dataDir });
      try {
        const count = store.db.prepare('SELECT COUNT(*) AS n FROM events WHERE event_id = ?').pluck();
        const missing = acked.filter((id) => count.get(id) !== 1);
        expect(missing).toEqual([]);
        const total = store.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
        const distinct = store.db.prepare('SELECT COUNT(DISTINCT event_id) FROM events').pluck().get() as number;
        expect(distinct).toBe(total);
        expect(total).toBeGreaterThanOrEqual(acked.length);
        const verification = await verifyAll(store, { batchSize: 1000 });
        expect(verification).toMatchObject({ valid: true, checked: total });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  20000,
);
