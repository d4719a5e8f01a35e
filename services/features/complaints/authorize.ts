/**
 * Whose complaint it may be (Rules §13–§14), judged at LodgeComplaint against the case complained about, as folded
 * from that case's own stream:
 * - the case must exist, and the complaint is lodged with the provider whose decision is appealed (§14): the body's
 *   `providerId` must be the case's provider — so later RegisterComplaint / SatisfyComplaint / ForwardComplaint,
 *   which provider staff may send only for their own provider, are scoped by the case's real provider;
 * - the person complaining is the case's applicant or a family member on the application; a representative acts for
 *   one of them on a power of attorney (its reference is required by the command's schema);
 * - provider staff take in complaints only about their own provider's cases.
 */
import type { Principal } from '../../platform/auth/principal';
import { ROLE_POLICIES } from '../../platform/roles';
import type { CaseParties, LinkedCaseRefusal } from '../../platform/service-module';

interface LodgeBody {
  caseId: string;
  service: string;
  providerId: string;
  complainant:
    | { kind: 'applicant'; iin: string }
    | { kind: 'representative'; iin: string; applicantIin: string; powerOfAttorney?: { number?: string } };
}

export function complaintLinkedCase(body: unknown): { service: string; caseId: string } {
  const b = body as LodgeBody;
  return { service: b.service, caseId: b.caseId.toLowerCase() };
}

export function authorizeComplaintAbout(
  principal: Principal,
  body: unknown,
  linked: CaseParties | undefined,
): LinkedCaseRefusal | undefined {
  const b = body as LodgeBody;
  if (!linked)
    return {
      status: 422,
      code: 'case-not-found',
      rule: 'Rules §13',
      reason: `Rules §13: a complaint is about a decision, action or inaction in a case; there is no ${b.service} case ${b.caseId}`,
    };
  const staff = principal.roles.some((r) => ROLE_POLICIES[r].scope === 'provider');
  const everywhere = principal.roles.some((r) => ROLE_POLICIES[r].scope === 'all');
  if (staff && !everywhere && principal.providerId !== linked.providerId)
    return {
      status: 403,
      code: 'forbidden',
      rule: 'Rules §14',
      reason: "Provider staff take in complaints only about their own provider's cases (Rules §14)",
    };
  if (b.providerId !== linked.providerId)
    return {
      status: 422,
      code: 'provider-mismatch',
      rule: 'Rules §14',
      reason:
        'Rules §14: the complaint is lodged with the provider whose decision is appealed — the provider of the case',
    };
  const party = (iin: string) => iin === linked.applicantIin || linked.memberIins.includes(iin);
  const c = b.complainant;
  if (c.kind === 'applicant' && !party(c.iin))
    return {
      status: 403,
      code: 'not-a-party',
      rule: 'Rules §13',
      reason: 'Rules §13: only the applicant of the case or a family member on the application may complain about it',
    };
  if (c.kind === 'representative' && !party(c.applicantIin))
    return {
      status: 403,
      code: 'not-a-party',
      rule: 'Rules §13',
      reason:
        'Rules §13: a representative complains for the applicant of the case or a family member on the application, on a power of attorney',
    };
  return undefined;
}
