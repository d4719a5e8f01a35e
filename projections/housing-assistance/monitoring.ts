/**
 * The housing assistance stages of the monitoring feed (Rules §11; HA Rules), as data: the service's definition names
 * this mapping (services/features/housing-assistance/definition.ts), and the feed and the dashboard read it from there.
 */
import { inProgress as go, type MonitoringMapping } from '../monitoring/services';

type Data = Record<string, unknown>;

export const housingAssistanceMonitoring: MonitoringMapping = {
  serviceCode: 'housing-assistance',
  intakeEvent: 'ApplicationSubmitted',
  stages: {
    ApplicationSubmitted: go('registration'),
    CompleteDocumentsAccepted: go('documents-accepted'),
    AssistanceAssigned: go('assistance-assigned'),
    AssistanceRefused: { stage: 'refusal', status: 'refused' },
    ResultIssued: (d) => ({
      stage: 'result-issued',
      status: d.outcome === 'refused' ? 'refused' : 'completed',
    }),
    ApplicationWithdrawn: { stage: 'withdrawn', status: 'withdrawn' },
  },
  refusalGrounds: (type, data) =>
    type === 'AssistanceRefused' && Array.isArray(data.reasons)
      ? (data.reasons as Data[]).map((r) => r.ground).filter((g): g is string => typeof g === 'string')
      : undefined,
};
