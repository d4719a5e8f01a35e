/**
 * A start-up failure of the embedded stores in words an operator can act on: SQLite says only "unable to
 * open database file" when the data directory sits on a read-only file system or is full. Probes the directory and
 * names it with the system's error code.
 */
import { accessSync, constants } from 'node:fs';
import { sqliteStorageCause } from '../../platform/storage-errors';

export function explainDataDirFailure(error: unknown, dataDir: string): Error | undefined {
  const cause = sqliteStorageCause(error);
  if (!cause) return undefined;
  const code = (error as { code: string }).code;
  try {
    accessSync(dataDir, constants.W_OK);
  } catch (probe) {
    const errno = (probe as NodeJS.ErrnoException).code ?? 'unknown';
    const why =
      errno === 'EROFS' ? 'read-only file system' : errno === 'EACCES' ? 'permission denied' : 'not accessible';
    return new Error(`the data directory ${dataDir} is not writable (${errno}: ${why}; ${code})`, { cause: error });
  }
  return new Error(`the data directory ${dataDir}: ${cause} (${code})`, { cause: error });
}
