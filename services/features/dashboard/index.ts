export { createDashboardQuery, type Dashboard, type DashboardDeps } from './query';
export { dashboardRoutes, DASHBOARD_SERVICES } from './route';
