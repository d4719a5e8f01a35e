/**
 * The result (Annex 1 item 5) delivered by channel: to the personal cabinet as an e-document signed with the EDS of
 * the provider's head (Rules §7), or at the State Corporation against the receipt, on an identity document or the
 * digital-documents service, to the applicant or a representative with a notarised power of attorney (Rules §6).
 * And the applicant's withdrawal, allowed before the contract.
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidState, RuleViolation } from '../../shared/errors';
import { cancelOpen } from '../deadlines/deadlines';
import { requireStatus } from '../guards';
import { resultPayload, verifySignature } from '../signing';
import type { PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

export function issueResult(
  c: CommandOf<'IssueResult'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(
    state,
    c.type,
    ['contracted', 'refused'],
    'the contract concluded or a reasoned refusal (Annex 1 item 5)',
  );
  if (file.resultIssued) throw new InvalidState('The result was already issued', 'result-already-issued', {});
  const resultKind = file.status === 'contracted' ? 'privatization-contract' : 'reasoned-refusal';
  const { delivery } = c.data;
  const portal = file.channel === 'portal';
  if (portal !== (delivery.channel === 'personal-cabinet')) {
    throw new RuleViolation(
      `An application made through the ${portal ? 'portal' : 'State Corporation'} gets its result ${portal ? 'in the personal cabinet' : 'at the State Corporation'}`,
      portal ? 'Rules §7' : 'Rules §6',
      'wrong-result-channel',
      { applicationChannel: file.channel, deliveryChannel: delivery.channel },
    );
  }
  if (delivery.channel === 'personal-cabinet') {
    const reference = file.contract?.contractNumber ?? `refusal-${file.refusal?.refusedOn ?? ''}`;
    verifySignature(
      ctx,
      resultPayload({ caseId: file.caseId, resultKind, reference }),
      delivery.signature,
      'Rules §7',
      'The result',
      '/delivery/signature',
    );
  } else {
    if (delivery.receiptNumber !== file.receiptNumber) {
      throw new RuleViolation(
        'The result is issued against the receipt given at intake',
        'Rules §6',
        'receipt-mismatch',
        {
          receiptNumber: delivery.receiptNumber,
        },
      );
    }
    if (
      delivery.recipient === 'representative' &&
      (!delivery.powerOfAttorney?.notarised || !delivery.representativeFullName)
    ) {
      throw new RuleViolation(
        'A representative receives the result only with a notarised power of attorney',
        'Rules §6',
        'power-of-attorney-required',
      );
    }
  }
  return [
    event('ResultIssued', {
      resultKind,
      // Annex 1 item 5: tracks 1–2 the decision and the contract; track 3 also the transfer act.
      documents:
        resultKind === 'reasoned-refusal'
          ? ['reasoned-refusal']
          : file.track === 'republican-institution'
            ? ['commission-decision', 'transfer-act', 'privatization-contract']
            : ['commission-decision', 'privatization-contract'],
      delivery,
      issuedOn: ctx.calendar.localDate(ctx.now),
      rule: delivery.channel === 'personal-cabinet' ? 'Rules §7; Annex 1 item 5' : 'Rules §6; Annex 1 item 5',
    }),
  ];
}

export function withdrawApplication(
  c: CommandOf<'WithdrawApplication'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(
    state,
    c.type,
    ['registered', 'commission', 'hearing', 'after-hearing', 'transfer', 'contract'],
    'an open case before the contract is concluded',
  );
  return [
    event('ApplicationWithdrawn', {
      ...(c.data.reason ? { reason: c.data.reason } : {}),
      withdrawnOn: ctx.calendar.localDate(ctx.now),
      stage: file.status,
    }),
    ...cancelOpen(file, 'the application was withdrawn'),
  ];
}
