/**
 * Stages of a complaint (Rules §13–§14) for the dashboard, as data: the event that reaches the stage, its status,
 * and the outcome it records (complaints by outcome).
 */
import { COMPLAINT_STREAM_PREFIX } from '../../domain/complaints/stream';

export const COMPLAINT_PREFIX = COMPLAINT_STREAM_PREFIX;

type Data = Record<string, unknown>;

export interface ComplaintStage {
  stage: string;
  status: 'in-progress' | 'completed' | 'withdrawn';
  outcome?: (data: Data) => string | undefined;
}

export const complaintStages: Readonly<Record<string, ComplaintStage>> = {
  ComplaintLodged: { stage: 'lodged', status: 'in-progress' }, // Rules §14: lodged with the provider
  ComplaintRegistered: { stage: 'registered', status: 'in-progress' }, // Rules §13: the review term runs
  // Rules §14: fully satisfied by the provider within 3 working days — not forwarded.
  ComplaintSatisfied: { stage: 'satisfied', status: 'completed', outcome: () => 'satisfied-by-provider' },
  ComplaintForwarded: { stage: 'forwarded', status: 'in-progress' }, // Rules §14: to the complaint-review body
  ComplaintDecided: {
    stage: 'decided',
    status: 'completed',
    outcome: (d) => (typeof d.outcome === 'string' ? d.outcome : undefined), // Rules §13
  },
  ComplaintWithdrawn: { stage: 'withdrawn', status: 'withdrawn', outcome: () => 'withdrawn' },
};
