/**
 * The dashboard as one feature, built from ports: GET /v1/dashboard over the per-case summaries of the
 * services that have one, its OpenAPI description, and the providers the dev sign-in picker offers.
 */
import { dashboardSources, type Feature, type FeaturePorts } from '../../platform/definitions';
import { dashboardPaths, dashboardSchemas } from './openapi';
import { createDashboardQuery } from './query';
import { dashboardRoutes } from './route';

export function dashboardFeature(ports: FeaturePorts): Feature {
  const services = dashboardSources(ports.services).map((s) => s.service);
  const query = createDashboardQuery({
    readStore: ports.readStore,
    calendar: ports.calendar,
    clock: ports.clock,
    approachingWorkingDays: ports.config.watcher.approachingWorkingDays,
  });
  return {
    routes: (v1) => {
      v1.use(dashboardRoutes(query, services));
    },
    openApi: { paths: dashboardPaths(services), schemas: dashboardSchemas },
    /** Distinct providers seen in the read models, from the first service's summaries. */
    devProviders: async () =>
      (await query({ service: services[0]!, providerId: null, from: null, to: null })).providers,
  };
}
