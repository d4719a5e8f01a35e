/**
 * The housing assistance case view and timeline, and the stage mapping of the monitoring feed (Rules §11).
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { housingAssistanceStream } from '../../domain/housing-assistance/stream';
import type { RecordedEvent } from '../../contracts/envelope';
import type { HousingAssistanceEvent } from '../../domain/housing-assistance/state';
import {
  application,
  gatewayData,
  APPLICANT_IIN,
  CHILD_IIN,
  SPOUSE_IIN,
} from '../../domain/housing-assistance/testing/fixtures';
import { housingAssistance } from '../../domain/housing-assistance/testing/decider-spec';
import { handles } from '../projection';
import { EventLog } from '../testing/envelopes';
import { spec } from '../testing/given-when-then';
import { caseDeadlinesOf } from '../shared/case-deadline';
import { housingAssistanceCaseViewProjection, isOverdue } from './case-view';
import { HOUSING_ASSISTANCE_STAGES, housingAssistanceStageOf } from './stage';

const CASE_ID = '0b0e4a52-6a57-4c1e-9d5d-6f1f3b1a2c11';
const STREAM = housingAssistanceStream(CASE_ID);

const OFFICER = { sub: 'officer-1', roles: ['provider-officer'], providerId: 'akimat-almaty', name: 'Officer One' };
const caseView = spec(housingAssistanceCaseViewProjection);

/** The case's events as recorded at one instant, from position 100. */
const recorded = (events: HousingAssistanceEvent[], at: string): RecordedEvent[] =>
  new EventLog([], { first: 100 }).append(STREAM, events, { at, actor: OFFICER });

function lifecycle(decidedAt: string) {
  return housingAssistance.history([
    { command: { type: 'SubmitApplication', data: application() }, at: '2026-04-30T05:00:00Z' },
    { command: { type: 'AcceptCompleteDocuments', data: { documents: ['application'] } }, at: '2026-04-30T06:00:00Z' },
    { command: { type: 'RecordGatewayData', data: gatewayData() }, at: '2026-05-04T05:00:00Z' },
    { command: { type: 'AssignAssistance', data: {} }, at: decidedAt },
    { command: { type: 'IssueResult', data: { deliveredVia: 'personal-cabinet' } }, at: decidedAt },
  ]);
}

