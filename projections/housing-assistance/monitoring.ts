/**
 * The housing assistance stages of the monitoring feed (Rules §11; HA Rules), as data: the service's definition names
 * this mapping (services/features/housing-assistance/definition.ts), and the feed and the dashboard read it from there.
 */
import { inProgress as go, type MonitoringMapping } from '../monitoring/services';

type Data = Record<string, unknown>;

export const housingAssistanceMonitoring: MonitoringMapping = {
  serviceCode: 'housing-assistance',
  intakeEvent: 'HousingAssistanceApplicationSubmitted',
  stages: {
    HousingAssistanceApplicationSubmitted: go('registration'),
    CompleteDocumentsAccepted: go('documents-accepted'),
    HousingAssistanceAssigned: go('assistance-assigned'),
    HousingAssistanceRefused: { stage: 'refusal', status: 'refused' },
    HousingAssistanceResultIssued: (d) => ({
      stage: 'result-issued',
      status: d.outcome === 'refused' ? 'refused' : 'completed',
    }),
    HousingAssistanceApplicationWithdrawn: { stage: 'withdrawn', status: 'withdrawn' },
  },
  refusalGrounds: (type, data) =>
    type === 'HousingAssistanceRefused' && Array.isArray(data.reasons)
      ? (data.reasons as Data[]).map((r) => r.ground).filter((g): g is string => typeof g === 'string')
      : undefined,
};
