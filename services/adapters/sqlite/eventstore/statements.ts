/** Prepared statements of the embedded store and the row → RecordedEvent mapping (raw arrays: cheapest to read). */
import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '../../../../contracts/envelope';
import type { PreparedEvent } from './batch-writer';

const COLUMNS = 'e.position, s.name, e.revision, e.event_id, e.type, e.schema_version, e.data, e.metadata';
/** Events in log order with their stream's name (CROSS JOIN: drive the scan from `events`). */
const FROM = 'FROM events e CROSS JOIN streams s ON s.id = e.stream_id';

export type EventRow = [number, string, number, string, string, number, string, string];

/**
 * `data` and `metadata` are parsed on first access (then kept as plain values): a consumer that filters on type or
 * stream, or only needs the data, does not pay for parsing the metadata (the larger half of a row).
 */
export function rowToEvent(row: EventRow): RecordedEvent {
  // Own enumerable accessors in a literal (one shared hidden class: cheap to create; JSON.stringify, spread and
  // deep equality see them as plain properties). Each parses its column once, on first access.
  let data: unknown = UNPARSED;
  let metadata: unknown = UNPARSED;
  return {
    position: row[0],
    streamName: row[1],
    revision: row[2],
    eventId: row[3],
    type: row[4],
    schemaVersion: row[5],
    get data() {
      return data === UNPARSED ? (data = JSON.parse(row[6]) as unknown) : data;
    },
    set data(value: unknown) {
      data = value;
    },
    get metadata() {
      return (metadata === UNPARSED ? (metadata = JSON.parse(row[7]) as unknown) : metadata) as EventMetadata;
    },
    set metadata(value: EventMetadata) {
      metadata = value;
    },
  };
}

const UNPARSED = Symbol('unparsed');

/**
 * An event the writer just stored, from what the appending thread already holds (the prepared event, the batch's
 * recordedAt) and the writer's stamp: the same value as reading the row back (`metadata` is the object the writer
 * stored as JSON; `data` is parsed from the very text stored, on first access).
 */
export function recordedOf(
  streamName: string,
  event: Omit<PreparedEvent, 'canonicalData'>,
  stamp: readonly [position: number, revision: number, prevHash: string, hash: string],
  recordedAt: string,
): RecordedEvent {
  let data: unknown = UNPARSED;
  return {
    position: stamp[0],
    streamName,
    revision: stamp[1],
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    get data() {
      return data === UNPARSED ? (data = JSON.parse(event.data) as unknown) : data;
    },
    set data(value: unknown) {
      data = value;
    },
    metadata: { ...event.metadata, recordedAt, prevHash: stamp[2], hash: stamp[3] } as EventMetadata,
  };
}

export function prepareStatements(db: Database.Database) {
  const raw = <T extends unknown[]>(sql: string) => db.prepare<T>(sql).raw(true);
  return {
    // position omitted: SQLite assigns the next rowid, i.e. the next global position.
    insertEvent: db.prepare<[number, number, string, string, number, string, string]>(
      'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], { stream: string; revision: number; position: number }>(
      'SELECT s.name AS stream, e.revision, e.position FROM events e JOIN streams s ON s.id = e.stream_id WHERE e.event_id = ?',
    ),
    streamHead: db.prepare<[string], { id: number; revision: number; last_hash: string }>(
      'SELECT id, revision, last_hash FROM streams WHERE name = ?',
    ),
    insertStream: db.prepare<[string, string]>('INSERT INTO streams (name, revision, last_hash) VALUES (?, -1, ?)'),
    updateStreamHead: db.prepare<[number, string, number]>(
      'UPDATE streams SET revision = ?, last_hash = ? WHERE id = ?',
    ),
    streamMetadata: db.prepare<[string], { metadata: string | null }>('SELECT metadata FROM streams WHERE name = ?'),
    upsertStreamMetadata: db.prepare<[string, string, string]>(
      `INSERT INTO streams (name, revision, last_hash, metadata) VALUES (?, -1, ?, ?)
       ON CONFLICT (name) DO UPDATE SET metadata = excluded.metadata`,
    ),
    insertCommand: db.prepare<[string, string, string, string]>(
      'INSERT INTO commands (command_id, stream, command_hash, result) VALUES (?, ?, ?, ?)',
    ),
    command: db.prepare<[string], { stream: string; command_hash: string; result: string }>(
      'SELECT stream, command_hash, result FROM commands WHERE command_id = ?',
    ),
    maxPosition: db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
    streamForwards: raw<[string, number, number, number]>(
      `SELECT ${COLUMNS} FROM streams s JOIN events e ON e.stream_id = s.id
       WHERE s.name = ? AND e.revision >= ? AND e.revision <= ? ORDER BY e.revision ASC LIMIT ?`,
    ),
    streamBackwards: raw<[string, number, number, number]>(
      `SELECT ${COLUMNS} FROM streams s JOIN events e ON e.stream_id = s.id
       WHERE s.name = ? AND e.revision <= ? AND e.revision >= ? ORDER BY e.revision DESC LIMIT ?`,
    ),
    all: raw<[number, number, number]>(
      `SELECT ${COLUMNS} ${FROM} WHERE e.position > ? AND e.position <= ? ORDER BY e.position ASC LIMIT ?`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/** A range read restricted to stream-name prefixes (prepared once per distinct prefix count). */
export function prefixRangeSql(prefixCount: number): string {
  const ors = Array.from({ length: prefixCount }, () => 'substr(s.name, 1, ?) = ?').join(' OR ');
  return `SELECT ${COLUMNS} ${FROM} WHERE e.position > ? AND e.position <= ? AND (${ors}) ORDER BY e.position ASC LIMIT ?`;
}
