/**
 * The monitoring feed (Rules §11): given a case's events, then the stage messages — with the registration date
 * (Rules §5), the due date and on-time flag from the deadline facts, the refusal grounds (Annex 1 item 9) and no
 * personal data.
 */
import { PRIVATIZATION_STREAM_PREFIX, privatizationStream } from '../../domain/privatization/stream';
import { HOUSING_ASSISTANCE_STREAM_PREFIX, housingAssistanceStream } from '../../domain/housing-assistance/stream';
import { COMPLAINT_STREAM_PREFIX, complaintStreamName } from '../../domain/complaints/stream';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { RecordedEvent } from '../../contracts/envelope';
import { ServiceStageMessageSchema, type ServiceStageMessage } from '../../contracts/monitoring';
import { complaintMonitoring } from '../complaints/monitoring';
import { housingAssistanceMonitoring } from '../housing-assistance/monitoring';
import { privatizationMonitoring } from '../privatization/monitoring';
import { EventLog } from '../testing/envelopes';
import { feedStep, restOfCommand, type CaseFeedState } from './feed';
import type { MonitoredService } from './services';

/** The mappings under test, each under its stream prefix (kezen derives this from its registry). */
const MONITORED: MonitoredService[] = [
  { ...privatizationMonitoring, streamPrefix: PRIVATIZATION_STREAM_PREFIX },
  { ...housingAssistanceMonitoring, streamPrefix: HOUSING_ASSISTANCE_STREAM_PREFIX },
  { ...complaintMonitoring, streamPrefix: COMPLAINT_STREAM_PREFIX },
];

const caseId = '0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';
const stream = privatizationStream(caseId);
const officer = {
  sub: 'officer-1',
  roles: ['provider-officer'],
  providerId: 'akimat-almaty',
  name: 'Айгерим Сапарова',
};
let log = new EventLog();

/** One event of a command, recorded on the test's log; the n-th event of the log happens on (n + 2) March. */
function recorded(type: string, data: Record<string, unknown>, commandId: string, streamName = stream): RecordedEvent {
  const n = log.events.length + 1;
  const at = `2026-03-${String(2 + n).padStart(2, '0')}T05:00:00Z`;
  return log.append(streamName, [{ type, data }], {
    at,
    recordedAt: '2026-03-02T05:00:00Z',
    commandId,
    actor: officer,
  })[0]!;
}

const deadline = (deadlineId: string, dueOn: string) => ({
  deadline: {
    deadlineId,
    termId: `privatization.${deadlineId}`,
    rule: 'Annex 1 item 3',
    description: 'x',
    unit: 'calendar-days',
    days: 30,
    triggeredOn: '2026-03-02',
    dueOn,
    provisional: false,
    regulationVersion: 'order-115-2025',
  },
});

const registered = {
  caseId,
  channel: 'portal',
  providerId: 'akimat-almaty',
  track: 'communal-fund',
  applicant: { iin: '900101300018', fullName: 'Айгерим Сапарова' },
  dwelling: { address: 'Алматы, ул. Абая 1, кв. 2' },
  registeredOn: '2026-03-02',
  regulationVersion: 'order-115-2025',
  rule: 'Rules §5',
};

/** Folds events like the runner does (state per case, the rest of each command looked ahead). */
function run(events: RecordedEvent[], initial: CaseFeedState | null = null) {
  let state = initial;
  const messages: ServiceStageMessage[] = [];
  events.forEach((event, i) => {
    const step = feedStep(state, event, restOfCommand(events, i), MONITORED);
    state = step.state;
    if (step.message) messages.push(step.message);
  });
  return { state, messages };
}

const ajv = addFormats(new Ajv({ strict: false }));
const valid = ajv.compile(ServiceStageMessageSchema);

beforeEach(() => {
  log = new EventLog();
});

