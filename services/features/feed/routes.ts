/**
 * `GET /v1/monitoring/feed?after=<cursor>&limit=&serviceCode=` (docs/HTTP-CONTRACT.md "Monitoring feed"): JSON pages,
 * or with `Accept: text/event-stream` a live stream (`id:` = cursor, so `Last-Event-ID` resumes after a reconnect).
 * Mounted under the authenticated /v1 router (AppDeps.extraRoutes). Who sees what: monitoring, auditors, investigators
 * and the quality authority every provider; provider staff their own provider only (the messages carry no personal
 * data, Rules §11).
 */
import { Router, type Request, type Response } from 'express';
import type { Principal } from '../../platform/auth/principal';
import { HttpProblem } from '../../platform/http/problem';
import { ROLE_POLICIES } from '../../platform/roles';
import type { ReadStore } from '../../platform/readstore/port';
import { readFeed, type FeedQuery, type FeedSignal } from '../../platform/feed/feed-store';

export interface FeedRouteDeps {
  readStore: ReadStore;
  signal?: FeedSignal;
  /** Event streams poll at this interval when no in-process signal arrives (default 1000 ms). */
  pollMs?: number;
  /** Comment line sent on an idle stream so proxies keep it open (default 15 s). */
  heartbeatMs?: number;
}

const READERS_OF_ALL = new Set(['monitoring', 'auditor', 'investigator', 'quality-authority']);

/** The provider restriction of the caller, or 403. */
export function feedScope(principal: Principal): { providerId?: string } {
  if (principal.roles.some((r) => READERS_OF_ALL.has(r))) return {};
  const providerStaff = principal.roles.some((r) => ROLE_POLICIES[r]?.scope === 'provider');
  if (providerStaff && principal.providerId) return { providerId: principal.providerId };
  throw new HttpProblem(403, 'forbidden', 'The monitoring feed is for monitoring, audit and provider staff');
}

function cursorParam(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new HttpProblem(400, 'invalid-query', `${name} must be a non-negative integer cursor`);
  }
  return n;
}

function feedQuery(req: Request, res: Response): FeedQuery {
  const principal = res.locals.principal as Principal;
  const scope = feedScope(principal);
  const limit = cursorParam(req.query.limit, 'limit') ?? 100;
  if (limit < 1 || limit > 1000) throw new HttpProblem(400, 'invalid-query', 'limit must be between 1 and 1000');
  const serviceCode = typeof req.query.serviceCode === 'string' ? req.query.serviceCode : undefined;
  const after = cursorParam(req.get('last-event-id'), 'Last-Event-ID') ?? cursorParam(req.query.after, 'after') ?? 0;
  return { after, limit, ...scope, ...(serviceCode ? { serviceCode } : {}) };
}

async function stream(req: Request, res: Response, deps: FeedRouteDeps, query: FeedQuery): Promise<void> {
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  let open = true;
  let wake: (() => void) | undefined;
  let pending = false;
  const unsubscribe = deps.signal?.onAdvance(() => {
    pending = true;
    wake?.();
  });
  req.on('close', () => {
    open = false;
    wake?.();
  });
  let after = query.after ?? 0;
  let idleSince = Date.now();
  try {
    while (open) {
      pending = false;
      const page = await readFeed(deps.readStore, { ...query, after });
      for (const m of page.items) res.write(`id: ${m.position}\nevent: service-stage\ndata: ${JSON.stringify(m)}\n\n`);
      after = Number(page.nextCursor);
      if (page.items.length > 0) idleSince = Date.now();
      if (page.items.length === (query.limit ?? 100)) continue;
      if (Date.now() - idleSince >= (deps.heartbeatMs ?? 15000)) {
        res.write(': keep-alive\n\n');
        idleSince = Date.now();
      }
      if (pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deps.pollMs ?? 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    unsubscribe?.();
    res.end();
  }
}

export function monitoringFeedRoutes(deps: FeedRouteDeps): Router {
  const router = Router();
  router.get('/feed', async (req, res) => {
    const query = feedQuery(req, res);
    const wantsStream = req.accepts(['application/json', 'text/event-stream']) === 'text/event-stream';
    if (wantsStream && (req.get('accept') ?? '').includes('text/event-stream')) return stream(req, res, deps, query);
    res.json(await readFeed(deps.readStore, query));
  });
  return router;
}
