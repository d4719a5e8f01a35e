/**
 * Background threads at a lower CPU priority than the request loop. On a machine with few cores the projector
 * thread competes with the request loop and the event-store writer for a core; commands are what a client waits
 * on, while projections only have to keep up (within the lag target, p99 < 500 ms). With the projector thread
 * niced, a command's path runs first and the projector catches up in larger — cheaper per event — batches: more
 * commands/s for somewhat more projection lag.
 *
 * Linux only: a thread is a task there, and setpriority(PRIO_PROCESS, tid) (os.setPriority) sets that one task's
 * nice value; the thread learns its task id from /proc/thread-self. Raising one's own nice value needs no privilege.
 * Elsewhere nothing changes, and the answer says so.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** This thread's task id (Linux), or undefined where there is none to find. */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

export type PriorityOutcome = { applied: true; nice: number } | { applied: false; reason: string };

/** Sets the CALLING thread's nice value (0–19: higher is lower priority); 0 leaves it as it is. */
export function lowerThreadPriority(nice: number): PriorityOutcome {
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) return { applied: false, reason: `nice ${nice} is not 0–19` };
  if (nice === 0) return { applied: false, reason: 'nice 0: priority left as is' };
  const tid = currentThreadId();
  if (tid === undefined) return { applied: false, reason: 'no per-thread priority on this platform' };
  try {
    // Only ever lower: a process started niced already (e.g. under `nice -n 15`) keeps its lower priority.
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return { applied: true, nice: getPriority(tid) };
  } catch (error) {
    return { applied: false, reason: (error as Error).message };
  }
}
