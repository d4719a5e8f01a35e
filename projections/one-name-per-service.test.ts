/**
 * An event type is unique only within its service (docs/ARCHITECTURE.md "Names"): privatization and housing assistance
 * both record `GatewayDataRecorded`, `ResultIssued` and `ApplicationWithdrawn`. A projection reacts to an event by its
 * stream's service and its type: a service's projections never to another service's event of the same name, and the
 * cross-service ones (dashboard, monitoring feed, deadline index) by the mapping of the event's own service.
 */
import type { RecordedEvent } from '../contracts/envelope';
import { housingAssistance } from '../domain/housing-assistance/testing/decider-spec';
import { application, gatewayData } from '../domain/housing-assistance/testing/fixtures';
import { contracted, registered, tenAm } from '../domain/privatization/testing/histories';
import { TEST_CASE_ID, signedCabinetResult } from '../domain/privatization/testing/fixtures';
import { HOUSING_ASSISTANCE_STREAM_PREFIX } from '../domain/housing-assistance/stream';
import { PRIVATIZATION_STREAM_PREFIX } from '../domain/privatization/stream';
import { complaintViewProjection } from './complaints/complaint-view';
import { dashboardCasesProjection, summaryByStages, type CaseSummary } from './dashboard/case-summary';
import { deadlineIndexProjection } from './dashboard/deadline-index';
import { housingAssistanceCaseViewProjection } from './housing-assistance/case-view';
import { housingAssistanceMonitoring } from './housing-assistance/monitoring';
import { feedStep, restOfCommand, type CaseFeedState } from './monitoring/feed';
import type { MonitoredService } from './monitoring/services';
import { privatizationMonitoring, privatizationProjections } from './privatization';
import type { Projection } from './projection';
import { EventLog } from './testing/envelopes';
import { project } from './testing/given-when-then';

const HA_CASE = '0b0e4a52-6a57-4c1e-9d5d-6f1f3b1a2c11';
const HA_STREAM = `housing-assistance-${HA_CASE}`;
const HA_WITHDRAWN_STREAM = 'housing-assistance-5d3c8a0e-1b2f-4c6d-8e9a-0f1b2c3d4e5f';
const SHARED_NAMES = ['ApplicationWithdrawn', 'GatewayDataRecorded', 'ResultIssued'];

/** A housing assistance case refused, with its result, and one withdrawn: every name it shares with privatization. */
function housingAssistanceLog(): RecordedEvent[] {
  const log = new EventLog();
  const refused = housingAssistance.history([
    { command: { type: 'SubmitApplication', data: application() }, at: '2026-04-30T05:00:00Z' },
    { command: { type: 'AcceptCompleteDocuments', data: { documents: ['application'] } }, at: '2026-04-30T06:00:00Z' },
    { command: { type: 'RecordGatewayData', data: gatewayData() }, at: '2026-05-04T05:00:00Z' },
  ]);
  log.append(HA_STREAM, refused, { at: '2026-05-04T05:00:00Z' });
  const decided = housingAssistance.history([
    ...[
      { command: { type: 'SubmitApplication' as const, data: application() }, at: '2026-04-30T05:00:00Z' },
      {
        command: { type: 'AcceptCompleteDocuments' as const, data: { documents: ['application'] } },
        at: '2026-04-30T06:00:00Z',
      },
      { command: { type: 'RecordGatewayData' as const, data: gatewayData() }, at: '2026-05-04T05:00:00Z' },
    ],
    {
      command: {
        type: 'RefuseAssistance',
        data: { reasons: [{ ground: 'no-entitlement-income', explanation: 'The income is above the threshold.' }] },
      },
      at: '2026-05-05T05:00:00Z',
    },
  ]);
  log.append(HA_STREAM, decided.slice(refused.length), { at: '2026-05-05T05:00:00Z' });
  const issued = housingAssistance
    .given(decided)
    .when({ type: 'IssueResult', data: { deliveredVia: 'personal-cabinet' } }, '2026-05-06T05:00:00Z')
    .events();
  log.append(HA_STREAM, issued, { at: '2026-05-06T05:00:00Z' });
  const withdrawn = housingAssistance.history([
    { command: { type: 'SubmitApplication', data: application() }, at: '2026-04-30T05:00:00Z' },
    { command: { type: 'WithdrawApplication', data: {} }, at: '2026-05-04T05:00:00Z' },
  ]);
  log.append(HA_WITHDRAWN_STREAM, withdrawn, { at: '2026-05-04T05:00:00Z' });
  return log.events;
}

