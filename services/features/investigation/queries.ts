/**
 * Complaints in the case view and timeline, and the compliance report on the timeline, as a decoration
 * of the platform's CaseQueries: `GET …/cases/{id}` gains `complaints` (each linking its complaint view), and
 * `GET …/cases/{id}/timeline` gains the complaints' entries (merged in log order) and `complianceReport`.
 * A complaint's own timeline gains the compliance report of its terms.
 */
import type { ComplaintViewDoc } from '../../../projections/complaints/complaint-view';
import { complaintsForCaseView, mergeCaseTimeline } from '../../../projections/complaints/case-entries';
import type { ReadStore } from '../../platform/readstore/port';
import type { CaseQueries } from '../../platform/ports';
import { streamNameOf, type ServiceModule } from '../../platform/service-module';
import { complianceReport } from './compliance';
import { complianceOf, type InvestigationDeps } from './load';

export const COMPLAINTS_SERVICE = 'complaints';

export function withComplaintsAndCompliance(
  queries: CaseQueries,
  deps: InvestigationDeps & { readStore: ReadStore },
): CaseQueries {
  async function complaintDocs(caseId: string): Promise<ComplaintViewDoc[]> {
    const page = await deps.readStore.find<ComplaintViewDoc>('complaints', { where: { caseId }, limit: 1000 });
    return page.items;
  }
  return {
    ...queries,
    async caseView(module: ServiceModule, caseId: string, today: string) {
      const view = await queries.caseView(module, caseId, today);
      if (!view || module.service === COMPLAINTS_SERVICE) return view;
      return { ...view, complaints: complaintsForCaseView(await complaintDocs(caseId)) };
    },
    async timeline(module: ServiceModule, caseId: string, today: string) {
      const timeline = (await queries.timeline(module, caseId, today)) as Record<string, unknown> | null;
      if (!timeline) return timeline;
      if (module.service === COMPLAINTS_SERVICE) {
        const streamName = streamNameOf(module, caseId);
        const events = await deps.eventStore.readStream(streamName);
        return {
          ...timeline,
          complianceReport: complianceReport(
            [{ streamName, subject: { complaintId: caseId }, events }],
            deps.calendar,
            today,
          ),
        };
      }
      // A timeline read step by step (privatization: `steps`) or kept in one document (`entries`).
      const key = Array.isArray(timeline.steps) ? 'steps' : 'entries';
      const entries = (Array.isArray(timeline[key]) ? timeline[key] : []) as { position?: unknown }[];
      const positioned = entries.map((e) => ({ ...e, position: typeof e.position === 'number' ? e.position : 0 }));
      return {
        ...timeline,
        [key]: mergeCaseTimeline(positioned, await complaintDocs(caseId)),
        complianceReport: await complianceOf(deps, module, caseId, today),
      };
    },
  };
}
