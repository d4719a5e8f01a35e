/**
 * The housing commission (Rules §9.1 stage 2): formed, votes recorded, the decision to privatize taken by majority
 * and signed with the EDS of the provider's head. Grounds for refusal found in the review must first go through the
 * preliminary decision and the hearing (Rules §10); after the hearing the commission votes again (round 2).
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidCommand, InvalidState, RuleViolation } from '../../shared/errors';
import { deadlineSet, satisfy } from '../deadlines/deadlines';
import { requireStatus, requireStep } from '../guards';
import { decisionPayload, verifySignature } from '../signing';
import { hasMajorityFor, tally, type PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

const COMMISSION_STAGES = ['commission', 'after-hearing'] as const;
const NEEDS = 'stage 2: the reviewed application before the commission (Rules §9.1)';

export function formCommission(
  command: CommandOf<'FormCommission'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, command.type, COMMISSION_STAGES, NEEDS);
  if (file.commission) throw new InvalidState('The commission is already formed', 'commission-already-formed', {});
  const { members } = command.data;
  const ids = new Set(members.map((m) => m.memberId));
  const chairs = members.filter((m) => m.role === 'chair').length;
  if (ids.size !== members.length || chairs !== 1) {
    throw new InvalidCommand('The commission needs distinct members and exactly one chair', 'invalid-commission', [
      { path: '/members', message: ids.size !== members.length ? 'duplicate memberId' : `${chairs} chairs` },
    ]);
  }
  return [event('CommissionFormed', { members, formedOn: ctx.calendar.localDate(ctx.now), rule: 'Rules §9.1' })];
}

export function recordCommissionVote(
  command: CommandOf<'RecordCommissionVote'>,
  state: PrivatizationState,
): PrivatizationEvent[] {
  const file = requireStatus(state, command.type, COMMISSION_STAGES, NEEDS);
  requireStep(file.commission !== undefined, file, command.type, 'a formed housing commission (Rules §9.1)');
  const { memberId, vote } = command.data;
  if (!file.commission?.members.some((m) => m.memberId === memberId)) {
    throw new InvalidCommand(`${memberId} is not a member of the commission`, 'not-a-member', [
      { path: '/memberId', message: 'not a member' },
    ]);
  }
  if (file.votes[memberId] !== undefined) {
    throw new InvalidState(`${memberId} has already voted in round ${file.round}`, 'already-voted', {
      memberId,
      round: file.round,
    });
  }
  return [event('CommissionVoteRecorded', { memberId, vote, round: file.round, rule: 'Rules §9.1' })];
}

export function adoptPrivatizationDecision(
  command: CommandOf<'AdoptPrivatizationDecision'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, command.type, COMMISSION_STAGES, file0Needs(state.status));
  requireStep(file.commission !== undefined, file, command.type, 'a formed housing commission (Rules §9.1)');
  if (file.status === 'commission' && (file.reviewOutcome === 'grounds-for-refusal' || file.preliminaryRefusal)) {
    throw new RuleViolation(
      'Grounds for refusal were found: the applicant must first be heard (preliminary decision and hearing)',
      'Rules §10',
      'hearing-required',
      { grounds: file.groundsFound },
    );
  }
  const t = tally(file);
  if (!hasMajorityFor(file)) {
    throw new RuleViolation(
      `No majority of the commission for privatization (${t.for} of ${t.members} members)`,
      'Rules §9.1',
      'no-majority',
      { tally: t },
    );
  }
  const { decisionNumber, signature } = command.data;
  verifySignature(
    ctx,
    decisionPayload({
      caseId: file.caseId,
      decisionNumber,
      applicantIin: file.applicantIin,
      dwellingAddress: file.dwellingAddress,
    }),
    signature,
    'Rules §9.1',
    "The commission's decision",
    '/signature',
  );
  const today = ctx.calendar.localDate(ctx.now);
  const events: PrivatizationEvent[] = [
    event('PrivatizationDecisionAdopted', {
      decisionNumber,
      adoptedOn: today,
      tally: t,
      afterHearing: file.status === 'after-hearing',
      signature,
      rule: file.status === 'after-hearing' ? 'Rules §10' : 'Rules §9.1',
    }),
    ...satisfy(file, 'decision', today),
  ];
  // The next stage by track (Rules §9; Annex 1 item 3).
  if (file.track === 'communal-fund') {
    events.push(deadlineSet(file, ctx, 'contract', 'privatization.contract', today));
  } else if (file.track === 'communal-institution') {
    events.push(deadlineSet(file, ctx, 'transfer', 'privatization.track2.transfer', today));
  } else {
    events.push(deadlineSet(file, ctx, 'transfer', 'privatization.track3.transfer', today));
    events.push(deadlineSet(file, ctx, 'property-body-decision', 'privatization.track3.propertyBodyDecision', today));
  }
  return events;
}

function file0Needs(status: string): string {
  return status === 'hearing'
    ? 'the hearing to be held first (Rules §10)'
    : 'stage 2: the reviewed application before the commission (Rules §9.1)';
}
