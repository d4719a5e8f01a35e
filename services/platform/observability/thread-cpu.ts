/**
 * CPU seconds of each of kezen's own threads — the request loop, the projector thread, the event-store writer —
 * from Linux's per-task accounting (/proc/self/task/<tid>/stat). On two cores these threads compete for CPU, and
 * which one is busy is the first question when commands slow down; the benchmark reads the same figures to report
 * CPU per command per thread. Elsewhere (no /proc) nothing is reported.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** User + system CPU seconds of the thread `tid` of this process; undefined when unknown (no /proc, thread gone). */
export function threadCpuSeconds(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by the calling thread (Linux `/proc/thread-self`; null elsewhere). On a shared machine the
 * per-thread figures say what the wall time would be on an idle one.
 */
export function currentThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}

/** The named threads' CPU seconds, for those whose task id is known and readable. */
export function threadsCpuSeconds(threads: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, tid] of Object.entries(threads)) {
    const seconds = tid === undefined ? undefined : threadCpuSeconds(tid);
    if (seconds !== undefined) out[name] = seconds;
  }
  return out;
}
