/** Every projection kezen runs (the projector, `projections:rebuild` and /readyz read this list). */
import type { Projection } from './projection';
import { privatizationProjections } from './privatization';

export const allProjections: readonly Projection[] = [...(privatizationProjections as readonly Projection[])];

export function projectionByName(name: string): Projection | undefined {
  return allProjections.find((p) => p.name === name);
}

export * from './projection';
export {
  caseViewProjection,
  publicCaseView,
  overdueCasesWhere,
  type CaseViewDoc,
  type CaseSummary,
} from './shared/case-view';
export {
  timelineProjection,
  assembleTimeline,
  timelineStepId,
  type Timeline,
  type TimelineStep,
  type TimelineStepDoc,
} from './shared/timeline';
export {
  deadlinesProjection,
  overdueDeadlinesWhere,
  openDueByWhere,
  type DeadlineDoc,
} from './shared/deadlines-projection';
export { isOverdue, nextDueOn, type DeadlineView } from './shared/deadlines';
export * from './privatization';
