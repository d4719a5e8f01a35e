/**
 * The dashboard, as registered in services/registry.ts: its projection, the per-case summaries of every
 * service whose definition has a `dashboard` summary (derived from the registered services). The route and its
 * OpenAPI description are ./feature.ts.
 */
import { dashboardCasesProjection } from '../../../projections/dashboard/case-summary';
import { dashboardSources, type FeatureDefinition } from '../../platform/definitions';

export const dashboard: FeatureDefinition = {
  feature: 'dashboard',
  workload: (services) => ({ projections: [dashboardCasesProjection(dashboardSources(services))] }),
  load: async () => (await import('./feature')).dashboardFeature,
};
