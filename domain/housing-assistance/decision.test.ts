/**
 * The housing assistance decision, rule by rule: the HA Rules §13 term and its breach, the amount, the refusal and
 * the result — given events, when a command, then events or a rule error.
 */
import Ajv from 'ajv';
import { RefuseAssistance } from '../../contracts/housing-assistance/commands';
import { InvalidCommand, InvalidState, RuleViolation } from '../shared/errors';
import type { HousingAssistanceEvent } from './state';
import { SPOUSE_IIN, gatewayData } from './testing/fixtures';
import { housingAssistance } from './testing/decider-spec';
import {
  MAY04_10AM,
  accept,
  accepted,
  assign,
  ready,
  recordGateway,
  refuse,
  submit,
  submitted,
  withGateway,
} from './testing/histories';

const types = (events: HousingAssistanceEvent[]) => events.map((e) => e.type);
const the = <T extends HousingAssistanceEvent['type']>(events: HousingAssistanceEvent[], type: T) =>
  events.find((e) => e.type === type) as Extract<HousingAssistanceEvent, { type: T }>;

describe('HA Rules §13 — decision within 6 working days of acceptance of the complete set', () => {
  test('accepted on 30 April 2026: 1 May off, weekend, 4–6 May, 7 May off, 8 May, weekend, 11 May off (9 May on Saturday), 12–13 May → due 13 May', () => {
    const events = accepted();
    expect(types(events)).toEqual(['CompleteDocumentsAccepted', 'DeadlineSet']);
    expect(the(events, 'CompleteDocumentsAccepted').data).toMatchObject({
      acceptedOn: '2026-04-30',
      rule: 'HA Rules §13',
    });
    expect(the(events, 'DeadlineSet').data.deadline).toMatchObject({
      deadlineId: 'decision',
      termId: 'housingAssistance.decision',
      unit: 'working-days',
      days: 6,
      triggeredOn: '2026-04-30',
      dueOn: '2026-05-13',
      provisional: false,
      regulationVersion: 'order-115-2025',
      rule: expect.stringMatching(/^HA Rules §13/),
    });
  });

  test('accepted on Monday 29 December 2025: 30, 31 Dec, New Year 1–2 Jan off, weekend, 5, 6 Jan, 7 Jan off, 8, 9 Jan → due 9 January 2026', () => {
    const sub = housingAssistance.given().when(submit(), '2025-12-29T04:00:00Z').events();
    const events = housingAssistance.given(sub).when(accept, '2025-12-29T06:00:00Z').events();
    expect(the(events, 'DeadlineSet').data.deadline).toMatchObject({ triggeredOn: '2025-12-29', dueOn: '2026-01-09' });
  });

  test('a decision on the due date is on time', () => {
    const events = housingAssistance.given(submitted(), accepted()).when(refuse, '2026-05-13T12:00:00Z').events();
    expect(types(events)).toEqual(['AssistanceRefused', 'DeadlineSatisfied']);
    expect(the(events, 'DeadlineSatisfied').data).toMatchObject({
      deadlineId: 'decision',
      satisfiedOn: '2026-05-13',
      late: false,
    });
  });

  test('a late decision is recorded, with its breach', () => {
    const events = ready().when(assign, '2026-05-14T05:00:00Z').events();
    expect(types(events)).toEqual(['AssistanceAssigned', 'DeadlineMissed', 'DeadlineSatisfied']);
    expect(the(events, 'AssistanceAssigned').data.late).toBe(true);
    expect(the(events, 'DeadlineMissed').data).toMatchObject({
      dueOn: '2026-05-13',
      missedOn: '2026-05-14',
      detectedBy: 'late-step',
    });
    expect(the(events, 'DeadlineSatisfied').data).toMatchObject({ satisfiedOn: '2026-05-14', late: true });
    expect(
      housingAssistance.given(submitted(), accepted(), withGateway(), events).state.deadlines.decision?.state,
    ).toBe('missed');
  });

  test('the deadline watcher records the breach once; the late decision then does not record it again', () => {
    const history = ready();
    const missed = history.when(
      { type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } },
      '2026-05-14T00:00:00Z',
    );
    missed.then([
      {
        type: 'DeadlineMissed',
        data: {
          deadlineId: 'decision',
          dueOn: '2026-05-13',
          missedOn: '2026-05-14',
          rule: expect.stringMatching(/^HA Rules §13/),
          detectedBy: 'watcher',
        },
      },
    ]);
    const after = missed.and();
    after
      .when({ type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } }, '2026-05-15T00:00:00Z')
      .thenNothing();
    expect(types(after.when(assign, '2026-05-15T05:00:00Z').events())).toEqual([
      'AssistanceAssigned',
      'DeadlineSatisfied',
    ]);
  });

  test('the watcher cannot record a breach before the term has ended', () => {
    ready()
      .when({ type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } }, '2026-05-13T18:00:00Z')
      .thenFails(InvalidState, { code: 'deadline-not-overdue' });
  });
});

