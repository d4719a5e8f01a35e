/**
 * The privatization contract (Rules §9 stage 3 / stage 4; Annex 1 item 3: within 5 working days) and the payment of
 * the price (Annex 1 item 6: within 30 calendar days of an electronic contract, except the Resolution §23 cases;
 * Annex 3: residual value or instalments).
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidCommand, InvalidState } from '../../shared/errors';
import { deadlineSet, dueOn, satisfy } from '../deadlines/deadlines';
import { requireStatus, requireStep } from '../guards';
import { hasGatewayData, type PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';
import { instalmentSchedule } from './instalments';
import { paymentExemption } from './resolution-23';

export function signContract(
  c: CommandOf<'SignContract'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(
    state,
    c.type,
    ['contract'],
    'the privatization decision (track 1) or the completed transfer (tracks 2–3) (Rules §9)',
  );
  if (file.track === 'communal-fund') {
    // Rules §9.1 stage 2: the provider obtains the registered rights (encumbrances) and technical characteristics.
    requireStep(
      hasGatewayData(file, 'rights-encumbrances') && hasGatewayData(file, 'technical-characteristics'),
      file,
      c.type,
      'the registered rights (encumbrances) and technical characteristics from the gateway (Rules §9.1)',
    );
  }
  const { contractNumber, contractForm, price, paymentExemption: exemptionId } = c.data;
  const form = file.form;
  if (form.kind !== 'free' && price === undefined) {
    throw new InvalidCommand('A purchase contract states the price (Annex 3)', 'price-required', [
      { path: '/price', message: 'required' },
    ]);
  }
  if (form.kind === 'instalments' && price !== undefined && form.initialPayment > price) {
    throw new InvalidCommand('The initial payment exceeds the price', 'initial-payment-exceeds-price', [
      { path: '/price', message: `below the initial payment ${form.initialPayment}` },
    ]);
  }
  if (exemptionId !== undefined && !paymentExemption(exemptionId)) {
    throw new InvalidCommand(`Unknown Resolution §23 case: ${exemptionId}`, 'unknown-payment-exemption', [
      { path: '/paymentExemption', message: 'not in RESOLUTION_23_CASES' },
    ]);
  }
  const exemption = form.kind === 'free' ? 'free-privatization' : exemptionId;
  const paymentDue = exemption === undefined;
  const today = ctx.calendar.localDate(ctx.now);
  const events: PrivatizationEvent[] = [
    event('ContractSigned', {
      contractNumber,
      contractForm,
      ...(price !== undefined ? { price } : {}),
      paymentDue,
      ...(exemption !== undefined ? { paymentExemption: exemption } : {}),
      signedOn: today,
      rule:
        file.track === 'communal-fund'
          ? 'Rules §9.1; Annex 1 item 3.1'
          : `Rules §9.${file.track === 'communal-institution' ? 2 : 3}; Annex 1 item 3`,
    }),
    ...satisfy(file, 'contract', today),
  ];
  if (paymentDue && contractForm === 'electronic') {
    events.push(deadlineSet(file, ctx, 'payment', 'privatization.payment', today));
  }
  if (paymentDue && form.kind === 'instalments' && price !== undefined) {
    const paymentEvent = events.find((e) => e.type === 'DeadlineSet' && e.data.deadline.deadlineId === 'payment');
    const initialDueOn =
      paymentEvent?.type === 'DeadlineSet'
        ? paymentEvent.data.deadline.dueOn
        : ctx.calendar.addCalendarDays(today, 30).dueOn;
    events.push(
      event('InstalmentScheduleSet', {
        price,
        termMonths: form.termMonths,
        initialPayment: form.initialPayment,
        instalments: instalmentSchedule(ctx.calendar, {
          contractSignedOn: today,
          initialDueOn,
          price,
          initialPayment: form.initialPayment,
          termMonths: form.termMonths,
        }),
        rule: 'Annex 3',
      }),
    );
  }
  return events;
}

export function recordPayment(
  c: CommandOf<'RecordPayment'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, c.type, ['contracted'], 'a concluded privatization contract (Annex 1 item 6)');
  const contract = file.contract as NonNullable<typeof file.contract>;
  if (!contract.paymentDue || contract.price === undefined) {
    throw new InvalidState('No price is payable under this contract (Annex 2 / Resolution §23)', 'no-payment-due', {
      needs: 'a purchase contract (Annex 3)',
    });
  }
  const toCents = (x: number) => Math.round(x * 100);
  const total = toCents(file.totalPaid) + toCents(c.data.amount);
  if (total > toCents(contract.price)) {
    throw new InvalidCommand('The payment exceeds the outstanding price', 'overpayment', [
      { path: '/amount', message: `outstanding ${(toCents(contract.price) - toCents(file.totalPaid)) / 100}` },
    ]);
  }
  const today = ctx.calendar.localDate(ctx.now);
  const fullyPaid = total === toCents(contract.price);
  // The 30-day term covers the price (residual value) or the initial payment (instalments, Annex 3).
  const threshold = file.form.kind === 'instalments' ? toCents(file.form.initialPayment) : toCents(contract.price);
  const events: PrivatizationEvent[] = [
    event('PaymentRecorded', {
      amount: c.data.amount,
      reference: c.data.reference,
      paidOn: today,
      totalPaid: total / 100,
      fullyPaid,
      rule: file.form.kind === 'instalments' ? 'Annex 1 item 6; Annex 3' : 'Annex 1 item 6',
    }),
  ];
  if (dueOn(file, 'payment') && total >= threshold) events.push(...satisfy(file, 'payment', today));
  return events;
}
