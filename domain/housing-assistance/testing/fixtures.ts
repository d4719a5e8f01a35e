/**
 * Test data for the housing assistance specs: the real calendar and regulation, valid IINs, a typical family and its
 * gateway data. Not used by production code.
 */
import type { Static } from '@sinclair/typebox';
import type { SubmitApplication, RecordGatewayData } from '../../../contracts/housing-assistance/commands';
import { createCalendar } from '../../calendar';
import { defaultRegulations } from '../../regulation';
import { makeIin } from '../../shared/iin';

export const calendar = createCalendar();
export const regulations = defaultRegulations();

export const APPLICANT_IIN = makeIin('1985-03-05', 'female', 12);
export const SPOUSE_IIN = makeIin('1987-11-12', 'male', 34);
export const CHILD_IIN = makeIin('2015-06-20', 'male', 56);

export type Application = Static<typeof SubmitApplication>;
export type GatewayData = Static<typeof RecordGatewayData>;

const consent = {
  consentsToPersonalData: true as const,
  consentsToProtectedSecrets: true as const,
  signedAt: '2026-04-30T04:00:00Z',
};

/** A family of three in Almaty: 72 m² (norm 3 × 18 = 54 m²). */
export function application(overrides: Partial<Application> = {}): Application {
  return {
    channel: 'state-corporation',
    providerId: 'akimat-almaty',
    regionCode: 'almaty-city',
    family: {
      members: [
        {
          iin: APPLICANT_IIN,
          fullName: 'Aigerim Serikovna Nurlanova',
          kinship: 'applicant',
          birthDate: '1985-03-05',
          consent,
        },
        { iin: SPOUSE_IIN, fullName: 'Daniyar Bolatuly Nurlanov', kinship: 'spouse', birthDate: '1987-11-12', consent },
        { iin: CHILD_IIN, fullName: 'Alikhan Daniyaruly', kinship: 'child', birthDate: '2015-06-20' },
      ],
    },
    dwelling: {
      address: 'Almaty, Auezov district, 5 Abai ave, flat 12',
      basis: 'only-dwelling-owned',
      totalAreaM2: 72,
    },
    monthlyExpenses: [
      { kind: 'maintenance', amountTiyn: 720_000 },
      { kind: 'capital-repair', amountTiyn: 144_000 },
      { kind: 'utility', utility: 'heating', quantity: 1.2, amountTiyn: 1_800_000 },
      { kind: 'utility', utility: 'electricity', quantity: 300, amountTiyn: 600_000 },
      { kind: 'utility', utility: 'cold-water', quantity: 12, amountTiyn: 120_000 },
      { kind: 'communication', amountTiyn: 200_000 },
    ],
    ...overrides,
  };
}

/** Income for January–March 2026: wages 150 000 ₸ and pension 60 000 ₸ a month, plus in-kind medicines. */
export function gatewayData(overrides: Partial<GatewayData> = {}): GatewayData {
  return {
    incomePeriod: { from: '2026-01', to: '2026-03' },
    incomes: [
      { memberIin: SPOUSE_IIN, kind: 'wages', period: { from: '2026-01', to: '2026-03' }, amountTiyn: 45_000_000 },
      { memberIin: APPLICANT_IIN, kind: 'pension', period: { from: '2026-01', to: '2026-03' }, amountTiyn: 18_000_000 },
      {
        memberIin: APPLICANT_IIN,
        kind: 'in-kind-medicines',
        period: { from: '2026-02', to: '2026-02' },
        amountTiyn: 500_000,
      },
    ],
    property: [{ ownerIin: APPLICANT_IIN, kind: 'dwelling', address: 'Almaty, Auezov district, 5 Abai ave, flat 12' }],
    registration: [
      { memberIin: APPLICANT_IIN, registeredAtDwelling: true },
      { memberIin: SPOUSE_IIN, registeredAtDwelling: true },
      { memberIin: CHILD_IIN, registeredAtDwelling: true },
    ],
    ...overrides,
  };
}
