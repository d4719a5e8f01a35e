/**
 * The investigator's view as one feature for the composition root: the CaseQueries decoration
 * (complaints in case views and timelines, the compliance report), the access-log middleware, and the routes.
 *
 *   const investigation = investigationFeature({ eventStore, readStore, calendar, modules, clock });
 *   const queries = investigation.decorate(baseQueries);
 *   createApp({ …, queries, beforeRoutes: investigation.beforeRoutes, extraRoutes: (v1) => investigation.routes(v1, queries) })
 */
import type { Router } from 'express';
import type { WorkingCalendar } from '../../../domain/calendar/types';
import type { EventStore } from '../../platform/eventstore/port';
import type { CaseQueries } from '../../platform/ports';
import type { ReadStore } from '../../platform/readstore/port';
import type { ServiceModule } from '../../platform/service-module';
import { createEventStoreAccessLog, type AccessLog } from './access-log';
import { accessLogMiddleware } from './access-middleware';
import { complaintIdsFromReadStore, type InvestigationDeps } from './load';
import { withComplaintsAndCompliance } from './queries';
import { investigationRoutes } from './routes';

export interface InvestigationFeatureDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  calendar: WorkingCalendar;
  modules: readonly ServiceModule[];
  clock?: () => Date;
  accessLog?: AccessLog;
}

export function investigationFeature(deps: InvestigationFeatureDeps) {
  const clock = deps.clock ?? (() => new Date());
  const accessLog = deps.accessLog ?? createEventStoreAccessLog(deps.eventStore, deps.calendar);
  const base: InvestigationDeps = {
    eventStore: deps.eventStore,
    calendar: deps.calendar,
    complaintIdsOfCase: complaintIdsFromReadStore(deps.readStore),
  };
  return {
    accessLog,
    decorate: (queries: CaseQueries): CaseQueries =>
      withComplaintsAndCompliance(queries, { ...base, readStore: deps.readStore }),
    /** For /v1 after authentication, before the routes (AppDeps `beforeRoutes`). */
    beforeRoutes: [accessLogMiddleware(deps.modules, accessLog, clock)],
    routes(v1: Router, queries: CaseQueries) {
      v1.use(investigationRoutes({ ...base, modules: deps.modules, queries, accessLog, clock }));
    },
  };
}
