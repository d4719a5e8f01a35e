/**
 * A full happy path for each track (Rules §9.1–§9.3) and each form (Annex 2; Annex 3 residual value, instalments),
 * through both channels (Rules §6, §7): every deadline met on time, the result delivered.
 */
import type { PrivatizationForm, Track } from '../../../contracts/privatization';
import { receiptNumberOf } from '../application/submit';
import { TEST_CASE_ID, TEST_FORMS, signedCabinetResult } from '../testing/fixtures';
import type { PrivatizationCommand, PrivatizationEvent } from '../types';
import { contractDate, readyForContract, tenAm } from '../testing/histories';

const PRICE = 2900000;

function fullCase(track: Track, form: PrivatizationForm, channel: 'state-corporation' | 'portal') {
  const o = { track, form, channel };
  const c = readyForContract(o);
  const signedOn = contractDate(o);
  c.run(tenAm(signedOn), {
    type: 'SignContract',
    data: {
      contractNumber: 'PC-2026-31',
      contractForm: 'electronic',
      ...(form.kind === 'free' ? {} : { price: PRICE }),
    },
  });
  if (form.kind === 'residual-value')
    c.run(tenAm('2026-04-01'), { type: 'RecordPayment', data: { amount: PRICE, reference: 'KZ-1' } });
  if (form.kind === 'instalments')
    c.run(tenAm('2026-04-01'), { type: 'RecordPayment', data: { amount: form.initialPayment, reference: 'KZ-1' } });
  const result: PrivatizationCommand =
    channel === 'portal'
      ? {
          type: 'IssueResult',
          data: signedCabinetResult(TEST_CASE_ID, 'privatization-contract', 'PC-2026-31', '2026-04-02T04:00:00Z'),
        }
      : {
          type: 'IssueResult',
          data: {
            delivery: {
              channel: 'state-corporation',
              receiptNumber: receiptNumberOf(TEST_CASE_ID, '2026-03-02'),
              recipient: 'applicant',
              identityVerifiedBy: 'identity-document',
            },
          },
        };
  c.run(tenAm('2026-04-02'), result);
  return c;
}

const types = (h: PrivatizationEvent[]) => h.map((e) => e.type);
const deadlineIds = (h: PrivatizationEvent[], type: 'DeadlineSet' | 'DeadlineSatisfied') =>
  h.flatMap((e) =>
    e.type === type ? [e.type === 'DeadlineSet' ? e.data.deadline.deadlineId : e.data.deadlineId] : [],
  );

const EXPECTED_DEADLINES: Record<Track, string[]> = {
  'communal-fund': ['decision', 'contract'],
  'communal-institution': ['decision', 'transfer', 'contract'],
  'republican-institution': ['decision', 'transfer', 'property-body-decision', 'act-and-registration', 'contract'],
};

describe.each([
  ['communal-fund', 'Rules §9.1'],
  ['communal-institution', 'Rules §9.2'],
  ['republican-institution', 'Rules §9.3'],
] as const)('track %s (%s)', (track: Track, _rule: string) => {
  describe.each([
    ['free (Annex 2)', TEST_FORMS.free],
    ['residual value (Annex 3)', TEST_FORMS.residualValue],
    ['instalments (Annex 3)', TEST_FORMS.instalments],
  ] as const)('form %s', (_formName, form) => {
    test.each(['state-corporation', 'portal'] as const)(
      'through %s: decision → (transfer) → contract → payment → result, all on time',
      (channel) => {
        const c = fullCase(track, form, channel);
        const h = c.history;
        expect(c.state).toMatchObject({ status: 'contracted', resultIssued: true, track });
        expect(types(h)).not.toContain('DeadlineMissed');
        expect(
          h.filter((e) => e.type === 'DeadlineSatisfied').every((e) => e.type === 'DeadlineSatisfied' && !e.data.late),
        ).toBe(true);
        const payment = form.kind === 'free' ? [] : ['payment'];
        expect(deadlineIds(h, 'DeadlineSet')).toEqual([...EXPECTED_DEADLINES[track], ...payment]);
        expect(new Set(deadlineIds(h, 'DeadlineSatisfied'))).toEqual(
          new Set([...EXPECTED_DEADLINES[track], ...payment]),
        );
        // The stages in order (Rules §9): decision before any transfer step, transfer before the contract.
        const order = [
          'ApplicationRegistered',
          'DocumentReviewCompleted',
          'PrivatizationDecisionAdopted',
          ...(track === 'communal-fund' ? [] : ['TransferCompleted']),
          'ContractSigned',
          'ResultIssued',
        ];
        const positions = order.map((t) => types(h).indexOf(t as PrivatizationEvent['type']));
        expect(positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)))).toBe(true);
        expect(types(h).includes('InstalmentScheduleSet')).toBe(form.kind === 'instalments');
        expect(types(h)).toContain(channel === 'portal' ? 'RequestAccepted' : 'ReceiptIssued');
        // Annex 1 item 5: the result documents by track.
        expect(h.find((e) => e.type === 'ResultIssued')?.data).toMatchObject({
          documents:
            track === 'republican-institution'
              ? ['commission-decision', 'transfer-act', 'privatization-contract']
              : ['commission-decision', 'privatization-contract'],
        });
      },
    );
  });
});
