/**
 * SQLite's storage errors in words (a full or read-only data directory answers `503` with a clear detail):
 * SQLITE_FULL, SQLITE_READONLY*, SQLITE_IOERR*, SQLITE_CANTOPEN, SQLITE_BUSY. Used by the group commit's
 * StoreUnavailable and by the HTTP error mapping (services/platform/http/unavailable.ts) for the SQLite read store.
 */
const CAUSES: [prefix: string, cause: string][] = [
  ['SQLITE_FULL', 'disk full'],
  ['SQLITE_READONLY', 'its storage is read-only'],
  ['SQLITE_IOERR', 'I/O error'],
  ['SQLITE_CANTOPEN', 'its file cannot be opened'],
  ['SQLITE_BUSY', 'the database is locked'],
];

/** "disk full", "its storage is read-only"… for a SQLite storage error; undefined for any other error. */
export function sqliteStorageCause(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  return CAUSES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
}
