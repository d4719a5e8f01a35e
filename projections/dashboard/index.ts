export {
  dashboardCasesProjection,
  DASHBOARD_CASES,
  withDeadlineFact,
  type CaseSummary,
  type DashboardService,
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
export { COMPLAINT_PREFIX } from './complaint-stages';
