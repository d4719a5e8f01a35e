export {
  dashboardCasesProjection,
  summaryByStages,
  DASHBOARD_CASES,
  DASHBOARD_CASES_PROJECTION,
  withDeadlineFact,
  type CaseSummary,
  type DashboardService,
  type DashboardSource,
  type DashboardSummary,
} from './case-summary';
export { deadlineIndexProjection, DEADLINE_INDEX, deadlineKey, type DeadlineIndexDoc } from './deadline-index';
export {
  aggregate,
  median,
  percentile,
  type DashboardNumbers,
  type DashboardQuery,
  type OverdueItem,
  type ApproachingItem,
} from './aggregate';
