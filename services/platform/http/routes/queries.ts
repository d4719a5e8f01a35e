/**
 * Query routes of one service module (docs/HTTP-CONTRACT.md "Queries"): case view, list with filters and cursor
 * pagination, timeline, time travel (`state?asOf=`). Every single-case read is authorised against the parties folded
 * from the case's own stream (authoritative, independent of projection lag); lists are restricted to the caller's
 * reach. `minPosition` (or, for single-case reads, the case's own last position) waits briefly for the projector, so a
 * client reads its own writes.
 */
import { Router, type Request, type Response } from 'express';
import type { Principal } from '../../auth/principal';
import { authorizeRead, listScopeOf } from '../../auth/policy';
import type { KezenCalendar } from '../../../../domain/calendar/calendar';
import { isValidLocalDate } from '../../../../domain/calendar/dates';
import type { CaseListFilters, CaseQueries, LoadedCase } from '../../ports';
import type { ServiceModule } from '../../service-module';
import { etagOf, forPrincipal, isUuid, minPositionOf, principalOf } from '../context';
import { InvalidInstant, parseInstant, stateAsOf, type TimeAxis } from '../../../features/timetravel/state-as-of';
import { badRequest, forbidden, HttpProblem, notFound, projectionBehind, type FieldError } from '../problem';

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

const STATE_PARAMS = new Set(['asOf', 'by']);

/**
 * `asOf` (an ISO-8601 instant with an offset) and `by`, the time axis: `occurredAt` (default: business time, when
 * the steps happened — what an investigator asks about) or `recordedAt` (what the system knew at that instant).
 */
function parseAsOf(req: Request): { asOf?: string; by: TimeAxis } {
  const q = req.query as Record<string, unknown>;
  const fields: FieldError[] = [];
  for (const k of Object.keys(q))
    if (!STATE_PARAMS.has(k)) fields.push({ path: k, message: 'unknown query parameter' });
  let by: TimeAxis = 'occurredAt';
  if (q.by !== undefined) {
    if (q.by === 'occurredAt' || q.by === 'recordedAt') by = q.by;
    else fields.push({ path: 'by', message: 'must be occurredAt or recordedAt' });
  }
  let asOf: string | undefined;
  if (q.asOf !== undefined) {
    if (typeof q.asOf !== 'string' || !isInstant(q.asOf))
      fields.push({ path: 'asOf', message: 'must be an ISO-8601 instant with a time zone' });
    else asOf = q.asOf;
  }
  if (fields.length > 0)
    throw badRequest('invalid-query', 'asOf must be an ISO-8601 instant, e.g. 2026-05-06T04:30:00Z', fields);
  return { asOf, by };
}

function isInstant(value: string): boolean {
  try {
    parseInstant(value);
    return true;
  } catch (e) {
    if (e instanceof InvalidInstant) return false;
    throw e;
  }
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

  /** Loads the case (now) and checks the caller may see it: 404 when there is no such case, 403 when out of reach. */
  async function reachable(principal: Principal, caseId: string): Promise<LoadedCase> {
    if (!isUuid(caseId)) throw notFound(`No case ${caseId}`);
    const loaded = await deps.queries.load(module, caseId);
    if (loaded.revision < 0) throw notFound(`No case ${caseId}`);
    const decision = authorizeRead(principal, module.partiesOf(loaded.state));
    if (!decision.allowed) throw forbidden(decision.reason);
    return loaded;
  }

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

  router.get('/:caseId/state', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const caseId = String(req.params.caseId);
    const { asOf, by } = parseAsOf(req);
    // Reach is judged on the case as it is now; the answer is the case as it was — folded from the same read of the
    // stream (one read instead of two: time travel on a 200-event case is mostly reading and decoding).
    const now = await reachable(principal, caseId);
    if (asOf === undefined) {
      res.json(
        forPrincipal(principal, {
          caseId,
          asOf: deps.clock().toISOString(),
          revision: now.revision,
          position: now.position,
          state: now.state,
        }),
      );
      return;
    }
    const then = await stateAsOf({ readStream: async () => now.events }, '', module.decider, asOf, { by });
    if (then.revision < 0) throw new HttpProblem(404, 'not-yet-existing', `Case ${caseId} did not exist at ${asOf}`);
    res.json(
      forPrincipal(principal, {
        caseId,
        asOf: then.asOf,
        by,
        revision: then.revision,
        position: then.position,
        state: then.state,
      }),
    );
  });

  return router;
}