describe('the decision', () => {
  test('assignment computes the amount and pins the regional parameters it was decided with', () => {
    const [assigned] = ready().when(assign, '2026-05-06T05:00:00Z').events();
    const data = the([assigned!], 'AssistanceAssigned').data;
    expect(data).toMatchObject({
      decidedOn: '2026-05-06',
      decisionNumber: 'HA-2026-0412',
      late: false,
      rule: 'HA Rules §13',
    });
    expect(data.parameters).toMatchObject({
      regionCode: 'almaty-city',
      edition: { parametersId: 'almaty-city-2026-01', maxSharePercent: 7.5 },
    });
    expect(data.parameters.label).toMatch(/parameter data — not from the seed regulation/);
    expect(data.calculation.income).toMatchObject({
      countedTotalTiyn: 63_000_000,
      excludedTotalTiyn: 500_000,
      averageMonthlyIncomeTiyn: 21_000_000,
    });
    expect(data.calculation.income.lines.find((l) => !l.counted)?.exclusion?.rule).toBe('HA Rules §24.19');
    expect(data.calculation).toMatchObject({ allowedExpensesTiyn: 2_728_000, maxAllowableShareTiyn: 1_575_000 });
    expect(data.amountTiyn).toBe(1_153_000);
  });

  test('with no entitlement (amount zero) assistance cannot be assigned: a reasoned refusal is due instead', () => {
    const rich = gatewayData({
      incomes: [
        { memberIin: SPOUSE_IIN, kind: 'wages', period: { from: '2026-01', to: '2026-03' }, amountTiyn: 150_000_000 },
      ],
    });
    const gateway = housingAssistance
      .given(submitted(), accepted())
      .when({ type: 'RecordGatewayData', data: rich }, MAY04_10AM)
      .events();
    housingAssistance
      .given(submitted(), accepted(), gateway)
      .when(assign, '2026-05-06T05:00:00Z')
      .thenFails(RuleViolation, {
        code: 'no-entitlement',
        allowedExpensesTiyn: 2_728_000,
        maxAllowableShareTiyn: 3_750_000,
      });
  });

  test('a family that owns a second dwelling cannot be assigned assistance for its “only” dwelling', () => {
    const property = [
      ...gatewayData().property,
      { ownerIin: SPOUSE_IIN, kind: 'dwelling' as const, address: 'Almaty, 7 Dostyk ave' },
    ];
    const gateway = housingAssistance
      .given(submitted(), accepted())
      .when(recordGateway({ property }), MAY04_10AM)
      .events();
    housingAssistance
      .given(submitted(), accepted(), gateway)
      .when(assign, '2026-05-06T05:00:00Z')
      .thenFails(RuleViolation, { code: 'dwelling-not-eligible', dwellingsOwned: 2 });
  });

  test('a reasoned refusal records its reasons', () => {
    const [refused] = housingAssistance.given(submitted(), accepted()).when(refuse, '2026-05-05T05:00:00Z').events();
    expect(refused).toEqual({
      type: 'AssistanceRefused',
      data: { reasons: refuse.data.reasons, decidedOn: '2026-05-05', late: false, rule: 'HA Rules §13' },
    });
  });

  test('a refusal without reasons, or with an unexplained one, is not a reasoned refusal (the command schema refuses it)', () => {
    const ajv = new Ajv({ strict: false });
    const valid = ajv.compile(RefuseAssistance);
    expect(valid(refuse.data)).toBe(true);
    expect(valid({ reasons: [] })).toBe(false);
    expect(valid({ reasons: [{ ground: 'no-consent', explanation: '' }] })).toBe(false);
    expect(valid({ reasons: [{ ground: 'because', explanation: 'No reason in the list of grounds.' }] })).toBe(false);
  });

  test('gateway data must be about the family and within the income period', () => {
    const incomes = [
      { memberIin: '900101300018', kind: 'wages' as const, period: { from: '2025-12', to: '2026-01' }, amountTiyn: 1 },
    ];
    const error = housingAssistance
      .given(submitted())
      .when(recordGateway({ incomes }), MAY04_10AM)
      .thenFails(InvalidCommand);
    expect(error.fields.map((f) => f.path)).toEqual(['/incomes/0/memberIin', '/incomes/0/period']);
  });

  test('the result is issued with the outcome', () => {
    const history = ready();
    const decided = history.when(assign, '2026-05-06T05:00:00Z').and();
    decided.when({ type: 'IssueResult', data: { deliveredVia: 'state-corporation' } }, '2026-05-07T05:00:00Z').then([
      {
        type: 'ResultIssued',
        data: { deliveredVia: 'state-corporation', issuedOn: '2026-05-07', outcome: 'assigned', rule: 'HA Rules §13' },
      },
    ]);
  });
});
