/** Prepared statements of the embedded store and the row → RecordedEvent mapping (raw arrays: cheapest to read). */
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../../../contracts/envelope';

const COLUMNS = 'position, stream, revision, event_id, type, schema_version, data, metadata';

export type EventRow = [number, string, number, string, string, number, string, string];

/**
 * `data` and `metadata` are parsed on first access (then kept as plain values): a consumer that filters on type or
 * stream, or only needs the data, does not pay for parsing the metadata (the larger half of a row).
 */
export function rowToEvent(row: EventRow): RecordedEvent {
  const event = {
    position: row[0],
    streamName: row[1],
    revision: row[2],
    eventId: row[3],
    type: row[4],
    schemaVersion: row[5],
  } as RecordedEvent;
  lazyJson(event, 'data', row[6]);
  lazyJson(event, 'metadata', row[7]);
  return event;
}

function lazyJson(target: RecordedEvent, key: 'data' | 'metadata', json: string): void {
  const settle = (value: unknown) => {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(JSON.parse(json) as unknown),
    set: settle,
  });
}

export function prepareStatements(db: Database.Database) {
  const raw = <T extends unknown[]>(sql: string) => db.prepare<T>(sql).raw(true);
  return {
    // position omitted: SQLite assigns the next rowid, i.e. the next global position.
    insertEvent: db.prepare<[string, number, string, string, number, string, string]>(
      'INSERT INTO events (stream, revision, event_id, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], { stream: string; revision: number; position: number }>(
      'SELECT stream, revision, position FROM events WHERE event_id = ?',
    ),
    streamHead: db.prepare<[string], { revision: number; last_hash: string }>(
      'SELECT revision, last_hash FROM streams WHERE name = ?',
    ),
    upsertStreamHead: db.prepare<[string, number, string]>(
      `INSERT INTO streams (name, revision, last_hash) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash`,
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
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision ASC LIMIT ?`,
    ),
    streamBackwards: raw<[string, number, number, number]>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? AND revision >= ? ORDER BY revision DESC LIMIT ?`,
    ),
    all: raw<[number, number, number]>(
      `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position ASC LIMIT ?`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/** A range read restricted to stream-name prefixes (prepared once per distinct prefix count). */
export function prefixRangeSql(prefixCount: number): string {
  const ors = Array.from({ length: prefixCount }, () => 'substr(stream, 1, ?) = ?').join(' OR ');
  return `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? AND (${ors}) ORDER BY position ASC LIMIT ?`;
}
