/**
 * GET /v1/dashboard?service=&providerId=&from=&to= for `monitoring`, `auditor` and provider staff.
 * Provider staff see only their own provider's numbers: their token's providerId replaces any providerId asked for.
 */
import { Router, type Request, type Response } from 'express';
import { isValidLocalDate } from '../../../domain/calendar/dates';
import { principalOf } from '../../platform/http/context';
import { badRequest, forbidden } from '../../platform/http/problem';
import { ROLE_POLICIES } from '../../platform/roles';
import type { createDashboardQuery } from './query';

const WHOLE_SYSTEM_ROLES = new Set(['monitoring', 'auditor', 'investigator', 'quality-authority']);

/** `services`: the dashboard's services, in registry order (the first is the default). */
export function dashboardRoutes(query: ReturnType<typeof createDashboardQuery>, services: readonly string[]): Router {
  const router = Router();
  router.get('/dashboard', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    const wholeSystem = principal.roles.some((r) => WHOLE_SYSTEM_ROLES.has(r));
    const providerStaff = principal.roles.some((r) => ROLE_POLICIES[r]?.scope === 'provider');
    if (!wholeSystem && !(providerStaff && principal.providerId))
      throw forbidden('The dashboard is for monitoring, auditors and provider staff (their own provider)');
    const q = req.query as Record<string, unknown>;
    const one = (name: string): string | null => {
      const v = q[name];
      if (v === undefined || v === '') return null;
      if (typeof v !== 'string' || v.length > 100)
        throw badRequest('invalid-query', `${name} must be one value`, [{ path: name, message: 'one value' }]);
      return v;
    };
    const service = one('service') ?? services[0]!;
    if (!services.includes(service))
      throw badRequest('invalid-query', `service must be one of ${services.join(', ')}`, [
        { path: 'service', message: 'unknown service' },
      ]);
    const from = one('from');
    const to = one('to');
    for (const [name, v] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (v !== null && !isValidLocalDate(v))
        throw badRequest('invalid-query', `${name} must be a date YYYY-MM-DD`, [{ path: name, message: 'YYYY-MM-DD' }]);
    // A provider's staff see their own numbers only, whatever they ask for.
    const providerId = wholeSystem ? one('providerId') : principal.providerId!;
    res.set('Cache-Control', 'no-store');
    res.json(await query({ service, providerId, from, to }));
  });
  return router;
}
