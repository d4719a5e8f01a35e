/** The authenticated caller, from the verified token's claims (docs/HTTP-CONTRACT.md "Auth"). */
import type { Actor } from '../../../contracts/envelope';
import type { Role } from '../roles';

export interface Principal {
  sub: string;
  name?: string;
  roles: readonly Role[];
  /** Provider staff: the provider they work for. */
  providerId?: string;
  /** Applicants: their IIN. */
  iin?: string;
}

/** The actor recorded in event metadata: no IIN (the envelope is read by many roles); the name is kept for audit. */
export function actorOf(principal: Principal): Actor {
  return {
    sub: principal.sub,
    roles: principal.roles,
    ...(principal.providerId ? { providerId: principal.providerId } : {}),
    ...(principal.name ? { name: principal.name } : {}),
  };
}
