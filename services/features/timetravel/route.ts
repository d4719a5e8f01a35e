/**
 * GET {basePath}/{caseId}/state?asOf=&by= (docs/HTTP-CONTRACT.md "Queries"), for every service: the case's state folded with the
 * service's own `evolve` as of an instant (./state-as-of.ts), or now. Whoever may read the case may read this.
 */
import { Router, type Request, type Response } from 'express';
import { reachableCase } from '../../platform/http/case-access';
import { forPrincipal, principalOf } from '../../platform/http/context';
import { badRequest, HttpProblem, type FieldError } from '../../platform/http/problem';
import type { CaseQueries } from '../../platform/ports';
import type { ServiceModule } from '../../platform/service-module';
import { InvalidInstant, parseInstant, stateAsOf, type TimeAxis } from './state-as-of';

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

export function timeTravelRoutes(module: ServiceModule, deps: { queries: CaseQueries; clock: () => Date }): Router {
  const router = Router();
  router.get('/:caseId/state', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const caseId = String(req.params.caseId);
    const { asOf, by } = parseAsOf(req);
    // Reach is judged on the case as it is now; the answer is the case as it was — folded from the same read of the
    // stream (one read instead of two: time travel on a 200-event case is mostly reading and decoding).
    const now = await reachableCase(deps.queries, principal, module, caseId);
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
