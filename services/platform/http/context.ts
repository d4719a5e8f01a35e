/** Per-request helpers: the authenticated principal, headers of the contract (If-Match, minPosition). */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verify-token';
import { Unauthenticated } from '../auth/verify-token';
import { maskPersonalData } from '../auth/mask';
import { seesPersonalData } from '../auth/policy';
import { badRequest } from './problem';

// The command ids of an Idempotency-Key are the command pipeline's (../commands/ids.ts).
export { COMMAND_ID_NAMESPACE, isUuid } from '../commands/ids';

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new Unauthenticated('A bearer token is required', 'missing-token');
  return p;
}

/** Verifies `Authorization: Bearer <JWT>`; the principal goes to `res.locals.principal`. */
export function authenticate(verify: TokenVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    if (!header) throw new Unauthenticated('A bearer token is required (Authorization: Bearer <JWT>)', 'missing-token');
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
    if (!match) throw new Unauthenticated('The Authorization header must be `Bearer <JWT>`', 'malformed-token');
    res.locals.principal = await verify(match[1] as string);
    next();
  };
}

/** `If-Match: "7"` (also `7`, `W/"7"`) → 7; absent → undefined; `*` → undefined (any). */
export function ifMatchOf(req: Request): number | undefined {
  const raw = req.get('if-match');
  if (raw === undefined || raw.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?(-?\d{1,15})"?\s*$/.exec(raw);
  if (!m) throw badRequest('invalid-if-match', 'If-Match must be the quoted stream revision, e.g. "3"');
  return Number(m[1]);
}

export const etagOf = (revision: number) => `"${revision}"`;

export function minPositionOf(req: Request): number | undefined {
  const raw = req.query.minPosition;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw))
    throw badRequest('invalid-query', 'minPosition must be a non-negative integer', [
      { path: 'minPosition', message: 'must be a non-negative integer' },
    ]);
  return Number(raw);
}

/** Masks IINs and names unless the caller's roles need them. */
export function forPrincipal<T>(principal: Principal, body: T): T {
  return seesPersonalData(principal) ? body : maskPersonalData(body);
}
