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
import { given } from '../../domain/housing-assistance/testing/given-when-then';
import { handles } from '../projection';
import {
  evolveHousingAssistanceCaseView,
  housingAssistanceCaseViewProjection,
  isOverdue,
  type HousingAssistanceCaseViewDoc,
} from './case-view';
import { HOUSING_ASSISTANCE_STAGES, housingAssistanceStageOf } from './stage';

const CASE_ID = '0b0e4a52-6a57-4c1e-9d5d-6f1f3b1a2c11';
const STREAM = housingAssistanceStream(CASE_ID);

function recorded(events: HousingAssistanceEvent[], at: string): RecordedEvent[] {
  return events.map((e, i) => ({
    eventId: `e-${i}`,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    streamName: STREAM,
    revision: i,
    position: 100 + i,
    metadata: {
      commandId: `c-${i}`,
      correlationId: `c-${i}`,
      causationId: `c-${i}`,
      actor: { sub: 'officer-1', roles: ['provider-officer'], providerId: 'akimat-almaty', name: 'Officer One' },
      occurredAt: at,
      recordedAt: at,
      regulationVersion: 'order-115-2025',
      prevHash: '',
      hash: '',
    },
  }));
}

const project = (events: RecordedEvent[]) =>
  events.reduce<HousingAssistanceCaseViewDoc | null>(
    (doc, e) => housingAssistanceCaseViewProjection.evolve(doc, e, CASE_ID),
    null,
  );

function lifecycle(decidedAt: string) {
  const h0 = given();
  const submitted = h0.when(
    { type: 'SubmitHousingAssistanceApplication', data: application() },
    '2026-04-30T05:00:00Z',
  );
  const h1 = given(submitted);
  const accepted = h1.when(
    { type: 'AcceptCompleteDocuments', data: { documents: ['application'] } },
    '2026-04-30T06:00:00Z',
  );
  const h2 = given(submitted, accepted);
  const gateway = h2.when({ type: 'RecordGatewayData', data: gatewayData() }, '2026-05-04T05:00:00Z');
  const h3 = given(submitted, accepted, gateway);
  const assigned = h3.when({ type: 'AssignHousingAssistance', data: {} }, decidedAt);
  const h4 = h3.then(assigned);
  const issued = h4.when({ type: 'IssueResult', data: { deliveredVia: 'personal-cabinet' } }, decidedAt);
  return [...submitted, ...accepted, ...gateway, ...assigned, ...issued];
}

describe('housing assistance case view', () => {
  test('a full lifecycle: registered, accepted with its deadline, decided on time with the amount, result issued', () => {
    const doc = project(recorded(lifecycle('2026-05-06T05:00:00Z'), '2026-05-06T05:00:00Z'))!;
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
      'HousingAssistanceApplicationSubmitted',
      'CompleteDocumentsAccepted',
      'DeadlineSet',
      'HousingAssistanceGatewayDataRecorded',
      'HousingAssistanceAssigned',
      'DeadlineSatisfied',
      'HousingAssistanceResultIssued',
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

  test('a late decision shows the breach', () => {
    const doc = project(recorded(lifecycle('2026-05-14T05:00:00Z'), '2026-05-14T05:00:00Z'))!;
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
    const doc = project(events)!;
    expect(doc).toMatchObject({ status: 'documents-accepted', stage: 'documents-accepted', openDueOn: '2026-05-13' });
    expect(isOverdue(doc, '2026-05-13')).toBe(false);
    expect(isOverdue(doc, '2026-05-14')).toBe(true);
  });

  test('an event delivered twice is applied once', () => {
    const events = recorded(lifecycle('2026-05-06T05:00:00Z'), '2026-05-06T05:00:00Z');
    const once = project(events);
    const twice = project([...events.slice(0, 4), ...events.slice(2)]);
    expect(twice).toEqual(once);
  });

  test('a reasoned refusal shows its reasons', () => {
    const sub = given().when(
      { type: 'SubmitHousingAssistanceApplication', data: application() },
      '2026-04-30T05:00:00Z',
    );
    const acc = given(sub).when(
      { type: 'AcceptCompleteDocuments', data: { documents: ['application'] } },
      '2026-04-30T06:00:00Z',
    );
    const reasons = [
      {
        ground: 'unreliable-documents' as const,
        explanation: 'The lease contract number does not exist in the registry.',
      },
    ];
    const ref = given(sub, acc).when({ type: 'RefuseHousingAssistance', data: { reasons } }, '2026-05-05T05:00:00Z');
    const doc = evolveHousingAssistanceCaseView(
      project(recorded([...sub, ...acc], '2026-05-05T05:00:00Z')),
      recorded([...sub, ...acc, ...ref], '2026-05-05T05:00:00Z')[3]!,
    )!;
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
    const decided = lifecycle('2026-05-14T05:00:00Z').find((e) => e.type === 'HousingAssistanceAssigned')!;
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
