/** Small helpers of the benchmark suite: percentiles, rounding, the peak-RSS sampler. */
import { readFileSync } from 'node:fs';

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarize(latencies: number[]) {
  latencies.sort((a, b) => a - b);
  return { p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), count: latencies.length };
}

/** Peak RSS (VmHWM) of a process from /proc, in bytes; undefined when it is gone (or not on Linux). */
function highWaterMark(pid: number | 'self'): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples this process's RSS and any registered child's (from /proc) every 100 ms; keeps the peak. */
export class RssSampler {
  peakBytes = 0;
  private readonly children = new Set<number>();
  private timer: NodeJS.Timeout | undefined;

  start() {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  watch(pid: number | undefined) {
    if (pid) this.children.add(pid);
  }
  sample() {
    // This process's own high-water mark too (its rebuild thread included): a 100 ms sample can miss a short peak.
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().rss, highWaterMark('self') ?? 0);
    for (const pid of this.children) {
      const peak = highWaterMark(pid);
      if (peak === undefined) this.children.delete(pid);
      else this.peakBytes = Math.max(this.peakBytes, peak);
    }
  }
  stop() {
    this.sample();
    clearInterval(this.timer);
  }
}
