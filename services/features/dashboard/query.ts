/**
 * The dashboard query: reads the per-case summaries of one service (indexed on service, provider and
 * registration date) and aggregates them (projections/dashboard/aggregate.ts) — never the event log. The answer is
 * cached per (filters, today) until the dashboard projection's checkpoint moves, so a dashboard left open and
 * refreshed by live updates costs one aggregation per change of the log.
 */
import type { WorkingCalendar } from '../../../domain/calendar/types';
import { aggregate, type DashboardNumbers, type DashboardQuery } from '../../../projections/dashboard/aggregate';
import {
  DASHBOARD_CASES,
  DASHBOARD_CASES_PROJECTION,
  type CaseSummary,
} from '../../../projections/dashboard/case-summary';
import type { FieldCondition, ReadStore } from '../../platform/readstore/port';

export interface DashboardDeps {
  readStore: ReadStore;
  calendar: WorkingCalendar;
  clock: () => Date;
  /** KEZEN_APPROACHING_WORKING_DAYS (default 2). */
  approachingWorkingDays?: number;
}

export interface Dashboard extends DashboardNumbers {
  generatedAt: string;
  /** The log position the numbers include (the projection's checkpoint): a live feed resumes after it. */
  position: number;
}

async function all(readStore: ReadStore, where: Record<string, FieldCondition>): Promise<CaseSummary[]> {
  const out: CaseSummary[] = [];
  let after: string | undefined;
  do {
    const page = await readStore.find<CaseSummary>(DASHBOARD_CASES, {
      where,
      limit: 1000,
      ...(after ? { after } : {}),
    });
    out.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return out;
}

function period(q: DashboardQuery): FieldCondition | undefined {
  if (!q.from && !q.to) return undefined;
  return { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) };
}

export function createDashboardQuery(deps: DashboardDeps) {
  const cache = new Map<string, { checkpoint: number; value: Dashboard }>();
  return async function dashboard(query: DashboardQuery): Promise<Dashboard> {
    const now = deps.clock();
    const today = deps.calendar.localDate(now.toISOString());
    const checkpoint = await deps.readStore.getCheckpoint(DASHBOARD_CASES_PROJECTION);
    const key = JSON.stringify([query, today]);
    const hit = cache.get(key);
    if (hit && hit.checkpoint === checkpoint) return hit.value;

    const registered = period(query);
    const where: Record<string, FieldCondition> = {
      service: query.service,
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(registered ? { registeredOn: registered } : {}),
    };
    const complaintsWhere: Record<string, FieldCondition> = {
      service: 'complaints',
      about: query.service,
      ...(query.providerId ? { providerId: query.providerId } : {}),
      ...(registered ? { registeredOn: registered } : {}),
    };
    const [cases, complaints] = await Promise.all([
      all(deps.readStore, where),
      query.service === 'complaints' ? Promise.resolve([]) : all(deps.readStore, complaintsWhere),
    ]);
    // The provider picker: every provider of the service (for a provider's staff, only their own).
    const everyCase = registered || query.providerId ? await all(deps.readStore, { service: query.service }) : cases;
    const providerList = [...new Set(everyCase.map((c) => c.providerId))].sort();
    const numbers = aggregate({
      query,
      cases,
      complaints: query.service === 'complaints' ? cases : complaints,
      providers: providerList,
      today,
      calendar: deps.calendar,
      approachingWorkingDays: deps.approachingWorkingDays ?? 2,
    });
    const value = { ...numbers, generatedAt: now.toISOString(), position: checkpoint };
    if (cache.size > 200) cache.clear();
    cache.set(key, { checkpoint, value });
    return value;
  };
}
