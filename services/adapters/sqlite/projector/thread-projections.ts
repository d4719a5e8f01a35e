/**
 * The projections a rebuild thread (./rebuild-thread.ts) can build, imported from projections/ alone: functions
 * cannot be sent to a thread, so it builds them itself, and through the service modules (services/platform, HTTP
 * schemas, routes) its start-up cost several times the CPU. A projection missing here (a new service's) is still
 * rebuilt, in one thread (threadFiles compares the very objects).
 */
import { allProjections } from '../../../../projections';
import { complaintViewProjection } from '../../../../projections/complaints/complaint-view';
import { dashboardCasesProjection } from '../../../../projections/dashboard/case-summary';
import { deadlineIndexProjection } from '../../../../projections/dashboard/deadline-index';
import { housingAssistanceCaseViewProjection } from '../../../../projections/housing-assistance/case-view';
import type { Projection } from '../../../../projections/projection';

export function threadProjections(): Map<string, Projection> {
  const list = [
    ...allProjections,
    housingAssistanceCaseViewProjection,
    complaintViewProjection,
    dashboardCasesProjection,
    deadlineIndexProjection,
  ] as unknown as Projection[];
  return new Map(list.map((p) => [p.name, p]));
}
