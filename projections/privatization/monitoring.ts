/**
 * The privatization stages of the monitoring feed (Rules §11; Rules §9 stages), as data: the service's definition
 * names this mapping (services/features/privatization/definition.ts), and the feed and the dashboard read it from there.
 */
import { inProgress as go, strings, type MonitoringMapping } from '../monitoring/services';

export const privatizationMonitoring: MonitoringMapping = {
  serviceCode: 'privatization',
  intakeEvent: 'ApplicationRegistered',
  stages: {
    ApplicationRegistered: go('registration'), // stage 1 (Rules §5, §9)
    DocumentReviewCompleted: go('document-review'), // stage 2 (Rules §9.1)
    CommissionFormed: go('commission-formed'),
    PreliminaryRefusalIssued: go('preliminary-refusal'), // Rules §10
    HearingScheduled: go('hearing-scheduled'),
    HearingHeld: go('hearing-held'),
    PrivatizationDecisionAdopted: go('privatization-decision'),
    ReasonedRefusalIssued: { stage: 'reasoned-refusal', status: 'refused' },
    PetitionSent: go('transfer-petition'), // track 3 (Rules §9.3)
    PropertyBodyDecisionRecorded: go('transfer-decision'),
    TransferActSigned: go('transfer-act-signed'), // tracks 2–3 (Rules §9.2, §9.3)
    TransferActApproved: go('transfer-act-approved'),
    TitleRegistered: go('title-registered'),
    TransferCompleted: go('transfer-completed'),
    ContractSigned: go('contract-signed'), // stage 3 / 4
    ResultIssued: (d) => ({
      stage: 'result-issued',
      status: d.resultKind === 'reasoned-refusal' ? 'refused' : 'completed',
    }),
    ApplicationWithdrawn: { stage: 'withdrawn', status: 'withdrawn' },
  },
  refusalGrounds: (type, data) => {
    if (type === 'DocumentReviewCompleted') return strings(data.groundsFound);
    if (type === 'PreliminaryRefusalIssued' || type === 'ReasonedRefusalIssued') return strings(data.grounds);
    return undefined;
  },
  hearingHeldEvent: 'HearingHeld',
};
