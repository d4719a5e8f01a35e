/**
 * The CaseQueries the routes use: case views, lists and timelines from the read store (projections of the
 * modules, see `ServiceModule.readModels`), and the authoritative fold of a case's stream for authorisation.
 * Time travel (`state?asOf=`) is services/features/timetravel's `stateAsOf`, the one fold-as-of implementation.
 * "Overdue" is computed here against today, from the stored due dates (projections are pure, without a clock).
 */
import type { EventStore } from './eventstore/port';
import type { FieldCondition, ReadStore } from './readstore/port';
import { readTimeline } from './readstore/timeline-query';
import type { ListScope } from './auth/policy';
import type { CaseListFilters, CasePage, CaseQueries } from './ports';
import { streamNameOf, type ServiceModule } from './service-module';

export interface CaseQueriesDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Names of every projection the projector runs (their checkpoints decide `waitForPosition`). */
  projectionNames: () => readonly string[];
  /** Poll interval while waiting for the projector. */
  pollMs?: number;
}

const field = (module: ServiceModule, name: keyof NonNullable<ServiceModule['readModels']['fields']>) =>
  module.readModels.fields?.[name] ?? name;

/** A case document as answered: without the projection's internal members (ReadDoc), with `overdue` as of today. */
function answered(module: ServiceModule, doc: Record<string, unknown>, today: string): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key in doc) if (!key.startsWith('_')) view[key] = doc[key];
  const openDueOn = doc[field(module, 'openDueOn')];
  view.overdue = typeof openDueOn === 'string' && openDueOn < today;
  view.asOfDate = today;
  return view;
}

export function createCaseQueries(deps: CaseQueriesDeps): CaseQueries {
  const pollMs = deps.pollMs ?? 5;

  async function minCheckpoint(): Promise<number> {
    const names = deps.projectionNames();
    if (names.length === 0) return Number.MAX_SAFE_INTEGER;
    const cps = await Promise.all(names.map((n) => deps.readStore.getCheckpoint(n)));
    return Math.min(...cps);
  }

  return {
    async caseView(module, caseId, today) {
      const doc = await deps.readStore.get(module.readModels.cases, caseId);
      return doc ? answered(module, doc, today) : null;
    },

    async listCases(module, filters: CaseListFilters, scope: ListScope | null, today): Promise<CasePage> {
      const where: Record<string, FieldCondition> = {};
      if (filters.providerId) where[field(module, 'providerId')] = filters.providerId;
      if (filters.status) where[field(module, 'status')] = filters.status;
      if (filters.stage) where[field(module, 'stage')] = filters.stage;
      const submitted: { gte?: string; lte?: string } = {};
      if (filters.submittedFrom) submitted.gte = filters.submittedFrom;
      if (filters.submittedTo) submitted.lte = filters.submittedTo;
      if (submitted.gte || submitted.lte) where[field(module, 'submittedOn')] = submitted;
      if (filters.overdue === true) where[field(module, 'openDueOn')] = { lt: today, ne: null };
      // Not overdue: the earliest owed deadline is today or later, or no deadline is owed at all.
      if (filters.overdue === false) where[field(module, 'openDueOn')] = { gte: today, orNull: true };
      // The caller's reach (lists never show what a single read would refuse).
      if (scope?.providerId && !scope.partyIin) where[field(module, 'providerId')] = scope.providerId;
      else if (scope?.partyIin) where[field(module, 'partyIins')] = scope.partyIin;
      const page = await deps.readStore.find(module.readModels.cases, {
        where,
        orderBy: [{ field: field(module, 'submittedOn'), direction: 'desc' }],
        limit: filters.limit,
        ...(filters.cursor ? { after: filters.cursor } : {}),
      });
      return { items: page.items.map((d) => answered(module, d, today)), nextCursor: page.nextCursor };
    },

    async timeline(module, caseId, today) {
      // Every service's timeline carries the case's deadlines as its case view gives them (`dueDates`).
      const caseDoc = await deps.readStore.get(module.readModels.cases, caseId);
      const dueDates = caseDoc?.dueDates ?? [];
      const steps = module.readModels.timelineSteps;
      if (steps) {
        const timeline = await readTimeline(deps.readStore, steps, streamNameOf(module, caseId));
        return timeline ? { ...timeline, dueDates, asOfDate: today } : null;
      }
      if (module.readModels.timelines) {
        const doc = await deps.readStore.get(module.readModels.timelines, caseId);
        return doc ? { ...doc, dueDates, asOfDate: today } : null;
      }
      return caseDoc ? { caseId, entries: caseDoc.timeline ?? [], dueDates, asOfDate: today } : null;
    },

    async load(module, caseId) {
      const events = await deps.eventStore.readStream(streamNameOf(module, caseId));
      let state = module.decider.initialState;
      for (const e of events) state = module.decider.evolve(state, e);
      const last = events[events.length - 1];
      return { state, revision: last ? last.revision : -1, position: last ? last.position : 0, events };
    },

    async waitForPosition(position, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await minCheckpoint()) >= position) return true;
        if (Date.now() >= deadline) return false;
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },

    async projectionCheckpoints() {
      const out: Record<string, number> = {};
      for (const n of deps.projectionNames()) out[n] = await deps.readStore.getCheckpoint(n);
      return out;
    },
  };
}
