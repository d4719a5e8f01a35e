/**
 * The embedded event log's tables. `position` is the rowid (the global order); (stream, revision) and event_id are
 * unique, so a doubled event cannot be stored. `streams` keeps each stream's head (revision, last hash) and its
 * metadata; `commands` records handled commands in the same transaction as their events (idempotency).
 * Events name their stream by the stream's integer id: index entries of streams created close in time sit on the
 * same pages, so a group commit rewrites far fewer pages (with names as keys, each append rewrote random pages).
 * `events_by_stream` is the same log with stream names, for ad-hoc SQL.
 */
import type Database from 'better-sqlite3';

export function openSchema(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit, so an acknowledged append survives kill -9 and power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  db.exec(`
    CREATE TABLE IF NOT EXISTS streams (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      revision INTEGER NOT NULL,
      last_hash TEXT NOT NULL,
      metadata TEXT
    );
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      stream_id INTEGER NOT NULL REFERENCES streams (id),
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      UNIQUE (stream_id, revision)
    );
    CREATE VIEW IF NOT EXISTS events_by_stream AS
      SELECT e.position, s.name AS stream, e.revision, e.event_id, e.type, e.schema_version, e.data, e.metadata
      FROM events e JOIN streams s ON s.id = e.stream_id;
    CREATE TABLE IF NOT EXISTS commands (
      command_id TEXT PRIMARY KEY,
      stream TEXT NOT NULL,
      command_hash TEXT NOT NULL,
      result TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
