/**
 * The compliance report on a case with one met and one missed deadline: the housing assistance decision within the
 * 6 working days of HA Rules §13 (met), and the complaint about it forwarded one working day after the 3 working
 * days of Rules §14 (missed); the complaint's §13 review met.
 */
import { complianceReport } from './compliance';
import {
  calendar,
  CASE_STREAM,
  COMPLAINT_ID,
  COMPLAINT_STREAM,
  createHarness,
  runScenario,
  type Harness,
} from './testing/scenario';
import { embeddedEventStore } from '../../adapters/sqlite/testing/embedded-store';

let h: Harness;
beforeAll(async () => {
  h = createHarness(embeddedEventStore);
  await runScenario(h);
});
afterAll(() => h.close());

async function report(today: string) {
  return complianceReport(
    [
      { streamName: CASE_STREAM, subject: 'case', events: await h.store.readStream(CASE_STREAM) },
      {
        streamName: COMPLAINT_STREAM,
        subject: { complaintId: COMPLAINT_ID },
        events: await h.store.readStream(COMPLAINT_STREAM),
      },
    ],
    calendar,
    today,
  );
}

test('HA Rules §13: accepted 30 April 2026, decided 5 May — met, 2 working days used of 6 (1 May, weekend off)', async () => {
  const r = await report('2026-05-20');
  const decision = r.rows.find((x) => x.subject === 'case');
  expect(decision).toMatchObject({
    rule: expect.stringMatching(/^HA Rules §13/),
    triggeredOn: '2026-04-30',
    dueOn: '2026-05-13',
    stepOn: '2026-05-05',
    state: 'met',
    breach: null,
    workingDaysUsed: 2,
    workingDaysAllowed: 6,
    calendarDaysUsed: 5,
  });
});

test('Rules §14: received 6 May, forwarded 14 May — missed (due 13 May), 4 working days used of 3 (7 and 11 May off)', async () => {
  const r = await report('2026-05-20');
  const forward = r.rows.find((x) => x.deadlineId === 'forward');
  expect(forward).toMatchObject({
    subject: { complaintId: COMPLAINT_ID },
    rule: expect.stringMatching(/^Rules §14/),
    triggeredOn: '2026-05-06',
    dueOn: '2026-05-13',
    stepOn: '2026-05-14',
    state: 'missed',
    breach: { missedOn: '2026-05-14', detectedBy: 'late-step' },
    workingDaysUsed: 4,
    workingDaysAllowed: 3,
  });
  expect(r.rows.find((x) => x.deadlineId === 'satisfy')).toMatchObject({
    state: 'cancelled',
    stepOn: null,
    workingDaysUsed: null,
    cancelledBecause: expect.stringContaining('Rules §14'),
  });
  expect(r.rows.find((x) => x.deadlineId === 'review')).toMatchObject({
    rule: expect.stringMatching(/^Rules §13/),
    dueOn: '2026-05-15',
    stepOn: '2026-05-15',
    state: 'met',
    workingDaysUsed: 5,
    workingDaysAllowed: 5,
  });
  expect(r.totals).toEqual({ met: 2, missed: 1, cancelled: 1, open: 0 });
});

test('while a deadline is open, the days used run up to today and overdue shows before the watcher records it', async () => {
  const events = (await h.store.readStream(COMPLAINT_STREAM)).filter(
    (e) => e.position <= 0 || e.metadata.recordedAt < '2026-05-14',
  );
  const r = complianceReport(
    [{ streamName: COMPLAINT_STREAM, subject: { complaintId: COMPLAINT_ID }, events }],
    calendar,
    '2026-05-14',
  );
  expect(r.rows.find((x) => x.deadlineId === 'forward')).toMatchObject({
    state: 'open',
    overdue: true,
    stepOn: null,
    workingDaysUsed: 4,
  });
  expect(r.rows.find((x) => x.deadlineId === 'review')).toMatchObject({
    state: 'open',
    overdue: false,
    workingDaysUsed: 4,
  });
});

test('a breach the watcher recorded, step not yet taken: missed and still overdue (projections/shared/deadlines.ts)', async () => {
  const before = (await h.store.readStream(COMPLAINT_STREAM)).filter((e) => e.metadata.recordedAt < '2026-05-14');
  const last = before.at(-1)!;
  const watcherMiss = {
    ...last,
    type: 'DeadlineMissed',
    data: {
      deadlineId: 'forward',
      dueOn: '2026-05-13',
      missedOn: '2026-05-14',
      rule: 'Rules §14',
      detectedBy: 'watcher',
    },
    revision: last.revision + 1,
    position: last.position + 1,
  };
  const r = complianceReport(
    [{ streamName: COMPLAINT_STREAM, subject: { complaintId: COMPLAINT_ID }, events: [...before, watcherMiss] }],
    calendar,
    '2026-05-15',
  );
  expect(r.rows.find((x) => x.deadlineId === 'forward')).toMatchObject({
    state: 'missed',
    overdue: true,
    stepOn: null,
    breach: { missedOn: '2026-05-14', detectedBy: 'watcher' },
  });
});
