/**
 * The investigator's routes, mounted on /v1 after authentication:
 *   GET {basePath}/{caseId}/diff?from=&to=     what changed in the case's state between two instants, and the events
 *   GET {basePath}/{caseId}/file               the administrative case file (Rules §14): JSON, or PDF with
 *                                              `Accept: application/pdf` or `?format=pdf`
 *   GET {basePath}/{caseId}/compliance         the compliance report alone
 *   GET /audit/access-log?from=&to=&sub=&caseId=&limit=   who read which case when (auditors)
 * Whoever may read the case may read these (services/platform/auth/policy.ts `authorizeRead`); the reads of investigators and
 * auditors are recorded by the access-log middleware (access-middleware.ts).
 */
import { Router, type Request, type Response } from 'express';
import type { Principal } from '../../platform/auth/principal';
import { authorizeRead } from '../../platform/auth/policy';
import { isValidLocalDate } from '../../../domain/calendar/dates';
import { forPrincipal, isUuid, principalOf } from '../../platform/http/context';
import { badRequest, forbidden, notFound, type FieldError } from '../../platform/http/problem';
import type { CaseQueries } from '../../platform/ports';
import type { ServiceModule } from '../../platform/service-module';
import type { AccessLog } from './access-log';
import { MAX_ACCESS_LOG_DAYS } from './access-log';
import { renderCaseFilePdf } from './case-file-pdf';
import { caseFileOf, complianceOf, type InvestigationDeps } from './load';
import { COMPLAINTS_SERVICE } from './queries';
import { caseDiff } from './state-diff';

export interface InvestigationRouteDeps extends InvestigationDeps {
  modules: readonly ServiceModule[];
  queries: CaseQueries;
  accessLog: AccessLog;
  clock: () => Date;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instantParam(req: Request, name: string, fields: FieldError[]): string | undefined {
  const raw = req.query[name];
  if (typeof raw !== 'string' || !INSTANT.test(raw) || Number.isNaN(Date.parse(raw))) {
    fields.push({ path: name, message: 'must be an ISO-8601 instant with a time zone, e.g. 2026-05-06T04:30:00Z' });
    return undefined;
  }
  return new Date(Date.parse(raw)).toISOString();
}

export function investigationRoutes(deps: InvestigationRouteDeps): Router {
  const router = Router();
  const now = () => deps.clock().toISOString();

  async function reachable(principal: Principal, module: ServiceModule, caseId: string) {
    if (!isUuid(caseId)) throw notFound(`No case ${caseId}`);
    const loaded = await deps.queries.load(module, caseId);
    if (loaded.revision < 0) throw notFound(`No case ${caseId}`);
    const decision = authorizeRead(principal, module.partiesOf(loaded.state));
    if (!decision.allowed) throw forbidden(decision.reason);
    return loaded;
  }

  for (const module of deps.modules) {
    const base = module.basePath.replace(/^\/v1/, '');

    router.get(`${base}/:caseId/diff`, async (req: Request, res: Response) => {
      const principal = principalOf(res);
      const caseId = String(req.params.caseId);
      const fields: FieldError[] = [];
      const from = instantParam(req, 'from', fields);
      const to = instantParam(req, 'to', fields);
      if (from && to && Date.parse(from) > Date.parse(to))
        fields.push({ path: 'from', message: 'must not be after to' });
      if (fields.length > 0 || !from || !to)
        throw badRequest('invalid-query', 'from and to must be instants, from ≤ to', fields);
      const loaded = await reachable(principal, module, caseId);
      const diff = caseDiff(module.decider, loaded.events, from, to);
      res.json(forPrincipal(principal, { caseId, service: module.service, ...diff }));
    });

    if (module.service === COMPLAINTS_SERVICE) continue;

    router.get(`${base}/:caseId/compliance`, async (req: Request, res: Response) => {
      const principal = principalOf(res);
      const caseId = String(req.params.caseId);
      await reachable(principal, module, caseId);
      const today = deps.calendar.localDate(now());
      res.json(forPrincipal(principal, { caseId, ...(await complianceOf(deps, module, caseId, today)) }));
    });

    router.get(`${base}/:caseId/file`, async (req: Request, res: Response) => {
      const principal = principalOf(res);
      const caseId = String(req.params.caseId);
      const format = req.query.format;
      if (format !== undefined && format !== 'pdf' && format !== 'json')
        throw badRequest('invalid-query', 'format must be pdf or json', [{ path: 'format', message: 'pdf or json' }]);
      await reachable(principal, module, caseId);
      const file = await caseFileOf(deps, module, caseId, now());
      if (!file) throw notFound(`No case ${caseId}`);
      const shown = forPrincipal(principal, file);
      const wantsPdf =
        format === 'pdf' ||
        (format === undefined && req.accepts(['application/json', 'application/pdf']) === 'application/pdf');
      if (!wantsPdf) {
        res.json(shown);
        return;
      }
      const pdf = await renderCaseFilePdf(shown);
      res.type('application/pdf').set('Content-Disposition', `inline; filename="case-file-${caseId}.pdf"`).send(pdf);
    });
  }

  router.get('/audit/access-log', async (req: Request, res: Response) => {
    const principal = principalOf(res);
    if (!principal.roles.includes('auditor')) throw forbidden('The access log is for auditors');
    const q = req.query as Record<string, unknown>;
    const fields: FieldError[] = [];
    const allowed = new Set(['from', 'to', 'sub', 'caseId', 'limit']);
    for (const k of Object.keys(q)) if (!allowed.has(k)) fields.push({ path: k, message: 'unknown query parameter' });
    const today = deps.calendar.localDate(now());
    const date = (k: string) => {
      const v = q[k] ?? today;
      if (typeof v !== 'string' || !isValidLocalDate(v)) fields.push({ path: k, message: 'must be a date YYYY-MM-DD' });
      return String(v);
    };
    const from = date('from');
    const to = date('to');
    const limitRaw = q.limit ?? '100';
    const limit = typeof limitRaw === 'string' && /^\d{1,4}$/.test(limitRaw) ? Number(limitRaw) : NaN;
    if (!(limit >= 1 && limit <= 1000)) fields.push({ path: 'limit', message: 'must be an integer 1–1000' });
    const str = (k: string) => {
      const v = q[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || v.length === 0 || v.length > 200)
        fields.push({ path: k, message: 'must be a string' });
      return typeof v === 'string' ? v : undefined;
    };
    const sub = str('sub');
    const caseId = str('caseId');
    if (fields.length === 0 && from > to) fields.push({ path: 'from', message: 'must not be after to' });
    if (fields.length === 0 && (Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_ACCESS_LOG_DAYS)
      fields.push({ path: 'to', message: `at most ${MAX_ACCESS_LOG_DAYS} days per query` });
    if (fields.length > 0) throw badRequest('invalid-query', 'The query parameters are not valid', fields);
    const page = await deps.accessLog.query({
      from,
      to,
      limit,
      ...(sub ? { sub } : {}),
      ...(caseId ? { caseId } : {}),
    });
    res.json({ from, to, ...page });
  });

  return router;
}
