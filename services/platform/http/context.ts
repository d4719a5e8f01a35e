/** Per-request helpers: the authenticated principal, headers of the contract (If-Match, Idempotency-Key, minPosition). */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verify-token';
import { Unauthenticated } from '../auth/verify-token';
import { maskPersonalData } from '../auth/mask';
import { seesPersonalData } from '../auth/policy';
import { badRequest } from './problem';

/** Namespace of command ids derived from Idempotency-Key (uuid v5 of `<sub>\n<key>`). */
export const COMMAND_ID_NAMESPACE = '6f1c2c0e-2d4b-5b8e-9a57-0c8b3f1e9d21';
const CASE_ID_NAMESPACE = 'a3e1f0b2-7c44-5d1a-8f0e-5b2c9d7e4a10';

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

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The command id: uuid v5 of (actor sub, Idempotency-Key), so a retried command is recognised; else a fresh uuid. */
export function commandIdOf(req: Request, principal: Principal): { commandId: string; key?: string } {
  const key = req.get('idempotency-key');
  if (key === undefined) return { commandId: uuidv4() };
  if (!KEY.test(key))
    throw badRequest('invalid-idempotency-key', 'Idempotency-Key must be 1–200 visible ASCII characters');
  return { commandId: uuidv5(`${principal.sub}\n${key}`, COMMAND_ID_NAMESPACE), key };
}

/** The case id of a create: derived from the idempotency key (a retried create names the same case), else fresh. */
export function newCaseId(principal: Principal, key: string | undefined, service: string): string {
  return key === undefined ? uuidv4() : uuidv5(`${service}\n${principal.sub}\n${key}`, CASE_ID_NAMESPACE);
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
