export { createDashboardQuery, type Dashboard, type DashboardDeps } from './query';
export { dashboardRoutes } from './route';
