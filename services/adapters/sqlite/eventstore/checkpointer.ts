/**
 * WAL checkpoints off the write path. With SQLite's automatic checkpoint, the committing append that crosses the
 * threshold copies the WAL back into the database file (random page writes + fsync) while every other append
 * waits. Here a worker thread with its own connection runs PASSIVE checkpoints (they never block the writer), and the
 * writer's own automatic checkpoint stays only as a backstop for a WAL that grows past `backstopPages`.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

// Plain JS (eval'd): runs the same under tsx, jest and compiled builds.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { /* busy: next tick */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.postMessage('closed'); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  db: Database.Database,
  file: string,
  options: { intervalMs?: number; backstopPages?: number } = {},
): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${options.backstopPages ?? 50000}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 200 },
  });
  worker.unref();
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
