/**
 * Test support: an embedded event store in a directory, for the specs of the platform and the features, which
 * take their store as a port and do not import an adapter themselves.
 */
import { createSqliteEventStore, type SqliteEventStore } from '../eventstore/sqlite-event-store';

export const embeddedEventStore = (dataDir: string, now?: () => string): SqliteEventStore =>
  createSqliteEventStore({ dataDir, ...(now ? { now } : {}) });
