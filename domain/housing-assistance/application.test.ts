/**
 * The housing assistance application, rule by rule: registration (Rules §5), the family and the dwelling,
 * withdrawal, and the order of the commands — given events, when a command, then events or a rule error.
 */
import { InvalidCommand, InvalidState, RuleViolation } from '../shared/errors';
import type { HousingAssistanceEvent } from './state';
import { accessOf, regulationVersionOf } from './state';
import { APPLICANT_IIN, CHILD_IIN, SPOUSE_IIN, application } from './testing/fixtures';
import { housingAssistance } from './testing/decider-spec';
import {
  APR30_10AM,
  MAY04_10AM,
  accept,
  accepted,
  assign,
  recordGateway,
  refuse,
  submit,
  submitted,
} from './testing/histories';

const types = (events: HousingAssistanceEvent[]) => events.map((e) => e.type);
const the = <T extends HousingAssistanceEvent['type']>(events: HousingAssistanceEvent[], type: T) =>
  events.find((e) => e.type === type) as Extract<HousingAssistanceEvent, { type: T }>;

describe('Rules §5 — registration of a housing assistance application by channel', () => {
  test('an application within the State Corporation’s hours is registered the same day, with the regulation version pinned', () => {
    const [e] = submitted();
    expect(e).toMatchObject({
      type: 'ApplicationSubmitted',
      data: {
        registeredOn: '2026-04-30',
        receivedAt: APR30_10AM,
        regulationVersion: 'order-115-2025',
        rule: 'Rules §5',
      },
    });
    expect(regulationVersionOf(housingAssistance.given(submitted()).state)).toBe('order-115-2025');
  });

  test('after hours on Thursday 30 April 2026 it is registered on the next working day, Monday 4 May (1 May is a holiday)', () => {
    const [e] = housingAssistance.given().when(submit(), '2026-04-30T14:00:00Z').events(); // 19:00 Almaty
    expect(the([e!], 'ApplicationSubmitted').data.registeredOn).toBe('2026-05-04');
  });

  test('the platform learns the provider, the applicant and every family member for authorisation', () => {
    expect(accessOf(housingAssistance.given(submitted()).state)).toEqual({
      providerId: 'akimat-almaty',
      applicantIin: APPLICANT_IIN,
      familyIins: [APPLICANT_IIN, SPOUSE_IIN, CHILD_IIN],
    });
    expect(accessOf(housingAssistance.given().state)).toBeUndefined();
  });
});

describe('the family and the dwelling', () => {
  test('every adult family member must consent (a minor need not)', () => {
    const members = application().family.members.map((m) =>
      m.kinship === 'spouse' ? { ...m, consent: undefined } : m,
    );
    housingAssistance
      .given()
      .when(submit({ family: { members } }), APR30_10AM)
      .thenFails(RuleViolation, {
        code: 'adult-consent-missing',
        rule: expect.stringContaining('consent'),
        membersWithoutConsent: [1],
      });
  });

  test('a rented state dwelling needs its lease contract', () => {
    const dwelling = { ...application().dwelling, basis: 'rented-state-housing' as const };
    const error = housingAssistance.given().when(submit({ dwelling }), APR30_10AM).thenFails(InvalidCommand);
    expect(error.fields).toEqual([{ path: '/dwelling/lease', message: expect.stringContaining('lease') }]);
  });

  test('an IIN with a wrong check digit, two applicants and an unknown region are refused with their fields', () => {
    const [a, b, c] = application().family.members;
    const badIin = `${a!.iin.slice(0, 11)}${(Number(a!.iin[11]) + 1) % 10}`;
    const members = [{ ...a!, iin: badIin }, { ...b!, kinship: 'applicant' as const }, c!];
    const error = housingAssistance
      .given()
      .when(submit({ family: { members }, regionCode: 'atlantis' }), APR30_10AM)
      .thenFails(InvalidCommand);
    expect(error.fields.map((f) => f.path)).toEqual(['/family/members', '/family/members/0/iin', '/regionCode']);
  });
});

describe('withdrawal', () => {
  test('the applicant withdraws before the decision; the running term is cancelled', () => {
    const events = housingAssistance
      .given(submitted(), accepted())
      .when({ type: 'WithdrawApplication', data: { reason: 'moved to another region' } }, MAY04_10AM)
      .events();
    expect(types(events)).toEqual(['ApplicationWithdrawn', 'DeadlineCancelled']);
    const state = housingAssistance.given(submitted(), accepted(), events).state;
    expect(state.status).toBe('withdrawn');
    expect(state.deadlines.decision?.state).toBe('cancelled');
    housingAssistance
      .given(submitted(), accepted(), events)
      .when({ type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } }, '2026-06-01T00:00:00Z')
      .thenNothing();
  });
});

describe('commands out of order are refused with the stage they need', () => {
  type History = ReturnType<typeof housingAssistance.given>;
  const refused = () =>
    housingAssistance.given(
      submitted(),
      accepted(),
      housingAssistance.given(submitted(), accepted()).when(refuse, MAY04_10AM).events(),
    );
  const cases: [string, () => History, Parameters<History['when']>[0], string[]][] = [
    ['accept before submission', () => housingAssistance.given(), accept, ['submitted']],
    ['assign before acceptance', () => housingAssistance.given(submitted()), assign, ['documents-accepted']],
    ['refuse before acceptance', () => housingAssistance.given(submitted()), refuse, ['documents-accepted']],
    ['accept twice', () => housingAssistance.given(submitted(), accepted()), accept, ['submitted']],
    ['submit twice', () => housingAssistance.given(submitted()), submit(), ['none']],
    [
      'issue the result before a decision',
      () => housingAssistance.given(submitted(), accepted()),
      { type: 'IssueResult', data: { deliveredVia: 'personal-cabinet' } },
      ['assigned', 'refused'],
    ],
    ['withdraw after refusal', refused, { type: 'WithdrawApplication', data: {} }, ['submitted', 'documents-accepted']],
    ['refuse after refusal', refused, refuse, ['documents-accepted']],
    [
      'record gateway data before submission',
      () => housingAssistance.given(),
      recordGateway(),
      ['submitted', 'documents-accepted'],
    ],
  ];
  test.each(cases)('%s', (_name, history, command, needs) => {
    history().when(command, MAY04_10AM).thenFails(InvalidState, { needs });
  });

  test('assign before the gateway data are recorded', () => {
    housingAssistance
      .given(submitted(), accepted())
      .when(assign, MAY04_10AM)
      .thenFails(InvalidState, { code: 'gateway-data-required', needs: ['RecordGatewayData'] });
  });
});