/** A privatization case contracted with its result, and one withdrawn. */
function privatizationLog(): RecordedEvent[] {
  const log = new EventLog();
  const c = contracted({ channel: 'portal' });
  c.run(tenAm('2026-03-13'), {
    type: 'IssueResult',
    data: signedCabinetResult(TEST_CASE_ID, 'privatization-contract', 'PC-2026-31', '2026-03-13T04:00:00Z'),
  });
  log.append(`privatization-${TEST_CASE_ID}`, c.history, { at: tenAm('2026-03-13') });
  const w = registered();
  w.run(tenAm('2026-03-05'), { type: 'WithdrawApplication', data: {} });
  log.append('privatization-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', w.history, { at: tenAm('2026-03-05') });
  return log.events;
}

/** Both case services, each under its own stream prefix, as the registry derives them. */
const MONITORED: MonitoredService[] = [
  { ...privatizationMonitoring, streamPrefix: PRIVATIZATION_STREAM_PREFIX },
  { ...housingAssistanceMonitoring, streamPrefix: HOUSING_ASSISTANCE_STREAM_PREFIX },
];
const dashboardCases = dashboardCasesProjection(
  MONITORED.map((m) => ({ service: m.serviceCode, streamPrefix: m.streamPrefix, summary: summaryByStages(m) })),
);

const ha = housingAssistanceLog();
const privatization = privatizationLog();
const typesOf = (events: readonly RecordedEvent[]) => new Set(events.map((e) => e.type));
const documents = (projection: Projection, events: readonly RecordedEvent[]) => [
  ...project(projection, new Map(), events).values(),
];

test('the two logs do share those names (else this spec proves nothing)', () => {
  for (const name of SHARED_NAMES) {
    expect(typesOf(ha)).toContain(name);
    expect(typesOf(privatization)).toContain(name);
  }
});

test.each(privatizationProjections.map((p) => [p.name, p] as const))(
  '%s: no document from a housing assistance case',
  (_name, projection) => {
    expect(documents(projection as Projection, ha)).toEqual([]);
    // Only the stream keeps them apart: the same events in a privatization stream would be taken.
    const misfiled = ha.map((e) => ({
      ...e,
      streamName: e.streamName.replace('housing-assistance-', 'privatization-'),
    }));
    expect(documents(projection as Projection, misfiled).length).toBeGreaterThan(0);
  },
);

test.each([
  ['housing-assistance-case-view', housingAssistanceCaseViewProjection],
  ['complaint-view', complaintViewProjection],
] as const)('%s: no document from a privatization case', (_name, projection) => {
  expect(documents(projection as unknown as Projection, privatization)).toEqual([]);
  expect(documents(projection as unknown as Projection, ha).length).toBe(
    projection === housingAssistanceCaseViewProjection ? 2 : 0,
  );
});

test("the dashboard reads a housing assistance result by housing assistance's mapping, not privatization's", () => {
  const byStream = new Map(documents(dashboardCases as unknown as Projection, ha).map((d) => [d.id, d]));
  const refused = byStream.get(HA_STREAM) as CaseSummary;
  // Privatization's mapping of ResultIssued would read `resultKind` (absent here) and say `completed`.
  expect([refused.service, refused.stage, refused.status]).toEqual(['housing-assistance', 'result-issued', 'refused']);
  expect((byStream.get(HA_WITHDRAWN_STREAM) as CaseSummary).status).toBe('withdrawn');
});

test('the monitoring feed: a message per stage of the housing assistance case, by its own mapping', () => {
  let state: CaseFeedState | null = null;
  const messages = ha
    .filter((e) => e.streamName === HA_STREAM)
    .flatMap((e, i, events) => {
      const step = feedStep(state, e, restOfCommand(events, i), MONITORED);
      state = step.state;
      return step.message ? [step.message] : [];
    });
  expect(messages.map((m) => [m.serviceCode, m.sourceEventType, m.stage, m.status])).toEqual([
    ['housing-assistance', 'ApplicationSubmitted', 'registration', 'in-progress'],
    ['housing-assistance', 'CompleteDocumentsAccepted', 'documents-accepted', 'in-progress'],
    ['housing-assistance', 'AssistanceRefused', 'refusal', 'refused'],
    ['housing-assistance', 'ResultIssued', 'result-issued', 'refused'],
  ]);
});

test('the deadline index reads only the deadline facts, which are the same in every service', () => {
  const index = documents(deadlineIndexProjection as unknown as Projection, [...ha, ...privatization]);
  expect(new Set(index.map((d) => String(d.id).split('-')[0]))).toEqual(new Set(['housing', 'privatization']));
  expect(deadlineIndexProjection.eventTypes).toEqual([
    'DeadlineSet',
    'DeadlineSatisfied',
    'DeadlineMissed',
    'DeadlineCancelled',
  ]);
});
