/**
 * Query routes of one service module (docs/HTTP-CONTRACT.md "Queries"): case view, list with filters and cursor
 * pagination, timeline (time travel, `state?asOf=`, is the timetravel feature's: services/features/timetravel). Every
 * single-case read is authorised against the parties folded from the case's own stream (authoritative, independent
 * of projection lag); lists are restricted to the caller's reach.
 * `minPosition` (or, for single-case reads, the case's own last position) waits briefly for the projector, so a
 * client reads its own writes.
 */
import { Router, type Request, type Response } from 'express';
import type { Principal } from '../../auth/principal';
import { listScopeOf } from '../../auth/policy';
import type { KezenCalendar } from '../../../../domain/calendar/calendar';
import { isValidLocalDate } from '../../../../domain/calendar/dates';
import type { CaseListFilters, CaseQueries } from '../../ports';
import type { ServiceModule } from '../../service-module';
import { reachableCase } from '../case-access';
import { etagOf, forPrincipal, minPositionOf, principalOf } from '../context';
import { badRequest, forbidden, HttpProblem, projectionBehind, type FieldError } from '../problem';

export interface QueryRouteDeps {
  queries: CaseQueries;
  calendar: KezenCalendar;
  clock: () => Date;
  /** How long a read waits for the projector to reach the wanted position. */
  waitTimeoutMs: number;
}

const LIST_PARAMS = new Set([
  'providerId',
  'status',
  'stage',
  'overdue',
  'submittedFrom',
  'submittedTo',
  'limit',
  'cursor',
  'minPosition',
]);

function parseList(req: Request): CaseListFilters {
  const q = req.query as Record<string, unknown>;
  const fields: FieldError[] = [];
  for (const k of Object.keys(q)) if (!LIST_PARAMS.has(k)) fields.push({ path: k, message: 'unknown query parameter' });
  const str = (k: string, max = 200): string | undefined => {
    const v = q[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length === 0 || v.length > max) {
      fields.push({ path: k, message: `must be one non-empty string of at most ${max} characters` });
      return undefined;
    }
    return v;
  };
  const date = (k: string) => {
    const v = str(k, 10);
    if (v !== undefined && !isValidLocalDate(v)) fields.push({ path: k, message: 'must be a real date YYYY-MM-DD' });
    return v;
  };
  const filters: CaseListFilters = { limit: 50 };
  const providerId = str('providerId');
  const status = str('status');
  const stage = str('stage');
  const submittedFrom = date('submittedFrom');
  const submittedTo = date('submittedTo');
  const cursor = str('cursor', 2000);
  if (providerId) filters.providerId = providerId;
  if (status) filters.status = status;
  if (stage) filters.stage = stage;
  if (submittedFrom) filters.submittedFrom = submittedFrom;
  if (submittedTo) filters.submittedTo = submittedTo;
  if (cursor) filters.cursor = cursor;
  const overdue = str('overdue', 5);
  if (overdue !== undefined) {
    if (overdue !== 'true' && overdue !== 'false') fields.push({ path: 'overdue', message: 'must be true or false' });
    else filters.overdue = overdue === 'true';
  }
  const limit = str('limit', 4);
  if (limit !== undefined) {
    const n = Number(limit);
    if (!/^\d+$/.test(limit) || n < 1 || n > 200) fields.push({ path: 'limit', message: 'must be an integer 1–200' });
    else filters.limit = n;
  }
  if (fields.length > 0) throw badRequest('invalid-query', 'The query parameters are not valid', fields);
  return filters;
}

export function queryRoutes(module: ServiceModule, deps: QueryRouteDeps): Router {
  const router = Router();
  const today = () => deps.calendar.localDate(deps.clock().toISOString());

  /** Read your own writes: the read model must have applied `position`, else a retryable 503 (never a stale 200). */
  async function waitFor(res: Response, position: number | undefined): Promise<void> {
    if (position === undefined || position <= 0) return;
    if (!(await deps.queries.waitForPosition(position, deps.waitTimeoutMs)))
      throw projectionBehind(res, position, deps.waitTimeoutMs);
  }

  const reachable = (principal: Principal, caseId: string) => reachableCase(deps.queries, principal, module, caseId);

  router.get('/', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const filters = parseList(req);
    const scope = listScopeOf(principal);
    if (scope?.none)
      throw forbidden('Your token reaches no cases (provider staff need `providerId`, applicants `iin`)');
    if (scope?.providerId && !scope.partyIin && filters.providerId && filters.providerId !== scope.providerId)
      throw forbidden("Provider staff see only their own provider's cases");
    await waitFor(res, minPositionOf(req));
    const page = await deps.queries.listCases(module, filters, scope, today());
    res.json(forPrincipal(principal, page));
  });

  router.get('/:caseId', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const caseId = String(req.params.caseId);
    const minPosition = minPositionOf(req);
    const loaded = await reachable(principal, caseId);
    await waitFor(res, Math.max(minPosition ?? 0, loaded.position));
    const view = await deps.queries.caseView(module, caseId, today());
    if (!view) throw new HttpProblem(503, 'projection-behind', 'The case view is not built yet; retry shortly');
    res
      .set('ETag', etagOf(loaded.revision))
      .json(forPrincipal(principal, { ...view, revision: loaded.revision, position: loaded.position }));
  });

  router.get('/:caseId/timeline', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const caseId = String(req.params.caseId);
    const minPosition = minPositionOf(req);
    const loaded = await reachable(principal, caseId);
    await waitFor(res, Math.max(minPosition ?? 0, loaded.position));
    const timeline = await deps.queries.timeline(module, caseId, today());
    if (!timeline) throw new HttpProblem(503, 'projection-behind', 'The timeline is not built yet; retry shortly');
    res.set('ETag', etagOf(loaded.revision)).json(forPrincipal(principal, timeline));
  });

  return router;
}
