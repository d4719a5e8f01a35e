/**
 * The housing assistance service (HA Rules as amended by order No. 115), as registered in services/registry.ts: the
 * light half here — its stream, its projection, its stages in the monitoring feed and on the dashboard, the former
 * names of its events — and the rest (decider, schemas, the authorisation matrix) in ./module.ts, loaded by the
 * composition root alone.
 */
import { HOUSING_ASSISTANCE_EVENT_RENAMES } from '../../../domain/housing-assistance/former-names';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from '../../../domain/housing-assistance/stream';
import { summaryByStages } from '../../../projections/dashboard/case-summary';
import {
  housingAssistanceCaseViewProjection,
  housingAssistanceMonitoring,
} from '../../../projections/housing-assistance';
import type { ServiceDefinition } from '../../platform/definitions';
import type { ServiceModule } from '../../platform/service-module';

export const housingAssistance: ServiceDefinition = {
  service: 'housing-assistance',
  streamPrefix: HOUSING_ASSISTANCE_STREAM_PREFIX,
  projections: [housingAssistanceCaseViewProjection],
  monitoring: housingAssistanceMonitoring,
  dashboard: summaryByStages(housingAssistanceMonitoring),
  // Its events were named with the service's name before (docs/ARCHITECTURE.md "Names").
  eventRenames: HOUSING_ASSISTANCE_EVENT_RENAMES,
  load: async () => (await import('./module')).housingAssistanceModule as unknown as ServiceModule,
};
