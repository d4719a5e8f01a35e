/**
 * The writer thread: its own connection to the event log, the same schema and pragmas (WAL, synchronous=FULL), one
 * group-commit batch per message (./batch-writer.ts). The fsync of COMMIT happens here, so the main thread's event
 * loop keeps serving requests meanwhile; the answer is posted only after COMMIT returned (durable).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { currentThreadId } from '../../../platform/runtime/thread-priority';
import { BatchWriter } from './batch-writer';
import { openSchema } from './schema';
import { prepareStatements } from './statements';
import { errorToWire, outcomeToWire, type FromWriter, type ToWriter, type WriterThreadData } from './writer-protocol';

const data = workerData as WriterThreadData;
const port = parentPort!;
const db = new Database(data.file);
openSchema(db);
if (data.backstopPages !== undefined) db.pragma(`wal_autocheckpoint = ${data.backstopPages}`);
const writer = new BatchWriter(db, prepareStatements(db));

const post = (message: FromWriter) => port.postMessage(message);
const tid = currentThreadId();
post({ type: 'hello', ...(tid !== undefined ? { tid } : {}) });

port.on('message', (m: ToWriter) => {
  if (m.type === 'close') {
    db.close();
    post({ type: 'closed' });
    return;
  }
  try {
    if (m.type === 'batch')
      post({ type: 'done', id: m.id, outcomes: writer.commit(m.batch, m.recordedAt).map(outcomeToWire) });
    else post({ type: 'done', id: m.id, value: db.pragma(m.sql) });
  } catch (error) {
    post({ type: 'failed', id: m.id, error: errorToWire(error) });
  }
});
