/**
 * The investigator's view as one feature, built from ports: the CaseQueries decoration (complaints in case
 * views and timelines, the compliance report), the access-log middleware, the routes and their OpenAPI description.
 */
import type { Feature, FeaturePorts } from '../../platform/definitions';
import type { CaseQueries } from '../../platform/ports';
import { createEventStoreAccessLog, type AccessLog } from './access-log';
import { accessLogMiddleware } from './access-middleware';
import { complaintIdsFromReadStore, type InvestigationDeps } from './load';
import { investigationPaths, investigationSchemas } from './openapi';
import { withComplaintsAndCompliance } from './queries';
import { investigationRoutes } from './routes';

export function investigationFeature(ports: FeaturePorts & { accessLog?: AccessLog }): Feature {
  const { clock, services: modules } = ports;
  const accessLog = ports.accessLog ?? createEventStoreAccessLog(ports.eventStore, ports.calendar);
  const base: InvestigationDeps = {
    eventStore: ports.eventStore,
    calendar: ports.calendar,
    complaintIdsOfCase: complaintIdsFromReadStore(ports.readStore),
  };
  return {
    decorateQueries: (queries: CaseQueries): CaseQueries =>
      withComplaintsAndCompliance(queries, { ...base, readStore: ports.readStore }),
    beforeRoutes: [accessLogMiddleware(modules, accessLog, clock)],
    routes(v1, queries) {
      v1.use(investigationRoutes({ ...base, modules, queries, accessLog, clock }));
    },
    openApi: { paths: investigationPaths(modules), schemas: investigationSchemas },
  };
}
