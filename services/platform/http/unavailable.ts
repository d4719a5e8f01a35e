/**
 * Which errors mean "a backing server or the disk is unavailable" (docs/HTTP-CONTRACT.md "Errors":
 * `503` a backing server is down, nothing half-written), and the detail the client gets. Recognised: the ports'
 * StoreUnavailable, SQLite's storage errors (SQLITE_FULL, SQLITE_READONLY*, SQLITE_IOERR*, SQLITE_CANTOPEN,
 * SQLITE_BUSY) and the MongoDB driver's network / server-selection errors. Details name the store and the cause, never
 * hosts, paths or driver messages.
 */
import { StoreUnavailable } from '../eventstore/port';
import { sqliteStorageCause } from '../storage-errors';

/** Driver error classes (by name: no import of the driver here) of a MongoDB server that cannot be reached. */
const MONGO_UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

const isMongoUnreachable = (error: unknown) =>
  error instanceof Error && (MONGO_UNREACHABLE.has(error.name) || MONGO_UNREACHABLE.has(error.constructor.name));

/** The 503 detail for an unavailability error, or undefined when the error is something else. */
export function unavailableDetail(error: unknown): string | undefined {
  const retry = 'Nothing was written; retry later.';
  if (error instanceof StoreUnavailable) {
    const cause = sqliteStorageCause(error.cause);
    return cause ? `The event store cannot write: ${cause}. ${retry}` : `A backing server is unavailable. ${retry}`;
  }
  const cause = sqliteStorageCause(error);
  if (cause) return `The embedded store cannot complete the request: ${cause}. ${retry}`;
  if (isMongoUnreachable(error)) return 'The read store (MongoDB) is unreachable. Retry later.';
  return undefined;
}
