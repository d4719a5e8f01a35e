/**
 * The contract (Annex 1 item 3: 5 working days) and the price (Annex 1 item 6: 30 calendar days after an electronic
 * contract, except Resolution §23; Annex 3: residual value or instalments with an initial payment).
 */
import { InvalidCommand, InvalidState } from '../../shared/errors';
import { TEST_FORMS } from '../testing/fixtures';
import type { PrivatizationCommand } from '../types';
import { contracted, decided, readyForContract, tenAm } from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const sign = (
  data: Partial<Extract<PrivatizationCommand, { type: 'SignContract' }>['data']> = {},
): PrivatizationCommand => ({
  type: 'SignContract',
  data: { contractNumber: 'PC-1', contractForm: 'electronic', ...data },
});
const pay = (amount: number): PrivatizationCommand => ({
  type: 'RecordPayment',
  data: { amount, reference: `PAY-${amount}` },
});

describe('Annex 1 item 3.1 — the contract within 5 working days of the decision', () => {
  test('track 1 needs the rights (encumbrances) and technical data first (Rules §9.1 stage 2) — 409 naming them', () => {
    const err = privatization.given(decided().history).when(sign(), tenAm('2026-03-10')).thenFails(InvalidState);
    expect(err.details.needs).toMatch(/encumbrances/);
  });

  test('a contract on 18 March (due 16 March) is recorded late, with the breach', () => {
    privatization
      .given(readyForContract().history)
      .when(sign(), tenAm('2026-03-18'))
      .thenContains([
        { type: 'ContractSigned', data: { signedOn: '2026-03-18' } },
        {
          type: 'DeadlineMissed',
          data: { deadlineId: 'contract', dueOn: '2026-03-16', missedOn: '2026-03-17', detectedBy: 'late-step' },
        },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'contract', late: true } },
      ]);
  });
});

describe('Annex 1 item 6 — payment within 30 calendar days of an electronic contract, unless free', () => {
  const residual = { form: TEST_FORMS.residualValue };

  test('purchase at residual value: the contract states the price and starts the payment term (12 March + 30 → Monday 13 April)', () => {
    privatization
      .given(readyForContract(residual).history)
      .when(sign(), tenAm('2026-03-12'))
      .thenFails(InvalidCommand, { code: 'price-required' });
    privatization
      .given(readyForContract(residual).history)
      .when(sign({ price: 4200000 }), tenAm('2026-03-12'))
      .thenContains([
        { type: 'ContractSigned', data: { price: 4200000, paymentDue: true } },
        {
          type: 'DeadlineSet',
          data: { deadline: { deadlineId: 'payment', termId: 'privatization.payment', dueOn: '2026-04-13' } },
        },
      ]);
  });

  test('a paper contract starts no 30-day term (the term is for electronic contracts)', () => {
    const events = privatization
      .given(readyForContract(residual).history)
      .when(sign({ price: 4200000, contractForm: 'paper' }), tenAm('2026-03-12'))
      .events();
    expect(events.filter((e) => e.type === 'DeadlineSet')).toEqual([]);
  });

  test('partial payments add up; the full price satisfies the term; no overpayment', () => {
    const paid = privatization.given(contracted(residual, 4200000).history).when(pay(1200000), tenAm('2026-03-20'));
    paid.then([
      {
        type: 'PaymentRecorded',
        data: {
          amount: 1200000,
          reference: 'PAY-1200000',
          paidOn: '2026-03-20',
          totalPaid: 1200000,
          fullyPaid: false,
          rule: 'Annex 1 item 6',
        },
      },
    ]);
    paid.and().when(pay(3000000.01), tenAm('2026-03-21')).thenFails(InvalidCommand, { code: 'overpayment' });
    paid
      .and()
      .when(pay(3000000), tenAm('2026-04-14'))
      .thenContains([
        { type: 'PaymentRecorded', data: { totalPaid: 4200000, fullyPaid: true } },
        { type: 'DeadlineMissed', data: { deadlineId: 'payment', dueOn: '2026-04-13', detectedBy: 'late-step' } },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'payment', late: true } },
      ]);
  });

  test('free privatization (Annex 2): no payment term, and no payment to record (409)', () => {
    const c = contracted();
    expect(c.history.some((e) => e.type === 'DeadlineSet' && e.data.deadline.deadlineId === 'payment')).toBe(false);
    privatization
      .given(c.history)
      .when(pay(1), tenAm('2026-03-20'))
      .thenFails(InvalidState, { code: 'no-payment-due' });
  });

  test('a Resolution §23 case is exempt: data, not code (RESOLUTION_23_CASES); unknown cases are invalid', () => {
    privatization
      .given(readyForContract(residual).history)
      .when(sign({ price: 100, paymentExemption: 'resolution-23-free-category' }), tenAm('2026-03-12'))
      .thenContains([
        { type: 'ContractSigned', data: { paymentDue: false, paymentExemption: 'resolution-23-free-category' } },
      ]);
    privatization
      .given(readyForContract(residual).history)
      .when(sign({ price: 100, paymentExemption: 'made-up' }), tenAm('2026-03-12'))
      .thenFails(InvalidCommand, { code: 'unknown-payment-exemption' });
  });
});

describe('Annex 3 — instalments: a schedule from the term and the initial payment', () => {
  const instalments = { form: TEST_FORMS.instalments }; // 12 months, initial 500 000

  test('price 2 900 000: initial 500 000 due 13 April, then 12 × 200 000 monthly on working days', () => {
    const events = privatization
      .given(readyForContract(instalments).history)
      .when(sign({ price: 2900000 }), tenAm('2026-03-12'))
      .events();
    const schedule = events.find((e) => e.type === 'InstalmentScheduleSet');
    expect(schedule?.data).toMatchObject({ price: 2900000, termMonths: 12, initialPayment: 500000, rule: 'Annex 3' });
    const list = schedule?.type === 'InstalmentScheduleSet' ? schedule.data.instalments : [];
    expect(list).toHaveLength(13);
    expect(list.slice(0, 3)).toEqual([
      { number: 0, dueOn: '2026-04-13', amount: 500000 },
      { number: 1, dueOn: '2026-04-13', amount: 200000 }, // 12 April is a Sunday
      { number: 2, dueOn: '2026-05-12', amount: 200000 },
    ]);
    expect(list.reduce((s, i) => s + i.amount, 0)).toBe(2900000);
  });

  test('uneven division: the last instalment takes the remainder', () => {
    const events = privatization
      .given(readyForContract(instalments).history)
      .when(sign({ price: 1500000.05 }), tenAm('2026-03-12'))
      .events();
    const list = events.flatMap((e) => (e.type === 'InstalmentScheduleSet' ? e.data.instalments : []));
    expect(list.at(-1)?.amount).toBe(83333.42); // 11 × 83 333.33 + 83 333.42 = 1 000 000.05;
    expect(Math.round(list.reduce((s, i) => s + i.amount * 100, 0))).toBe(150000005);
  });

  test('the initial payment satisfies the 30-day term', () => {
    const c = contracted(instalments, 2900000);
    privatization
      .given(c.history)
      .when(pay(500000), tenAm('2026-04-01'))
      .thenContains([
        { type: 'PaymentRecorded', data: { totalPaid: 500000, fullyPaid: false, rule: 'Annex 1 item 6; Annex 3' } },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'payment', late: false } },
      ]);
  });

  test('an initial payment above the price is invalid', () => {
    privatization
      .given(readyForContract(instalments).history)
      .when(sign({ price: 400000 }), tenAm('2026-03-12'))
      .thenFails(InvalidCommand, { code: 'initial-payment-exceeds-price' });
  });
});
