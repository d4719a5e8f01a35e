/**
 * The complaint process (Rules §13–§14), as registered in services/registry.ts: the light half here — its stream, its
 * projection, its stages in the monitoring feed and its summary on the dashboard — and the rest (decider, schemas,
 * the authorisation matrix) in ./module.ts, loaded by the composition root alone.
 */
import { COMPLAINT_STREAM_PREFIX } from '../../../domain/complaints/stream';
import { complaintViewProjection } from '../../../projections/complaints/complaint-view';
import { complaintSummary } from '../../../projections/complaints/dashboard';
import { complaintMonitoring } from '../../../projections/complaints/monitoring';
import type { ServiceDefinition } from '../../platform/definitions';
import type { ServiceModule } from '../../platform/service-module';

export const complaints: ServiceDefinition = {
  service: 'complaints',
  streamPrefix: COMPLAINT_STREAM_PREFIX,
  projections: [complaintViewProjection],
  monitoring: complaintMonitoring,
  dashboard: complaintSummary,
  load: async () => (await import('./module')).complaintModule as unknown as ServiceModule,
};
