/** Unavailability errors → 503 details; anything else is not an unavailability. */
import { StoreUnavailable } from '../eventstore/port';
import { unavailableDetail } from './unavailable';

const sqliteError = (code: string) => Object.assign(new Error('sqlite says'), { name: 'SqliteError', code });
class MongoServerSelectionError extends Error {
  override name = 'MongoServerSelectionError';
}

test.each([
  [new StoreUnavailable('x', sqliteError('SQLITE_FULL')), 'The event store cannot write: disk full.'],
  [
    new StoreUnavailable('x', sqliteError('SQLITE_READONLY_DBMOVED')),
    'The event store cannot write: its storage is read-only.',
  ],
  [new StoreUnavailable('x', sqliteError('SQLITE_IOERR_WRITE')), 'The event store cannot write: I/O error.'],
  [new StoreUnavailable('EventStoreDB unavailable: host:2113 refused'), 'A backing server is unavailable.'],
  [sqliteError('SQLITE_CANTOPEN'), 'The embedded store cannot complete the request: its file cannot be opened.'],
  [new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017'), 'The read store (MongoDB) is unreachable.'],
])('%s → 503 detail', (error, start) => {
  const detail = unavailableDetail(error);
  expect(detail?.startsWith(start)).toBe(true);
  expect(detail).not.toMatch(/127\.0\.0\.1|host:2113|sqlite says/); // never the driver's message
});

test.each([[new Error('boom')], [sqliteError('SQLITE_CONSTRAINT_UNIQUE')], [null], ['text']])(
  '%s is not an unavailability',
  (error) => expect(unavailableDetail(error)).toBeUndefined(),
);
