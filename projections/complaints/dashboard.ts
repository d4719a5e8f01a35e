/**
 * A complaint on the dashboard (Rules §13–§14): its stages as data — the event that reaches the stage, its status, and
 * the outcome it records (complaints by outcome) — and the summary they fold into (the complaints definition's
 * `dashboard`, services/features/complaints/definition.ts).
 */
import { localDateOf } from '../../domain/calendar/dates';
import { enterStage, openedSummary, type DashboardSummary } from '../dashboard/case-summary';

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

/** A complaint's summary: opened when lodged (`about`: the service of the case complained about), then its stages. */
export const complaintSummary: DashboardSummary = (doc, event, source) => {
  let next = doc;
  if (!next) {
    if (event.type !== 'ComplaintLodged') return null;
    next = openedSummary(event, source.service, event.streamName.slice(source.streamPrefix.length), 'complaint');
  }
  const change = complaintStages[event.type];
  if (change) {
    const data = event.data as Data;
    next = enterStage(next, change.stage, change.status, localDateOf(event.metadata.occurredAt));
    const outcome = change.outcome?.(data);
    if (outcome) next = { ...next, outcome };
  }
  return next;
};
