/**
 * The privatization service (Rules §4–§10), as registered in services/registry.ts: the light half here — its stream,
 * its projections, its stages in the monitoring feed and on the dashboard — and the rest (decider, schemas, the
 * authorisation matrix) in ./module.ts, loaded by the composition root alone.
 */
import { PRIVATIZATION_STREAM_PREFIX } from '../../../domain/privatization/stream';
import { summaryByStages } from '../../../projections/dashboard/case-summary';
import { privatizationMonitoring, privatizationProjections } from '../../../projections/privatization';
import type { ServiceDefinition } from '../../platform/definitions';
import type { ServiceModule } from '../../platform/service-module';

export const privatization: ServiceDefinition = {
  service: 'privatization',
  streamPrefix: PRIVATIZATION_STREAM_PREFIX,
  // Case view, timeline (one document per step) and deadlines.
  projections: privatizationProjections,
  monitoring: privatizationMonitoring,
  dashboard: summaryByStages(privatizationMonitoring),
  load: async () => (await import('./module')).privatizationModule as unknown as ServiceModule,
};