describe('housing assistance case view', () => {
  test('a full lifecycle: registered, accepted with its deadline, decided on time with the amount, result issued', () => {
    const doc = caseView.given(recorded(lifecycle('2026-05-06T05:00:00Z'), '2026-05-06T05:00:00Z')).document();
    expect(doc).toMatchObject({
      id: CASE_ID,
      caseId: CASE_ID,
      providerId: 'akimat-almaty',
      regionCode: 'almaty-city',
      status: 'result-issued',
      stage: 'result-issued',
      registeredOn: '2026-04-30',
      acceptedOn: '2026-04-30',
      gatewayDataReceivedOn: '2026-05-04',
      regulationVersion: 'order-115-2025',
      applicantIin: APPLICANT_IIN,
      memberIins: [APPLICANT_IIN, SPOUSE_IIN, CHILD_IIN],
      decision: { outcome: 'assigned', decidedOn: '2026-05-06', amountTiyn: 1_153_000, late: false },
      result: { issuedOn: '2026-05-06', outcome: 'assigned', deliveredVia: 'personal-cabinet' },
      openDueOn: null,
      anyMissed: false,
      revision: 6,
    });
    expect(doc.deadlines.decision).toMatchObject({
      dueOn: '2026-05-13',
      state: 'met',
      satisfiedOn: '2026-05-06',
      rule: expect.stringMatching(/^HA Rules §13/),
    });
    expect((doc.decision?.parameters as { edition: { parametersId: string } }).edition.parametersId).toBe(
      'almaty-city-2026-01',
    );
    expect(doc.timeline.map((t) => t.type)).toEqual([
      'ApplicationSubmitted',
      'CompleteDocumentsAccepted',
      'DeadlineSet',
      'GatewayDataRecorded',
      'AssistanceAssigned',
      'DeadlineSatisfied',
      'ResultIssued',
    ]);
    expect(doc.timeline[2]).toMatchObject({
      summary: 'Deadline decision set: 6 working-days, due 2026-05-13',
      deadline: { dueOn: '2026-05-13', state: 'open' },
    });
    expect(doc.timeline[4]!.summary).toBe(
      'Housing assistance assigned on 2026-05-06: 11530.00 ₸ a month (parameters almaty-city-2026-01)',
    );
    // The timeline names roles and subjects, never the actor's name.
    expect(JSON.stringify(doc.timeline)).not.toContain('Officer One');
  });

  test('the fields every case view has: registrationDate, partyIins, streamName, the deadlines as dueDates', () => {
    const events = recorded(lifecycle('2026-05-14T05:00:00Z'), '2026-05-14T05:00:00Z');
    const doc = caseView.given(events).document();
    expect(doc).toMatchObject({
      streamName: STREAM,
      registrationDate: '2026-04-30',
      registeredOn: '2026-04-30',
      partyIins: [APPLICANT_IIN, SPOUSE_IIN, CHILD_IIN],
      memberIins: [APPLICANT_IIN, SPOUSE_IIN, CHILD_IIN],
    });
    expect(doc.dueDates).toEqual(caseDeadlinesOf(events));
    expect(doc.dueDates).toEqual([
      expect.objectContaining({
        deadlineId: 'decision',
        unit: 'working-days',
        days: 6,
        state: 'missed',
        satisfiedOn: '2026-05-14',
        missedOn: '2026-05-14',
      }),
    ]);
    expect(doc.timeline.find((t) => t.type === 'DeadlineSatisfied')?.deadline).toEqual({
      deadlineId: 'decision',
      state: 'missed',
      onDate: '2026-05-14',
    });
  });

  test('a late decision shows the breach', () => {
    const doc = caseView.given(recorded(lifecycle('2026-05-14T05:00:00Z'), '2026-05-14T05:00:00Z')).document();
    expect(doc.anyMissed).toBe(true);
    expect(doc.deadlines.decision).toMatchObject({
      state: 'missed',
      missedOn: '2026-05-14',
      satisfiedOn: '2026-05-14',
      late: true,
    });
    expect(doc.decision?.late).toBe(true);
  });

  test('overdue is computed at query time from the open due date', () => {
    const events = recorded(lifecycle('2026-05-06T05:00:00Z').slice(0, 3), '2026-04-30T06:00:00Z');
    const doc = caseView.given(events).document();
    expect(doc).toMatchObject({ status: 'documents-accepted', stage: 'documents-accepted', openDueOn: '2026-05-13' });
    expect(isOverdue(doc, '2026-05-13')).toBe(false);
    expect(isOverdue(doc, '2026-05-14')).toBe(true);
  });

  test('an event delivered twice is applied once', () => {
    const events = recorded(lifecycle('2026-05-06T05:00:00Z'), '2026-05-06T05:00:00Z');
    caseView
      .given(events.slice(0, 4))
      .when(...events.slice(2))
      .then(caseView.given(events).document());
  });

  test('a reasoned refusal shows its reasons', () => {
    const sub = housingAssistance
      .given()
      .when({ type: 'SubmitApplication', data: application() }, '2026-04-30T05:00:00Z')
      .events();
    const acc = housingAssistance
      .given(sub)
      .when({ type: 'AcceptCompleteDocuments', data: { documents: ['application'] } }, '2026-04-30T06:00:00Z')
      .events();
    const reasons = [
      {
        ground: 'unreliable-documents' as const,
        explanation: 'The lease contract number does not exist in the registry.',
      },
    ];
    const ref = housingAssistance
      .given(sub, acc)
      .when({ type: 'RefuseAssistance', data: { reasons } }, '2026-05-05T05:00:00Z')
      .events();
    const history = recorded([...sub, ...acc, ...ref], '2026-05-05T05:00:00Z');
    const doc = caseView.given(history.slice(0, 3)).when(history[3]!).document();
    expect(doc).toMatchObject({
      status: 'refused',
      stage: 'refusal',
      decision: { outcome: 'refused', reasons, amountTiyn: null },
    });
  });

  test('the projection takes only housing assistance streams', () => {
    const [e] = recorded(lifecycle('2026-05-06T05:00:00Z').slice(0, 1), '2026-05-06T05:00:00Z');
    expect(handles(housingAssistanceCaseViewProjection, e!)).toBe(true);
    expect(handles(housingAssistanceCaseViewProjection, { ...e!, streamName: privatizationStream(CASE_ID) })).toBe(
      false,
    );
    expect(housingAssistanceCaseViewProjection.keysOf(e!)).toEqual([CASE_ID]);
  });
});

describe('monitoring feed stages (Rules §11)', () => {
  test('every stage-changing event maps to a stage, in the order of the service; deadline facts are not stages', () => {
    const events = lifecycle('2026-05-06T05:00:00Z');
    const stages = events
      .map(housingAssistanceStageOf)
      .filter((s) => s !== null)
      .map((s) => s!.stage);
    expect(stages).toEqual(['registration', 'documents-accepted', 'assistance-assigned', 'result-issued']);
    expect(stages.every((s) => HOUSING_ASSISTANCE_STAGES.includes(s))).toBe(true);
    expect(housingAssistanceStageOf({ type: 'DeadlineSet', data: {} })).toBeNull();
  });

  test('a stage carries codes and dates only: no IIN, name or amount reaches the feed', () => {
    for (const e of lifecycle('2026-05-14T05:00:00Z')) {
      const stage = housingAssistanceStageOf(e);
      const text = JSON.stringify(stage);
      for (const secret of [APPLICANT_IIN, SPOUSE_IIN, 'Nurlanova', '1153000']) expect(text).not.toContain(secret);
    }
    const decided = lifecycle('2026-05-14T05:00:00Z').find((e) => e.type === 'AssistanceAssigned')!;
    expect(housingAssistanceStageOf(decided)).toEqual({
      stage: 'assistance-assigned',
      status: 'assigned',
      label: 'Housing assistance assigned',
      on: '2026-05-14',
      rule: 'HA Rules §13',
      outcome: 'assigned',
      late: true,
    });
  });
});
