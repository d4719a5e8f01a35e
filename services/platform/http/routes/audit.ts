/**
 * `GET /v1/audit/streams/:streamName/verify` — the hash-chain check of one stream (services/platform/eventstore/hash-chain.ts):
 * valid, events checked, and the first broken link. Who may verify: whoever may read the case.
 */
import { Router, type Request, type Response } from 'express';
import { authorizeRead } from '../../auth/policy';
import type { EventStore } from '../../eventstore/port';
import { verifyStream } from '../../eventstore/hash-chain';
import type { CaseQueries } from '../../ports';
import type { ServiceModule } from '../../service-module';
import { isUuid, principalOf } from '../context';
import { forbidden, notFound } from '../problem';

export function auditRoutes(modules: readonly ServiceModule[], eventStore: EventStore, queries: CaseQueries): Router {
  const router = Router();
  router.get('/streams/:streamName/verify', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const streamName = String(req.params.streamName);
    const module = modules.find((m) => streamName.startsWith(m.streamPrefix));
    const caseId = module ? streamName.slice(module.streamPrefix.length) : '';
    if (!module || !isUuid(caseId)) throw notFound(`No stream ${streamName}`);
    const loaded = await queries.load(module, caseId);
    if (loaded.revision < 0) throw notFound(`No stream ${streamName}`);
    const decision = authorizeRead(principal, module.partiesOf(loaded.state));
    if (!decision.allowed) throw forbidden(decision.reason);
    const result = await verifyStream(eventStore, streamName);
    res.json({ streamName, ...result, verifiedAt: new Date().toISOString() });
  });
  return router;
}
