/**
 * Reads a case's timeline (docs/HTTP-CONTRACT.md "Queries": `GET /v1/<service>/cases/{caseId}/timeline`): its step
 * documents in revision order plus its deadline documents, assembled by the pure `assembleTimeline`
 * (projections/shared/timeline.ts). Two indexed queries; works on every ReadStore adapter.
 */
import type { DeadlineDoc } from '../../../projections/shared/deadlines-projection';
import { assembleTimeline, type Timeline, type TimelineStepDoc } from '../../../projections/shared/timeline';
import type { ReadStore } from './port';

export interface TimelineSource {
  streamPrefix: string;
  stepsCollection: string;
  deadlinesCollection: string;
}

/** The timeline, or null when the case has no steps. Reads up to `maxSteps` steps (default 10,000). */
export async function readTimeline(
  store: ReadStore,
  source: TimelineSource,
  streamName: string,
  maxSteps = 10_000,
): Promise<Timeline | null> {
  const steps: TimelineStepDoc[] = [];
  let after: string | undefined;
  do {
    const page = await store.find<TimelineStepDoc>(source.stepsCollection, {
      where: { streamName }, // ordered by id: the log position, i.e. revision order (timelineStepId)
      limit: 1000,
      after,
    });
    steps.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after && steps.length < maxSteps);
  if (steps.length === 0) return null;
  const deadlines = await store.find<DeadlineDoc>(source.deadlinesCollection, { where: { streamName }, limit: 1000 });
  return assembleTimeline(streamName, source.streamPrefix, steps, deadlines.items);
}
