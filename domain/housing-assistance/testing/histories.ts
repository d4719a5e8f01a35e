/**
 * The commands of the housing assistance specs and the histories they start from, decided by the real decider:
 * submitted on Thursday 30 April 2026 10:00 Almaty (the State Corporation is open), the complete set accepted at
 * 11:00, the gateway data recorded on Monday 4 May.
 */
import { housingAssistance } from './decider-spec';
import { application, gatewayData } from './fixtures';

export const submit = (overrides = {}) => ({
  type: 'SubmitApplication' as const,
  data: application(overrides),
});
export const accept = {
  type: 'AcceptCompleteDocuments' as const,
  data: { documents: ['application', 'consents of adult family members', 'lease contract'] },
};
export const recordGateway = (overrides = {}) => ({ type: 'RecordGatewayData' as const, data: gatewayData(overrides) });
export const assign = { type: 'AssignAssistance' as const, data: { decisionNumber: 'HA-2026-0412' } };
export const refuse = {
  type: 'RefuseAssistance' as const,
  data: {
    reasons: [
      {
        ground: 'dwelling-not-eligible' as const,
        explanation: 'The family owns a second flat at 7 Dostyk ave (gateway data).',
      },
    ],
  },
};

// Thursday 30 April 2026, 10:00 Almaty (UTC+5): the State Corporation is open.
export const APR30_10AM = '2026-04-30T05:00:00Z';
export const APR30_11AM = '2026-04-30T06:00:00Z';
export const MAY04_10AM = '2026-05-04T05:00:00Z';

export const submitted = () => housingAssistance.given().when(submit(), APR30_10AM).events();
export const accepted = () => housingAssistance.given(submitted()).when(accept, APR30_11AM).events();
export const withGateway = () =>
  housingAssistance.given(submitted(), accepted()).when(recordGateway(), MAY04_10AM).events();
export const ready = () => housingAssistance.given(submitted(), accepted(), withGateway());
