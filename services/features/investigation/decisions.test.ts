/** The case file's decisions and summaries, by service and type (docs/ARCHITECTURE.md "Names"). */
import { hasComplaintSummary, isDecisionEvent } from './decisions';

const HA = 'housing-assistance-0b0e4a52-6a57-4c1e-9d5d-6f1f3b1a2c11';
const PRIVATIZATION = 'privatization-474e203c-5478-53da-98f8-a102e10a3c54';
const COMPLAINT = 'complaint-5b0e2c3e-8f5a-4a43-9c1e-0d7e2b1f9a01';
const at = (streamName: string) => (type: string) => ({ streamName, type });

test('a decision is one of its own service’s decision events', () => {
  expect(['AssistanceAssigned', 'AssistanceRefused', 'ResultIssued'].map(at(HA)).every(isDecisionEvent)).toBe(true);
  expect(
    ['PrivatizationDecisionAdopted', 'ReasonedRefusalIssued', 'ResultIssued']
      .map(at(PRIVATIZATION))
      .every(isDecisionEvent),
  ).toBe(true);
  expect(['ComplaintDecided', 'ComplaintSatisfied'].map(at(COMPLAINT)).every(isDecisionEvent)).toBe(true);
  // Another service's decision names in this stream are not this service's decisions.
  expect(
    ['PrivatizationDecisionAdopted', 'ComplaintDecided', 'GatewayDataRecorded', 'DeadlineSatisfied']
      .map(at(HA))
      .some(isDecisionEvent),
  ).toBe(false);
  expect(['AssistanceAssigned', 'ApplicationWithdrawn'].map(at(PRIVATIZATION)).some(isDecisionEvent)).toBe(false);
});

test('the complaint timeline’s summaries: a complaint’s own events and the deadline facts every service shares', () => {
  expect(hasComplaintSummary(at(COMPLAINT)('ComplaintLodged'))).toBe(true);
  expect(hasComplaintSummary(at(HA)('DeadlineSet'))).toBe(true);
  expect(hasComplaintSummary(at(HA)('ComplaintLodged'))).toBe(false);
  expect(hasComplaintSummary(at(PRIVATIZATION)('ResultIssued'))).toBe(false);
});