describe('monitoring feed (Rules §11)', () => {
  test('registration: one message with the registration date (Rules §5) and the decision due date set with it', () => {
    const { messages } = run([
      recorded('ApplicationRegistered', registered, 'c1'),
      recorded('DocumentChecklistDetermined', { items: [] }, 'c1'),
      recorded('DeadlineSet', deadline('decision', '2026-04-01'), 'c1'),
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      schema: 'kezen.monitoring.service-stage.v1',
      serviceCode: 'privatization',
      caseId,
      providerId: 'akimat-almaty',
      channel: 'portal',
      stage: 'registration',
      status: 'in-progress',
      registrationDate: '2026-03-02',
      dueDate: '2026-04-01',
      onTime: true,
      refusalGroundCodes: [],
      regulationVersion: 'order-115-2025',
      position: 1,
    });
    expect(valid(messages[0])).toBe(true);
  });

  test('no personal data: neither the IIN, the name nor the address reaches a message or the kept state', () => {
    const { messages, state } = run([recorded('ApplicationRegistered', registered, 'c1')]);
    const text = JSON.stringify({ messages, state });
    for (const personal of ['900101300018', 'Айгерим', 'Абая']) expect(text).not.toContain(personal);
  });

  test('the decision met late is reported not on time, with the next stage’s due date (Annex 1 item 3)', () => {
    const { messages } = run([
      recorded('ApplicationRegistered', registered, 'c1'),
      recorded('DeadlineSet', deadline('decision', '2026-04-01'), 'c1'),
      recorded('DocumentReviewCompleted', { outcome: 'compliant', reviewedOn: '2026-03-05' }, 'c2'),
      recorded('PrivatizationDecisionAdopted', { adoptedOn: '2026-04-03' }, 'c3'),
      recorded(
        'DeadlineMissed',
        { deadlineId: 'decision', dueOn: '2026-04-01', missedOn: '2026-04-02', detectedBy: 'late-step' },
        'c3',
      ),
      recorded('DeadlineSatisfied', { deadlineId: 'decision', satisfiedOn: '2026-04-03', late: true }, 'c3'),
      recorded('DeadlineSet', deadline('contract', '2026-05-04'), 'c3'),
      recorded('ContractSigned', { signedOn: '2026-04-10' }, 'c4'),
      recorded('DeadlineSatisfied', { deadlineId: 'contract', satisfiedOn: '2026-04-10', late: false }, 'c4'),
    ]);
    expect(messages.map((m) => [m.stage, m.dueDate, m.onTime])).toEqual([
      ['registration', '2026-04-01', true],
      ['document-review', '2026-04-01', true],
      ['privatization-decision', '2026-05-04', false],
      ['contract-signed', '2026-05-04', true],
    ]);
  });

  test('a deadline the watcher finds missed changes the on-time status of the current stage', () => {
    const { messages } = run([
      recorded('ApplicationRegistered', registered, 'c1'),
      recorded('DeadlineSet', deadline('decision', '2026-04-01'), 'c1'),
      recorded(
        'DeadlineMissed',
        { deadlineId: 'decision', dueOn: '2026-04-01', missedOn: '2026-04-02', detectedBy: 'watcher' },
        'w1',
      ),
    ]);
    expect(messages.map((m) => [m.stage, m.sourceEventType, m.onTime])).toEqual([
      ['registration', 'ApplicationRegistered', true],
      ['registration', 'DeadlineMissed', false],
    ]);
  });

  test('refusal with hearing (Rules §10): the grounds travel as codes, the result is reported refused', () => {
    const grounds = ['not-meeting-requirements'];
    const { messages } = run([
      recorded('ApplicationRegistered', registered, 'c1'),
      recorded('PreliminaryRefusalIssued', { grounds, issuedOn: '2026-03-10' }, 'c2'),
      recorded('HearingScheduled', { noticeSentOn: '2026-03-10' }, 'c3'),
      recorded('HearingHeld', { heldOn: '2026-03-12' }, 'c4'),
      recorded('ReasonedRefusalIssued', { grounds, refusedOn: '2026-03-13' }, 'c5'),
      recorded('ResultIssued', { resultKind: 'reasoned-refusal', issuedOn: '2026-03-13' }, 'c6'),
    ]);
    expect(messages.map((m) => [m.stage, m.status, m.refusalGroundCodes])).toEqual([
      ['registration', 'in-progress', []],
      ['preliminary-refusal', 'in-progress', grounds],
      ['hearing-scheduled', 'in-progress', grounds],
      ['hearing-held', 'in-progress', grounds],
      ['reasoned-refusal', 'refused', grounds],
      ['result-issued', 'refused', grounds],
    ]);
    for (const m of messages) expect(valid(m)).toBe(true);
  });

  test('message id = source event id; a replayed event (at or before the kept position) yields nothing', () => {
    const events = [recorded('ApplicationRegistered', registered, 'c1'), recorded('ContractSigned', {}, 'c2')];
    const first = run(events);
    expect(first.messages.map((m) => m.messageId)).toEqual(events.map((e) => e.eventId));
    expect(run(events, first.state).messages).toEqual([]);
  });

  test('housing assistance is monitored the same way (generic over services)', () => {
    const ha = housingAssistanceStream(caseId);
    const { messages } = run([
      recorded('ApplicationSubmitted', { ...registered, receivedAt: '2026-03-02T05:00:00Z' }, 'h1', ha),
      recorded(
        'AssistanceRefused',
        { reasons: [{ ground: 'incomplete-documents', explanation: 'x' }], late: false },
        'h2',
        ha,
      ),
    ]);
    expect(messages.map((m) => [m.serviceCode, m.stage, m.status, m.refusalGroundCodes])).toEqual([
      ['housing-assistance', 'registration', 'in-progress', []],
      ['housing-assistance', 'refusal', 'refused', ['incomplete-documents']],
    ]);
  });

  test('complaints (Rules §13–§14) are keyed with the case complained about', () => {
    const complaint = complaintStreamName('3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f');
    const { messages } = run([
      recorded('ComplaintLodged', { caseId, providerId: 'akimat-almaty', channel: 'portal' }, 'k1', complaint),
      recorded('ComplaintDecided', { outcome: 'rejected' }, 'k2', complaint),
    ]);
    expect(messages.map((m) => [m.serviceCode, m.caseId, m.stage, m.status])).toEqual([
      ['complaint', caseId, 'complaint-lodged', 'in-progress'],
      ['complaint', caseId, 'complaint-rejected', 'refused'],
    ]);
  });

  test('events of other streams are ignored', () => {
    expect(run([recorded('SomethingElse', {}, 'x', `other-${caseId}`)]).messages).toEqual([]);
  });
});
