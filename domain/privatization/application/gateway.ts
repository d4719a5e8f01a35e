/**
 * RecordGatewayData (Rules §7, §9, Annex 1 item 8): the provider obtains identity, civil status, ownership, address,
 * court decisions and vulnerable-group data of all family members, and the registered rights (encumbrances) and
 * technical characteristics of the dwelling, from state information systems through the e-government gateway.
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidCommand } from '../../shared/errors';
import { requireStatus } from '../guards';
import type { PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

const PERSON_KINDS = new Set([
  'identity',
  'civil-status',
  'property-ownership',
  'address',
  'court-decisions',
  'vulnerable-group',
]);

export function recordGatewayData(
  command: CommandOf<'RecordGatewayData'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(
    state,
    command.type,
    ['registered', 'commission', 'hearing', 'after-hearing', 'transfer', 'contract'],
    'an open case before the contract (Rules §9)',
  );
  const { kind, subjectIin } = command.data;
  if (PERSON_KINDS.has(kind)) {
    const people = [file.applicantIin, ...file.familyMembers.map((m) => m.iin)];
    if (!subjectIin || !people.includes(subjectIin)) {
      throw new InvalidCommand(`${kind} data concern the applicant or a family member`, 'unknown-subject', [
        { path: '/subjectIin', message: 'must be the IIN of the applicant or a family member' },
      ]);
    }
  }
  const rule =
    kind === 'rights-encumbrances' || kind === 'technical-characteristics'
      ? `Rules §9.${trackNo(file.track)}`
      : 'Annex 1 item 8';
  return [
    event('GatewayDataRecorded', {
      ...command.data,
      obtainedOn: ctx.calendar.localDate(ctx.now),
      rule: kind === 'identity' ? 'Rules §7' : rule,
    }),
  ];
}

export const trackNo = (track: string): 1 | 2 | 3 =>
  track === 'communal-fund' ? 1 : track === 'communal-institution' ? 2 : 3;
