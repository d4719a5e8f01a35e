/**
 * The administrative case file (Rules §14): rebuilt from the log, it must say what was decided, when, by whom, on
 * which rule — exactly as the decisions were made — with the compliance report and the hash-chain result.
 */
import { housingAssistanceModule } from '../housing-assistance/module';
import type { ServiceModule } from '../../platform/service-module';
import { caseFileOf, type InvestigationDeps } from './load';
import {
  calendar,
  CASE_ID,
  CASE_STREAM,
  COMPLAINT_ID,
  COMPLAINT_STREAM,
  createHarness,
  runScenario,
  type Harness,
} from './testing/scenario';
import { embeddedEventStore } from '../../adapters/sqlite/testing/embedded-store';

const haModule = housingAssistanceModule as unknown as ServiceModule;
let h: Harness;
let deps: InvestigationDeps;
beforeAll(async () => {
  h = createHarness(embeddedEventStore);
  await runScenario(h);
  deps = { eventStore: h.store, calendar, complaintIdsOfCase: async (id) => (id === CASE_ID ? [COMPLAINT_ID] : []) };
});
afterAll(() => h.close());

const GENERATED_AT = '2026-05-20T09:00:00.000Z';

test('a timeline reconstructed from the log equals the decisions as they were made', async () => {
  const file = (await caseFileOf(deps, haModule, CASE_ID, GENERATED_AT))!;
  expect(file.timeline.map((t) => [t.streamName, t.type, t.occurredAt, t.actor.sub])).toEqual(
    h.made.map((m) => [m.streamName, m.type, m.at, m.actorSub]),
  );
  const events = [...(await h.store.readStream(CASE_STREAM)), ...(await h.store.readStream(COMPLAINT_STREAM))].sort(
    (a, b) => a.position - b.position,
  );
  expect(events.map((e) => e.data)).toEqual(h.made.map((m) => m.data));
  expect(file.timeline.map((t) => t.position)).toEqual(events.map((e) => e.position));
});

test('the file names the decisions, the regulation version, the complaint and the compliance report', async () => {
  const file = (await caseFileOf(deps, haModule, CASE_ID, GENERATED_AT))!;
  expect(file).toMatchObject({
    kind: 'administrative-case-file',
    rule: 'Rules §14',
    service: 'housing-assistance',
    caseId: CASE_ID,
  });
  expect(file.regulationVersions).toEqual(['order-115-2025']);
  expect(file.decisions.map((d) => d.type)).toEqual(['AssistanceAssigned', 'ComplaintDecided']);
  expect(file.decisions[1]).toMatchObject({ actor: { sub: 'user:reviewer' }, rule: 'Rules §13' });
  expect(file.complaints).toEqual([
    expect.objectContaining({
      complaintId: COMPLAINT_ID,
      status: 'decided',
      outcome: 'partly-upheld',
      registeredOn: '2026-05-06',
    }),
  ]);
  expect(file.complianceReport.totals).toEqual({ met: 2, missed: 1, cancelled: 1, open: 0 });
  expect((file.state as { status?: string }).status).toBeDefined();
});

test('the hash chains verify and the file records each chain head', async () => {
  const file = (await caseFileOf(deps, haModule, CASE_ID, GENERATED_AT))!;
  const [caseHead] = await h.store.readStream(CASE_STREAM, { direction: 'backwards', maxCount: 1 });
  expect(file.integrity.allValid).toBe(true);
  expect(file.integrity.streams[0]).toMatchObject({
    streamName: CASE_STREAM,
    valid: true,
    headRevision: caseHead!.revision,
    headHash: caseHead!.metadata.hash,
  });
  expect(file.integrity.streams[1]).toMatchObject({ streamName: COMPLAINT_STREAM, valid: true });
});

test('a tampered event is reported with the first broken link', async () => {
  const t = createHarness(embeddedEventStore);
  try {
    await runScenario(t);
    // Someone moves the §14 forward due date by a week, so the late forwarding would look on time.
    const [target] = await t.store.readStream(COMPLAINT_STREAM, { fromRevision: 1, maxCount: 1 });
    const row = { event_id: target!.eventId, data: JSON.stringify(target!.data) };
    const data = JSON.parse(row.data) as { deadline: { deadlineId: string; dueOn: string } };
    expect(data.deadline.deadlineId).toBe('forward');
    data.deadline.dueOn = '2026-05-20';
    t.store.db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify(data), row.event_id);
    const file = (await caseFileOf({ ...deps, eventStore: t.store }, haModule, CASE_ID, GENERATED_AT))!;
    expect(file.integrity.allValid).toBe(false);
    expect(file.integrity.streams.find((s) => s.streamName === COMPLAINT_STREAM)).toMatchObject({
      valid: false,
      firstBroken: { revision: 1, reason: 'hash-mismatch' },
    });
  } finally {
    await t.close();
  }
});

test('no file for a case that does not exist', async () => {
  expect(await caseFileOf(deps, haModule, '00000000-0000-4000-8000-000000000000', GENERATED_AT)).toBeNull();
});
