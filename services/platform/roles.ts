/**
 * The roles of docs/HTTP-CONTRACT.md "Roles and their reach" and how far each one reaches. Which role may send which
 * command is in each service module's `commandRoles` table (services/registry/*); this file says, per role, which cases
 * it may see at all and whether it sees IINs and names in clear.
 */
export const ROLES = [
  'applicant',
  'intake-operator',
  'provider-officer',
  'commission-secretary',
  'provider-head',
  'property-body',
  'registrar',
  'complaint-reviewer',
  'quality-authority',
  'auditor',
  'investigator',
  'monitoring',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Which cases a role reaches:
 * - `provider`: provider staff act and read only on their own provider's cases (token claim `providerId`);
 * - `own`: applicants only on cases where they are the applicant or a family member (token claim `iin`);
 * - `all`: State Corporation, state bodies, the quality authority, auditors, investigators and monitoring.
 */
export type RoleScope = 'provider' | 'own' | 'all';

export interface RolePolicy {
  scope: RoleScope;
  /** Sees IINs and full names in clear; otherwise they are masked (docs/HTTP-CONTRACT.md "Personal data"). */
  seesPersonalData: boolean;
  /** Never changes anything (auditor, investigator, monitoring): no command route accepts the role. */
  readOnly: boolean;
}

export const ROLE_POLICIES: Record<Role, RolePolicy> = {
  applicant: { scope: 'own', seesPersonalData: true, readOnly: false },
  'intake-operator': { scope: 'all', seesPersonalData: true, readOnly: false },
  'provider-officer': { scope: 'provider', seesPersonalData: true, readOnly: false },
  'commission-secretary': { scope: 'provider', seesPersonalData: true, readOnly: false },
  'provider-head': { scope: 'provider', seesPersonalData: true, readOnly: false },
  'property-body': { scope: 'all', seesPersonalData: true, readOnly: false },
  registrar: { scope: 'all', seesPersonalData: true, readOnly: false },
  'complaint-reviewer': { scope: 'provider', seesPersonalData: true, readOnly: false },
  'quality-authority': { scope: 'all', seesPersonalData: true, readOnly: false },
  auditor: { scope: 'all', seesPersonalData: false, readOnly: true },
  investigator: { scope: 'all', seesPersonalData: true, readOnly: true },
  monitoring: { scope: 'all', seesPersonalData: false, readOnly: true },
};
