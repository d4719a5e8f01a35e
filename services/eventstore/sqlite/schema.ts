/**
 * The embedded event log's tables. `position` is the rowid (the global order); (stream, revision) and event_id are
 * unique, so a doubled event cannot be stored. `streams` keeps each stream's head (revision, last hash) and its
 * metadata; `commands` records handled commands in the same transaction as their events (idempotency).
 */
import type Database from 'better-sqlite3';

export function openSchema(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit, so an acknowledged append survives kill -9 and power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      stream TEXT NOT NULL,
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      UNIQUE (stream, revision)
    );
    CREATE TABLE IF NOT EXISTS streams (
      name TEXT PRIMARY KEY,
      revision INTEGER NOT NULL,
      last_hash TEXT NOT NULL,
      metadata TEXT
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS commands (
      command_id TEXT PRIMARY KEY,
      stream TEXT NOT NULL,
      command_hash TEXT NOT NULL,
      result TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
