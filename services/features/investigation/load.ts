/**
 * The I/O edge of the investigator's view: reads a case's stream and the streams of the complaints about it, checks
 * their hash chains, and hands them to the pure builders (compliance.ts, case-file.ts, state-diff.ts).
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import type { WorkingCalendar } from '../../../domain/calendar/types';
import { complaintStreamName } from '../../../domain/complaints';
import { verifyStream } from '../../platform/eventstore/hash-chain';
import type { EventStore } from '../../platform/eventstore/port';
import type { ReadStore } from '../../platform/readstore/port';
import { streamNameOf, type ServiceModule } from '../../platform/service-module';
import { buildCaseFile, type AdministrativeCaseFile, type ChainCheck } from './case-file';
import { complianceReport, type ComplianceReport } from './compliance';

export interface InvestigationDeps {
  eventStore: EventStore;
  calendar: WorkingCalendar;
  /** The complaints lodged about a case (ids). */
  complaintIdsOfCase(caseId: string): Promise<string[]>;
}

/** Complaint ids from the complaint view (indexed by caseId, projections/complaints). */
export function complaintIdsFromReadStore(readStore: ReadStore, collection = 'complaints') {
  return async (caseId: string): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await readStore.find(collection, { where: { caseId }, limit: 1000, ...(after ? { after } : {}) });
      ids.push(...page.items.map((d) => d.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    return ids;
  };
}

export interface CaseStreams {
  caseStreamName: string;
  caseEvents: RecordedEvent[];
  complaintStreams: { streamName: string; complaintId: string; events: RecordedEvent[] }[];
}

export async function loadCaseStreams(
  deps: InvestigationDeps,
  module: ServiceModule,
  caseId: string,
): Promise<CaseStreams> {
  const caseStreamName = streamNameOf(module, caseId);
  const [caseEvents, complaintIds] = await Promise.all([
    deps.eventStore.readStream(caseStreamName),
    deps.complaintIdsOfCase(caseId),
  ]);
  const complaintStreams = await Promise.all(
    [...complaintIds].sort().map(async (complaintId) => {
      const streamName = complaintStreamName(complaintId);
      return { streamName, complaintId, events: await deps.eventStore.readStream(streamName) };
    }),
  );
  return { caseStreamName, caseEvents, complaintStreams };
}

export async function chainCheckOf(store: EventStore, streamName: string): Promise<ChainCheck> {
  const result = await verifyStream(store, streamName);
  const [head] = await store.readStream(streamName, { direction: 'backwards', maxCount: 1 });
  return {
    streamName,
    valid: result.valid,
    checked: result.checked,
    headRevision: head ? head.revision : -1,
    headHash: head ? head.metadata.hash : null,
    ...(result.firstBroken
      ? {
          firstBroken: {
            revision: result.firstBroken.revision,
            reason: result.firstBroken.reason,
            expected: result.firstBroken.expected,
            actual: result.firstBroken.actual,
          },
        }
      : {}),
  };
}

export async function complianceOf(
  deps: InvestigationDeps,
  module: ServiceModule,
  caseId: string,
  today: string,
): Promise<ComplianceReport> {
  const s = await loadCaseStreams(deps, module, caseId);
  return complianceReport(
    [
      { streamName: s.caseStreamName, subject: 'case', events: s.caseEvents },
      ...s.complaintStreams.map((c) => ({
        streamName: c.streamName,
        subject: { complaintId: c.complaintId },
        events: c.events,
      })),
    ],
    deps.calendar,
    today,
  );
}

export async function caseFileOf(
  deps: InvestigationDeps,
  module: ServiceModule,
  caseId: string,
  generatedAt: string,
): Promise<AdministrativeCaseFile | null> {
  const s = await loadCaseStreams(deps, module, caseId);
  if (s.caseEvents.length === 0) return null;
  const state = s.caseEvents.reduce(module.decider.evolve, module.decider.initialState);
  const chainChecks = await Promise.all(
    [s.caseStreamName, ...s.complaintStreams.map((c) => c.streamName)].map((n) => chainCheckOf(deps.eventStore, n)),
  );
  return buildCaseFile({
    service: module.service,
    caseId,
    caseStreamName: s.caseStreamName,
    caseEvents: s.caseEvents,
    state,
    complaintStreams: s.complaintStreams,
    chainChecks,
    calendar: deps.calendar,
    generatedAt,
  });
}
