/**
 * One partition of the embedded log for a parallel rebuild (./rebuild.ts "Parallel"): the events of the streams whose
 * integer id falls in the partition (`stream_id % count = index`), up to a fixed position, in log order. SQLite
 * filters the rows, so a thread neither copies nor parses the other threads' events.
 *
 * Reads the embedded store's tables directly (services/eventstore/sqlite/schema.ts, the column order of
 * statements.ts `rowToEvent`): this store has no upcasters in kezen's composition; a store with upcasters is not
 * rebuilt in threads (see threadFiles).
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { SqliteEventStore } from '../eventstore/sqlite/sqlite-event-store';
import { rowToEvent, type EventRow } from '../eventstore/sqlite/statements';

export interface Partition {
  index: number;
  count: number;
}

/** What the fold loop reads (./rebuild-fold.ts): the EventStore port's two calls. */
export interface LogReader {
  readAll(afterPosition: number, maxCount: number): Promise<RecordedEvent[]>;
  headPosition(): Promise<number>;
}

export function partitionedLog(store: SqliteEventStore, partition: Partition, upTo: number): LogReader {
  const statement = store.db
    .prepare(
      'SELECT e.position, s.name, e.revision, e.event_id, e.type, e.schema_version, e.data, e.metadata ' +
        'FROM events e CROSS JOIN streams s ON s.id = e.stream_id ' +
        'WHERE e.position > ? AND e.position <= ? AND e.stream_id % ? = ? ORDER BY e.position ASC LIMIT ?',
    )
    .raw(true);
  return {
    readAll: async (after, max) =>
      (statement.all(after, upTo, partition.count, partition.index, max) as EventRow[]).map(rowToEvent),
    headPosition: async () => upTo,
  };
}
