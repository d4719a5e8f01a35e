/**
 * The entry of a worker thread whose module sits next to its caller's: the .ts source under tsx/jest (loaded through
 * tsx in the thread, as eval'd code), the .js file when built. Shared by the writer, projector and rebuild threads.
 */
import { dirname, extname, join } from 'node:path';

/** `callerFile`: the caller's `__filename`; `entry`: the thread module's name without its extension. */
export function threadScript(callerFile: string, entry: string): { script: string; eval: boolean } {
  const ext = extname(callerFile);
  const file = join(dirname(callerFile), `${entry}${ext}`);
  if (ext !== '.ts') return { script: file, eval: false };
  return { script: `require('tsx/cjs'); require(${JSON.stringify(file)});`, eval: true };
}
