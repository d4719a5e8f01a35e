/**
 * Operations (docs/HTTP-CONTRACT.md "Operations"): `/healthz` (the process answers), `/readyz` (backing servers and
 * projections), `/metrics`.
 */
import { Router, type Request, type Response } from 'express';
import type { KezenMetrics } from '../../observability/metrics';
import { sendProblem } from '../problem';

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface OpsDeps {
  metrics: KezenMetrics;
  /** Checks of the backing servers and projection lag (services/composition.ts). */
  readiness: () => Promise<ReadinessCheck[]>;
  /** Refreshes gauges (projection lag, log head) before a scrape. */
  beforeScrape?: () => Promise<void>;
}

export function opsRoutes(deps: OpsDeps): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    let checks: ReadinessCheck[];
    try {
      checks = await deps.readiness();
    } catch (e) {
      checks = [{ name: 'readiness', ok: false, detail: (e as Error).message }];
    }
    if (checks.every((c) => c.ok)) {
      res.json({ status: 'ready', checks });
      return;
    }
    // Not ready: a problem (docs/HTTP-CONTRACT.md "Errors": 503 a backing server is down) naming the failing checks;
    // the API itself keeps answering (e.g. while Kafka or the read store is down).
    const failing = checks.filter((c) => !c.ok);
    sendProblem(res, {
      type: 'https://kezen.kz/problems/not-ready',
      title: 'Service unavailable',
      status: 503,
      code: 'not-ready',
      detail: `Not ready: ${failing.map((c) => (c.detail ? `${c.name} (${c.detail})` : c.name)).join('; ')}`,
      failing: failing.map((c) => c.name),
      checks,
    });
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    await deps.beforeScrape?.().catch(() => undefined);
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
