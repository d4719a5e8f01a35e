/**
 * The instalment schedule from the Annex 3 terms (price paid over [term] months with an initial payment of [amount]).
 * Assumption, stated: the initial payment is due with the payment term of Annex 1 item 6 (30 calendar days of the
 * electronic contract); the rest falls due in equal monthly parts on the contract's day of the month, the last part
 * absorbing the rounding; a due date that is not a working day rolls to the next working day (docs/REGULATION.md
 * "Contract and payment").
 */
import type { LocalDate, WorkingCalendar } from '../../calendar/types';
import type { Instalment } from '../../../contracts/privatization';

export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const cents = (x: number) => Math.round(x * 100);

export function instalmentSchedule(
  calendar: WorkingCalendar,
  input: {
    contractSignedOn: LocalDate;
    initialDueOn: LocalDate;
    price: number;
    initialPayment: number;
    termMonths: number;
  },
): Instalment[] {
  const rest = cents(input.price) - cents(input.initialPayment);
  const part = Math.floor(rest / input.termMonths);
  const schedule: Instalment[] = [{ number: 0, dueOn: input.initialDueOn, amount: input.initialPayment }];
  for (let k = 1; k <= input.termMonths; k++) {
    const amount = k === input.termMonths ? rest - part * (input.termMonths - 1) : part;
    schedule.push({
      number: k,
      dueOn: calendar.workingDayOnOrAfter(addMonths(input.contractSignedOn, k)),
      amount: amount / 100,
    });
  }
  return schedule;
}
