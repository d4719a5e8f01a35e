/**
 * One partition of the embedded log for a parallel rebuild (./rebuild.ts "Parallel"): the events of the streams whose
 * integer id falls in the partition's buckets (`stream_id % 100`, see bucketRange), up to a fixed position, in log
 * order. SQLite filters the rows, so a thread neither copies nor parses the other threads' events.
 *
 * Reads the embedded store's tables directly (services/adapters/sqlite/eventstore/schema.ts, the row of statements.ts
 * `EventRow`) and applies the store's renames, so a partition reads the types the store's own reads return. A store
 * whose upcasters carry functions is rebuilt in one thread instead (threadFiles in ./rebuild-threads.ts).
 */
import type { EventMetadata, RecordedEvent } from '../../../../contracts/envelope';
import type { SqliteEventStore } from '../eventstore/sqlite-event-store';
import type { EventRow } from '../eventstore/statements';
import type { LogReader } from '../../../platform/projector/rebuild-fold';

export interface Partition {
  index: number;
  count: number;
}

/**
 * The buckets [from, to) of `stream_id % 100` a partition folds. The first partition is folded by the calling
 * thread, which starts at once, while the others first start a worker and load their modules, so it takes 2 points
 * more: 52/48 for two threads. With an even split the calling thread finished its part well before the other; with
 * 52/48 both finish together. (The switch's index builds, also on the calling thread, come after both.)
 */
export function bucketRange(partition: Partition): [number, number] {
  if (partition.count <= 1) return [0, 100];
  const first = Math.floor(100 / partition.count) + 2;
  const rest = (100 - first) / (partition.count - 1);
  if (partition.index === 0) return [0, first];
  return [Math.round(first + (partition.index - 1) * rest), Math.round(first + partition.index * rest)];
}

const UNPARSED = Symbol('unparsed');

/**
 * An event whose `data` and `metadata` are parsed on first access, as the store's `rowToEvent` does, but with the
 * accessors on the prototype: no closures per event (a rebuild thread decodes half a million of them). Read-only,
 * and `data`/`metadata` are not own properties (JSON.stringify and spread skip them): for projections only, which
 * read events and never copy them whole.
 */
class LazyEvent implements RecordedEvent {
  readonly position: number;
  readonly streamName: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  private parsedData: unknown = UNPARSED;
  private parsedMetadata: unknown = UNPARSED;
  constructor(
    private readonly row: EventRow,
    type: string,
  ) {
    this.position = row[0];
    this.streamName = row[1];
    this.revision = row[2];
    this.eventId = row[3];
    this.type = type;
    this.schemaVersion = row[5];
  }
  get data(): unknown {
    if (this.parsedData === UNPARSED) this.parsedData = JSON.parse(this.row[6]) as unknown;
    return this.parsedData;
  }
  get metadata(): EventMetadata {
    if (this.parsedMetadata === UNPARSED) this.parsedMetadata = JSON.parse(this.row[7]) as unknown;
    return this.parsedMetadata as EventMetadata;
  }
}

export function partitionedLog(store: SqliteEventStore, partition: Partition, upTo: number): LogReader {
  const { upcasters } = store;
  if (upcasters.hasFunctions) throw new Error('partitionedLog: the store has upcasters with functions');
  // The stored name read as today's (a rename-only upcaster: the data are as stored).
  const toEvent = (row: EventRow): RecordedEvent => new LazyEvent(row, upcasters.typeOf(row[1], row[4]));
  const statement = store.db
    .prepare(
      'SELECT e.position, s.name, e.revision, e.event_id, e.type, e.schema_version, e.data, e.metadata ' +
        'FROM events e CROSS JOIN streams s ON s.id = e.stream_id ' +
        'WHERE e.position > ? AND e.position <= ? AND e.stream_id % 100 >= ? AND e.stream_id % 100 < ? ' +
        'ORDER BY e.position ASC LIMIT ?',
    )
    .raw(true);
  const [from, to] = bucketRange(partition);
  return {
    readAll: async (after, max) => (statement.all(after, upTo, from, to, max) as EventRow[]).map(toEvent),
    headPosition: async () => upTo,
  };
}
