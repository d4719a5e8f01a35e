/**
 * Authorisation (docs/HTTP-CONTRACT.md "Roles and their reach"): every route asks here. Provider staff act only on
 * their own provider's cases; applicants only on cases where they are the applicant (and see those where they are a
 * family member); auditors, investigators and monitoring read everything and change nothing. Which role may send which
 * command is the module's `commandRoles` table.
 */
import type { CaseParties, ServiceModule } from '../service-module';
import { ROLE_POLICIES, type Role } from '../roles';
import type { Principal } from './principal';

export type Decision = { allowed: true; as: Role } | { allowed: false; reason: string };

function reaches(principal: Principal, role: Role, parties: CaseParties, acting: boolean): boolean {
  switch (ROLE_POLICIES[role].scope) {
    case 'all':
      return true;
    case 'provider':
      return principal.providerId !== undefined && principal.providerId === parties.providerId;
    case 'own':
      if (principal.iin === undefined) return false;
      if (principal.iin === parties.applicantIin) return true;
      // Family members see the case but only the applicant acts on it.
      return !acting && parties.memberIins.includes(principal.iin);
  }
}

/** May the principal send `command` to a case with these parties? */
export function authorizeCommand(
  principal: Principal,
  module: Pick<ServiceModule, 'commandRoles' | 'service'>,
  command: string,
  parties: CaseParties,
): Decision {
  const allowedRoles = module.commandRoles[command] ?? [];
  const candidates = principal.roles.filter((r) => allowedRoles.includes(r) && !ROLE_POLICIES[r].readOnly);
  if (candidates.length === 0)
    return {
      allowed: false,
      reason: `${command} may be sent only by: ${allowedRoles.join(', ') || 'nobody through the API'}`,
    };
  const as = candidates.find((r) => reaches(principal, r, parties, true));
  if (as) return { allowed: true, as };
  const scope = ROLE_POLICIES[candidates[0] as Role].scope;
  return {
    allowed: false,
    reason:
      scope === 'provider'
        ? "Provider staff act only on their own provider's cases"
        : 'Applicants act only on their own applications',
  };
}

/** May the principal read a case with these parties? */
export function authorizeRead(principal: Principal, parties: CaseParties): Decision {
  const as = principal.roles.find((r) => reaches(principal, r, parties, false));
  return as ? { allowed: true, as } : { allowed: false, reason: 'This case is not within your reach' };
}

/**
 * The restriction a list query gets, so lists never show what a single read would refuse:
 * `null` = everything; otherwise the provider and/or party IIN the cases must match (any of them).
 */
export interface ListScope {
  providerId?: string;
  partyIin?: string;
  /** Nothing at all is reachable (e.g. provider staff without a providerId claim). */
  none?: boolean;
}

export function listScopeOf(principal: Principal): ListScope | null {
  const scopes = principal.roles.map((r) => ROLE_POLICIES[r].scope);
  if (scopes.includes('all')) return null;
  const scope: ListScope = {};
  if (scopes.includes('provider') && principal.providerId) scope.providerId = principal.providerId;
  if (scopes.includes('own') && principal.iin) scope.partyIin = principal.iin;
  if (!scope.providerId && !scope.partyIin) return { none: true };
  return scope;
}

export function seesPersonalData(principal: Principal): boolean {
  return principal.roles.some((r) => ROLE_POLICIES[r].seesPersonalData);
}

export function isReadOnly(principal: Principal): boolean {
  return principal.roles.every((r) => ROLE_POLICIES[r].readOnly);
}
