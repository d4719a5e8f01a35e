/** The complaint view folds the complaint stream; complaints merge into the case timeline in log order. */
import { complaintStreamName } from '../../domain/complaints/stream';
import type { RecordedEvent } from '../../contracts/envelope';
import {
  at10,
  CASE_ID,
  COMPLAINT_ID,
  forwarded,
  lodged,
  registered,
  type ComplaintStep as Step,
} from '../../domain/complaints/testing/fixtures';
import { complaints } from '../../domain/complaints/testing/decider-spec';
import { EventLog } from '../testing/envelopes';
import { spec } from '../testing/given-when-then';
import { complaintsForCaseView, complaintViewProjection, mergeCaseTimeline } from '.';

const actor = { sub: 'user:officer', roles: ['provider-head'], name: 'Secret Name' };
const complaintView = spec(complaintViewProjection);

/** The complaint's events as recorded: each step's events at its instant, positions every other one from `first`. */
function recorded(steps: Step[], first = 1): RecordedEvent[] {
  const log = new EventLog([], { first, step: 2 });
  let given = complaints.given();
  for (const { command, at } of steps) {
    const decided = given.when(command, at);
    log.append(complaintStreamName(COMPLAINT_ID), decided.events(), { at, actor });
    given = decided.and();
  }
  return log.events;
}

const late = [lodged('2026-03-20'), registered('2026-03-20'), forwarded('2026-03-31')];

test('the view links its case and shows every deadline with its state (forward late → missed; review open)', () => {
  const doc = complaintView.given(recorded(late)).document();
  expect(doc).toMatchObject({
    id: COMPLAINT_ID,
    caseId: CASE_ID,
    status: 'forwarded',
    registeredOn: '2026-03-20',
    anyMissed: true,
  });
  expect(doc.deadlines.forward).toMatchObject({
    state: 'missed',
    dueOn: '2026-03-30',
    satisfiedOn: '2026-03-31',
    late: true,
  });
  expect(doc.deadlines.satisfy).toMatchObject({ state: 'cancelled' });
  expect(doc.deadlines.review).toMatchObject({ state: 'open', dueOn: '2026-04-01' });
  expect(doc.openDueOn).toBe('2026-04-01');
  expect(doc.timeline.map((t) => t.type)).toContain('ComplaintForwarded');
  expect(JSON.stringify(doc.timeline)).not.toContain('Secret Name');
});

test('a replayed event does not change the view (idempotent by position)', () => {
  const events = recorded(late);
  complaintView
    .given(events)
    .when(events[events.length - 1]!)
    .thenUnchanged();
});

test('decided complaint: outcome, reasons, closed; the case view summary links it', () => {
  const doc = complaintView
    .given(
      recorded([
        ...late,
        {
          command: { type: 'DecideComplaint', data: { outcome: 'upheld', reasons: 'The term was broken.' } },
          at: at10('2026-04-01'),
        },
      ]),
    )
    .document();
  expect(doc).toMatchObject({ status: 'decided', outcome: 'upheld', closedOn: '2026-04-01', openDueOn: null });
  expect(complaintsForCaseView([doc])[0]).toMatchObject({ href: `/v1/complaints/${COMPLAINT_ID}`, outcome: 'upheld' });
});

test('complaint entries join the case timeline in log order', () => {
  const doc = complaintView.given(recorded(late, 2)).document(); // positions 2, 4, 6, …
  const caseEntries = [1, 3, 5].map((position) => ({ position, type: `Case${position}` }));
  const merged = mergeCaseTimeline(caseEntries, [doc]);
  expect(merged.map((m) => m.position)).toEqual([...merged.map((m) => m.position)].sort((a, b) => a - b));
  expect(merged.slice(0, 3).map((m) => m.source)).toEqual(['case', 'complaint', 'case']);
  expect(merged.filter((m) => m.source === 'complaint')).toHaveLength(doc.timeline.length);
});

test('a replayed ComplaintLodged does not reset the view', () => {
  const events = recorded(late);
  complaintView.given(events).when(events[0]!).thenUnchanged();
});

test('a malformed event still gets a timeline line (its type)', () => {
  const [e] = recorded([lodged('2026-03-20')]);
  const broken = { ...e!, type: 'DeadlineSet', data: {} };
  const doc = complaintView
    .given([e!])
    .when({ ...broken, position: 99, revision: 1 })
    .document();
  expect(doc.timeline[1]).toMatchObject({ summary: 'DeadlineSet' });
});

test('a deadline the watcher records missed stays owed: still in openDueOn, so the complaint is overdue (one deadline rule, projections/shared/deadlines.ts)', () => {
  const doc = complaintView
    .given(
      recorded([
        ...late,
        { command: { type: 'RecordDeadlineMissed', data: { deadlineId: 'review' } }, at: at10('2026-04-02') },
      ]),
    )
    .document();
  expect(doc.deadlines.review).toMatchObject({ state: 'missed', dueOn: '2026-04-01', missedOn: '2026-04-02' });
  expect(doc.deadlines.review?.satisfiedOn).toBeUndefined();
  expect(doc).toMatchObject({ openDueOn: '2026-04-01', anyMissed: true });
});
