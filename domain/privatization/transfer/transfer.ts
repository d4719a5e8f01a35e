/**
 * Transfers between funds (Rules §9.2, §9.3; Annex 1 items 3.2, 3.3).
 * Track 2: act signed by both sides → approved by the head of the communal-property body (or akim's office) →
 * title state-registered → rights (encumbrances) and technical data obtained; within 15 calendar days of the decision.
 * Track 3: the akim's petition → the state-property body's decision, agreed with the sectoral body (15 calendar days
 * from the commission's decision) → act signed → approved by both sides → registered (15 calendar days from the
 * decisions on the dwelling) → rights and technical data; 30 calendar days overall. Then the contract.
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidState, RuleViolation } from '../../shared/errors';
import { deadlineSet, satisfy } from '../deadlines/deadlines';
import { requireStatus, requireStep } from '../guards';
import { hasGatewayData, type OpenCase, type PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

const TRANSFER = 'stage 3: the transfer after the privatization decision (Rules §9.2, §9.3)';
const ruleOf = (file: OpenCase) => (file.track === 'communal-institution' ? 'Rules §9.2' : 'Rules §9.3');

function requireTrack3(file: OpenCase, command: string): void {
  if (file.track !== 'republican-institution') {
    throw new InvalidState(
      `${command} applies to track 3 (republican state institution or enterprise) only`,
      'wrong-track',
      {
        track: file.track,
        needs: 'track 3 (Rules §9.3)',
      },
    );
  }
}

export function sendPetition(
  c: CommandOf<'SendPetition'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, c.type, ['transfer'], TRANSFER);
  requireTrack3(file, c.type);
  if (file.transfer.petitionSentOn)
    throw new InvalidState('The petition was already sent', 'petition-already-sent', {});
  return [event('PetitionSent', { ...c.data, sentOn: ctx.calendar.localDate(ctx.now), rule: 'Rules §9.3' })];
}

export function recordPropertyBodyDecision(
  c: CommandOf<'RecordPropertyBodyDecision'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, c.type, ['transfer'], TRANSFER);
  requireTrack3(file, c.type);
  requireStep(file.transfer.petitionSentOn !== undefined, file, c.type, "the akim's petition sent (Rules §9.3)");
  if (file.transfer.propertyBodyDecidedOn)
    throw new InvalidState('The decision is already recorded', 'already-decided', {});
  const today = ctx.calendar.localDate(ctx.now);
  return [
    event('PropertyBodyDecisionRecorded', { ...c.data, decidedOn: today, rule: 'Rules §9.3; Annex 1 item 3.3' }),
    ...satisfy(file, 'property-body-decision', today),
    deadlineSet(file, ctx, 'act-and-registration', 'privatization.track3.actAndRegistration', today),
  ];
}

export function signTransferAct(
  c: CommandOf<'SignTransferAct'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, c.type, ['transfer'], TRANSFER);
  if (file.track === 'republican-institution') {
    requireStep(
      file.transfer.propertyBodyDecidedOn !== undefined,
      file,
      c.type,
      "the state-property body's decision (Rules §9.3)",
    );
  }
  if (file.transfer.actSignedOn) throw new InvalidState('The transfer act is already signed', 'act-already-signed', {});
  return [event('TransferActSigned', { ...c.data, signedOn: ctx.calendar.localDate(ctx.now), rule: ruleOf(file) })];
}

export function approveTransferAct(
  c: CommandOf<'ApproveTransferAct'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, c.type, ['transfer'], TRANSFER);
  requireStep(file.transfer.actSignedOn !== undefined, file, c.type, 'the transfer act signed by both sides');
  if (file.transfer.actApprovedOn)
    throw new InvalidState('The transfer act is already approved', 'act-already-approved', {});
  const offices = new Set(c.data.approvals.map((a) => a.office));
  const ok =
    file.track === 'communal-institution'
      ? // §9.2: the head of the body disposing of communal property, or of the akim's office.
        c.data.approvals.length === 1 && (offices.has('communal-property-body') || offices.has('akim-office'))
      : // §9.3: the territorial unit of the state-property body (or a Deputy Chairman of the National Bank) and the
        // local executive body (or akim's office).
        (offices.has('state-property-territorial-unit') || offices.has('national-bank-deputy-chairman')) &&
        (offices.has('local-executive-body') || offices.has('akim-office'));
  if (!ok) {
    throw new RuleViolation(
      'The transfer act is not approved by the officials the Rules name',
      ruleOf(file),
      'wrong-approvers',
      {
        offices: [...offices],
      },
    );
  }
  return [event('TransferActApproved', { ...c.data, approvedOn: ctx.calendar.localDate(ctx.now), rule: ruleOf(file) })];
}

export function registerTitle(
  c: CommandOf<'RegisterTitle'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, c.type, ['transfer'], TRANSFER);
  requireStep(file.transfer.actApprovedOn !== undefined, file, c.type, 'the transfer act approved');
  if (file.transfer.titleRegisteredOn)
    throw new InvalidState('The title is already registered', 'already-registered', {});
  const today = ctx.calendar.localDate(ctx.now);
  return [
    event('TitleRegistered', { ...c.data, registeredOn: today, rule: ruleOf(file) }),
    ...satisfy(file, 'act-and-registration', today),
  ];
}

/**
 * Derived: once the act is signed and approved, the title registered and the rights and technical data obtained
 * after registration, the transfer is complete: its deadline is satisfied and the contract term starts.
 */
export function transferCompletion(file: OpenCase, ctx: DecisionContext): PrivatizationEvent[] {
  if (file.status !== 'transfer' || file.transfer.completedOn || !file.transfer.titleRegisteredOn) return [];
  const after = { afterTitleRegistration: true };
  if (!hasGatewayData(file, 'rights-encumbrances', after) || !hasGatewayData(file, 'technical-characteristics', after))
    return [];
  const today = ctx.calendar.localDate(ctx.now);
  return [
    event('TransferCompleted', { completedOn: today, rule: ruleOf(file) }),
    ...satisfy(file, 'transfer', today),
    deadlineSet(file, ctx, 'contract', 'privatization.contract', today),
  ];
}
