/** The complaint view folds the complaint stream; complaints merge into the case timeline in log order. */
import { complaintStreamName } from '../../domain/complaints/stream';
import type { RecordedEvent } from '../../contracts/envelope';
import {
  at10,
  CASE_ID,
  COMPLAINT_ID,
  forwarded,
  history,
  lodged,
  registered,
  type Step,
} from '../../domain/complaints/spec-support';
import { complaintsForCaseView, complaintViewProjection, mergeCaseTimeline, type ComplaintViewDoc } from '.';

function recorded(steps: Step[], firstPosition = 1): RecordedEvent[] {
  const events = history(steps);
  // occurredAt per event: the instant of the step that produced it (counted by replaying prefix lengths).
  const instants: string[] = [];
  for (let i = 1; i <= steps.length; i++) {
    const n = history(steps.slice(0, i)).length;
    while (instants.length < n) instants.push(steps[i - 1]!.at);
  }
  return events.map((e, revision) => ({
    eventId: `e-${revision}`,
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    streamName: complaintStreamName(COMPLAINT_ID),
    revision,
    position: firstPosition + revision * 2,
    metadata: {
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      actor: { sub: 'user:officer', roles: ['provider-head'], name: 'Secret Name' },
      occurredAt: instants[revision]!,
      recordedAt: instants[revision]!,
      regulationVersion: 'order-115-2025',
      prevHash: '',
      hash: '',
    },
  }));
}

const fold = (events: RecordedEvent[]) =>
  events.reduce<ComplaintViewDoc | null>(
    (doc, e) => complaintViewProjection.evolve(doc, e, complaintViewProjection.keysOf(e)[0]!),
    null,
  );

const late = [lodged('2026-03-20'), registered('2026-03-20'), forwarded('2026-03-31')];

test('the view links its case and shows every deadline with its state (forward late → missed; review open)', () => {
  const doc = fold(recorded(late))!;
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
  const once = fold(events);
  expect(fold([...events, events[events.length - 1]!])).toEqual(once);
});

test('decided complaint: outcome, reasons, closed; the case view summary links it', () => {
  const doc = fold(
    recorded([
      ...late,
      {
        command: { type: 'DecideComplaint', data: { outcome: 'upheld', reasons: 'The term was broken.' } },
        at: at10('2026-04-01'),
      },
    ]),
  )!;
  expect(doc).toMatchObject({ status: 'decided', outcome: 'upheld', closedOn: '2026-04-01', openDueOn: null });
  expect(complaintsForCaseView([doc])[0]).toMatchObject({ href: `/v1/complaints/${COMPLAINT_ID}`, outcome: 'upheld' });
});

test('complaint entries join the case timeline in log order', () => {
  const doc = fold(recorded(late, 2))!; // positions 2, 4, 6, …
  const caseEntries = [1, 3, 5].map((position) => ({ position, type: `Case${position}` }));
  const merged = mergeCaseTimeline(caseEntries, [doc]);
  expect(merged.map((m) => m.position)).toEqual([...merged.map((m) => m.position)].sort((a, b) => a - b));
  expect(merged.slice(0, 3).map((m) => m.source)).toEqual(['case', 'complaint', 'case']);
  expect(merged.filter((m) => m.source === 'complaint')).toHaveLength(doc.timeline.length);
});

test('a replayed ComplaintLodged does not reset the view', () => {
  const events = recorded(late);
  const once = fold(events);
  expect(fold([...events, events[0]!])).toEqual(once);
});

test('a malformed event still gets a timeline line (its type)', () => {
  const [e] = recorded([lodged('2026-03-20')]);
  const broken = { ...e!, type: 'DeadlineSet', data: {} };
  expect(fold([e!, { ...broken, position: 99, revision: 1 }])!.timeline[1]).toMatchObject({ summary: 'DeadlineSet' });
});

test('a deadline the watcher records missed stays owed: still in openDueOn, so the complaint is overdue (one deadline rule, projections/shared/deadlines.ts)', () => {
  const doc = fold(
    recorded([
      ...late,
      { command: { type: 'RecordDeadlineMissed', data: { deadlineId: 'review' } }, at: at10('2026-04-02') },
    ]),
  )!;
  expect(doc.deadlines.review).toMatchObject({ state: 'missed', dueOn: '2026-04-01', missedOn: '2026-04-02' });
  expect(doc.deadlines.review?.satisfiedOn).toBeUndefined();
  expect(doc).toMatchObject({ openDueOn: '2026-04-01', anyMissed: true });
});
