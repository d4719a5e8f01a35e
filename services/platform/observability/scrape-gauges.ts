/**
 * The gauges refreshed just before each /metrics scrape: the log head, each projection's checkpoint and lag, and the
 * CPU seconds of kezen's threads (./thread-cpu.ts). The composition root says which threads there are.
 */
import type { EventStore } from '../eventstore/port';
import type { ProjectorHandle } from '../projector/projector';
import type { KezenMetrics } from './metrics';
import { threadsCpuSeconds } from './thread-cpu';

export interface ScrapeGaugeDeps {
  metrics: KezenMetrics;
  eventStore: Pick<EventStore, 'headPosition'>;
  projector: Pick<ProjectorHandle, 'status'>;
  /** Thread name → Linux task id (undefined: not running, or no such thread in this configuration). */
  threads: () => Record<string, number | undefined>;
}

export function scrapeGauges(deps: ScrapeGaugeDeps): () => Promise<void> {
  const { metrics } = deps;
  return async () => {
    const head = await deps.eventStore.headPosition();
    metrics.logHead.set(head);
    for (const s of deps.projector.status()) {
      metrics.projectionCheckpoint.set({ projection: s.name }, s.position);
      metrics.projectionLag.set({ projection: s.name }, Math.max(0, head - s.position));
    }
    for (const [thread, seconds] of Object.entries(threadsCpuSeconds(deps.threads())))
      metrics.threadCpu.set({ thread }, seconds);
  };
}
