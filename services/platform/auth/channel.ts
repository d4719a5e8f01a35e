/**
 * Who may submit through which intake channel (Rules §4, §6–§7; Annex 1 item 2): at the State Corporation (and its
 * duty departments) the operator who accepts the documents and issues the receipt (§6); on the portal the applicant
 * themself, signed in to their personal cabinet (§7). Anything else is refused with the rule it breaks.
 */
import type { Role } from '../roles';

export interface ChannelRefusal {
  rule: string;
  reason: string;
}

export function authorizeChannel(
  principal: { roles: readonly Role[]; iin?: string },
  channel: string,
  applicantIin: string | undefined,
): ChannelRefusal | undefined {
  switch (channel) {
    case 'state-corporation':
    case 'state-corporation-duty':
      return principal.roles.includes('intake-operator')
        ? undefined
        : {
            rule: 'Rules §6',
            reason:
              'Rules §4, §6: an application through the State Corporation is accepted by its operator (role intake-operator), who identifies the applicant and issues the receipt',
          };
    case 'portal':
      return principal.roles.includes('applicant') && principal.iin !== undefined && principal.iin === applicantIin
        ? undefined
        : {
            rule: 'Rules §7',
            reason:
              "Rules §4, §7: an application through the portal is made by the applicant in person from their personal cabinet (role applicant, the token's IIN = the applicant's IIN)",
          };
    default:
      return {
        rule: 'Annex 1 item 2',
        reason: `Annex 1 item 2: applications are made through the State Corporation or the portal, not "${channel}"`,
      };
  }
}
