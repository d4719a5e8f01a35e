/**
 * Complaint stages for the monitoring feed (Rules §11), in the feed's own format (projections/monitoring/services.ts).
 * The message's `caseId` is the case complained about (ComplaintLodged `caseId`), so a complaint's stages are keyed
 * with the case; `serviceCode` is `complaint`.
 * No personal data: stages, dates and codes only.
 */
import { inProgress as go, type MonitoringMapping } from '../monitoring/services';

export const complaintMonitoring: MonitoringMapping = {
  serviceCode: 'complaint',
  intakeEvent: 'ComplaintLodged',
  stages: {
    ComplaintLodged: go('complaint-lodged'), // Rules §13, §14
    ComplaintRegistered: go('complaint-registered'), // Rules §13: the review term starts
    ComplaintForwarded: go('complaint-forwarded'), // Rules §14
    ComplaintSatisfied: { stage: 'complaint-satisfied', status: 'completed' }, // Rules §14: not forwarded
    ComplaintDecided: (d) => ({
      stage: `complaint-${String(d.outcome ?? 'decided')}`, // Rules §13: upheld / partly-upheld / rejected
      status: d.outcome === 'rejected' ? 'refused' : 'completed',
    }),
    ComplaintWithdrawn: { stage: 'complaint-withdrawn', status: 'withdrawn' },
  },
};
