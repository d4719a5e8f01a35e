/**
 * Records every read of a case by an investigator or an auditor BEFORE it is answered: mounted on /v1
 * after authentication and before the routes (AppDeps `beforeRoutes`), it sees the case reads of every module —
 * view, timeline, state, diff, file, compliance — and the hash-chain checks of their streams.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../../platform/auth/principal';
import type { ServiceModule } from '../../platform/service-module';
import { LOGGED_ROLES, type AccessLog } from './access-log';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Query parameters that shape what was seen (never personal data). */
const KEPT_QUERY = ['asOf', 'from', 'to', 'format', 'minPosition'];

export interface CaseReadTarget {
  service: string;
  caseId: string;
}

/** Which case a GET path (relative to /v1) reads, if any. */
export function caseReadTarget(modules: readonly ServiceModule[], path: string): CaseReadTarget | null {
  for (const m of modules) {
    const base = m.basePath.replace(/^\/v1/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`^${base}/(${UUID})(?:/[A-Za-z-]+)?/?$`).exec(path);
    if (match) return { service: m.service, caseId: match[1]!.toLowerCase() };
  }
  const verify = /^\/audit\/streams\/([^/]+)\/verify\/?$/.exec(path);
  if (verify) {
    const stream = decodeURIComponent(verify[1]!);
    const m = modules.find((x) => stream.startsWith(x.streamPrefix));
    const id = m ? stream.slice(m.streamPrefix.length) : '';
    if (m && new RegExp(`^${UUID}$`).test(id)) return { service: m.service, caseId: id.toLowerCase() };
  }
  return null;
}

export function accessLogMiddleware(
  modules: readonly ServiceModule[],
  log: AccessLog,
  clock: () => Date,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const principal = res.locals.principal as Principal | undefined;
    if (
      req.method !== 'GET' ||
      !principal ||
      !principal.roles.some((r) => (LOGGED_ROLES as readonly string[]).includes(r))
    )
      return next();
    const target = caseReadTarget(modules, req.path);
    if (!target) return next();
    const query: Record<string, string> = {};
    for (const k of KEPT_QUERY) if (typeof req.query[k] === 'string') query[k] = req.query[k] as string;
    // Awaited: a read that cannot be logged is not served (the store error becomes 503).
    await log.record({
      at: clock().toISOString(),
      sub: principal.sub,
      roles: principal.roles,
      ...target,
      resource: `GET ${req.baseUrl}${req.path}`,
      query,
      ...(typeof res.locals.requestId === 'string' ? { requestId: res.locals.requestId } : {}),
    });
    next();
  };
}
