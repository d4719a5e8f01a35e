/**
 * The pure projections. Which of them kezen runs is not listed here: each service's and feature's definition names
 * its own, and the list is derived from the registry (services/registry.ts, services/projector-workload.ts).
 */
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
