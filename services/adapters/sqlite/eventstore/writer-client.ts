/**
 * The store's side of the writer thread (./writer-thread.ts): sends a group-commit batch, resolves with its outcomes
 * once the thread's COMMIT returned. A thread that dies (crash, out of memory) fails its pending requests as
 * StoreUnavailable — never a hang — and the next request starts a new thread. A batch in flight when the thread died
 * may or may not be stored: it is not acknowledged, and a re-send is idempotent (same event ids / command id).
 */
import { threadScript } from '../../../platform/runtime/thread-script';
import { Worker } from 'node:worker_threads';
import { StoreUnavailable } from '../../../platform/eventstore/port';
import type { AppendRequest, Outcome } from './batch-writer';
import { sqliteStorageCause } from '../../../platform/storage-errors';
import {
  errorFromWire,
  outcomeFromWire,
  type FromWriter,
  type ToWriter,
  type WireOutcome,
  type WriterThreadData,
} from './writer-protocol';

interface Request {
  resolve(message: Extract<FromWriter, { type: 'done' }>): void;
  reject(error: unknown): void;
}

export class WriterThread {
  private worker?: Worker;
  private readonly pending = new Map<number, Request>();
  private nextId = 1;
  private closing?: Promise<void>;
  /** Threads started so far (a restart after a death adds one). */
  starts = 0;
  /** The running thread's task id (Linux), once it said hello: the per-thread CPU metric reads it. */
  threadId?: number;

  constructor(private readonly data: WriterThreadData) {}

  /** Writes the batch in the thread (the group commit's sink). */
  readonly commit = async (batch: readonly AppendRequest[], recordedAt: string): Promise<Outcome[]> => {
    // Only the request itself crosses the thread (the queue's items also hold their promise callbacks).
    const requests = batch.map(({ streamName, events, expected, options }) => ({
      streamName,
      events,
      expected,
      options,
    }));
    const done = await this.request((id) => ({ type: 'batch', id, batch: requests, recordedAt }));
    return (done.outcomes as WireOutcome[]).map(outcomeFromWire);
  };

  /** Runs a pragma on the writer's connection (tests: max_page_count / query_only simulate a full / read-only disk). */
  async pragma(sql: string): Promise<unknown> {
    return (await this.request((id) => ({ type: 'pragma', id, sql }))).value;
  }

  /** The running thread (tests kill it). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  async close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker) return resolve();
      worker.once('exit', () => resolve());
      worker.once('message', (m: FromWriter) => {
        if (m.type === 'closed') void worker.terminate();
      });
      worker.ref();
      worker.postMessage({ type: 'close' } satisfies ToWriter);
    });
    return this.closing;
  }

  private request(message: (id: number) => ToWriter): Promise<Extract<FromWriter, { type: 'done' }>> {
    if (this.closing) return Promise.reject(new StoreUnavailable('The event store cannot write: it is closed'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keeps the process alive while an append waits for its commit; an idle writer does not.
      worker.ref();
      worker.postMessage(message(id));
    });
  }

  private spawn(): Worker {
    const { script, eval: isEval } = threadScript(__filename, 'writer-thread');
    const worker = new Worker(script, { eval: isEval, workerData: this.data });
    this.worker = worker;
    this.starts += 1;
    this.threadId = undefined;
    worker.on('message', (m: FromWriter) => {
      if (m.type === 'hello') {
        if (this.worker === worker) this.threadId = m.tid;
        return;
      }
      if (m.type === 'closed') return;
      const request = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.type === 'done') request?.resolve(m);
      else request?.reject(errorFromWire(m.error));
    });
    let died: unknown;
    worker.on('error', (error) => {
      died = error;
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.threadId = undefined;
      }
      // e.g. the thread could not open the log (SQLITE_CANTOPEN): named as the group commit names it.
      const cause = sqliteStorageCause(died);
      const failure = new StoreUnavailable(
        `The event store cannot write: its writer thread stopped (exit code ${code}${cause ? `; ${cause}` : ''})`,
        died,
      );
      for (const request of this.pending.values()) request.reject(failure);
      this.pending.clear();
    });
    return worker;
  }
}
