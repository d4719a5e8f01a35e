/**
 * The privatization read models, fed by histories the real decider produces (2026 calendar: submitted Monday
 * 2 March 2026, decision due 1 April — Annex 1 item 3.1; contract due 16 March — Annex 1 item 3.1 stage 3).
 */
import { privatizationStream } from '../../../domain/privatization/stream';
import type { RecordedEvent } from '../../../contracts/envelope';
import {
  adoptDecision,
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../../../domain/privatization/testing/case-script';
import { TEST_CASE_ID, TEST_IINS, validSubmitApplication } from '../../../domain/privatization/testing/fixtures';
import { fold } from '../../../domain/shared/decider';
import { privatizationDecider } from '../../../domain/privatization';
import { rebuildProjection } from '../../../services/platform/projector/rebuild';
import { InMemoryEventStore } from '../../../services/platform/projector/testing/in-memory-event-store';
import { SqliteReadStore } from '../../../services/adapters/sqlite/readstore/sqlite-read-store';
import { overdueCasesWhere, publicCaseView } from '../../shared/case-view';
import { overdueDeadlinesWhere, type DeadlineDoc } from '../../shared/deadlines-projection';
import { isOverdue } from '../../shared/deadlines';
import { readTimeline } from '../../../services/platform/readstore/timeline-query';
import {
  privatizationCaseView,
  privatizationDeadlines,
  privatizationProjections,
  privatizationTimelineSource,
  type PrivatizationCaseView,
} from '..';
import { RecordedCase } from './recorded-case';

const tenAm = (date: string) => `${date}T05:00:00Z`;
const OTHER_CASE = '7a1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e70';

/** Track 1 through the contract, signed 12 March (on time). */
function contractedCase(log: RecordedEvent[]): RecordedCase {
  const c = new RecordedCase(log);
  c.run('2026-03-02T05:00:00Z', { type: 'SubmitApplication', data: validSubmitApplication() });
  for (const cmd of identityDataSteps()) c.run(tenAm('2026-03-03'), cmd);
  c.run(tenAm('2026-03-04'), reviewCompliant);
  c.run(tenAm('2026-03-05'), formCommission);
  for (const cmd of votes('for', 'for', 'for')) c.run(tenAm('2026-03-05'), cmd);
  c.run(tenAm('2026-03-06'), adoptDecision(c.script.caseId, '2026-03-06T04:00:00Z'));
  for (const cmd of dwellingDataSteps()) c.run(tenAm('2026-03-10'), cmd);
  c.run(tenAm('2026-03-12'), {
    type: 'SignContract',
    data: { contractNumber: 'PC-2026-31', contractForm: 'electronic' },
  });
  return c;
}

/** Registered only: the decision deadline runs. */
function registeredCase(log: RecordedEvent[], caseId = OTHER_CASE, providerId?: string): RecordedCase {
  const c = new RecordedCase(log);
  const data = validSubmitApplication({ caseId });
  c.run('2026-03-02T05:00:00Z', { type: 'SubmitApplication', data: providerId ? { ...data, providerId } : data });
  return c;
}

async function project(log: RecordedEvent[]): Promise<SqliteReadStore> {
  let recordedAt = '';
  const eventStore = new InMemoryEventStore({ now: () => recordedAt });
  // Re-append the recorded events (same streams, order and instants).
  for (const e of log) {
    const { recordedAt: at, prevHash: _p, hash: _h, ...metadata } = e.metadata;
    recordedAt = at;
    eventStore.appendSync(
      e.streamName,
      [{ eventId: e.eventId, type: e.type, schemaVersion: 1, data: e.data, metadata }],
      'any',
    );
  }
  const readStore = new SqliteReadStore({ filename: ':memory:' });
  for (const projection of privatizationProjections) await rebuildProjection({ eventStore, readStore, projection });
  return readStore;
}

describe('privatization case view', () => {
  test('a contracted track-1 case: status, stage, both deadlines met on time, the revision of its last event', async () => {
    const log: RecordedEvent[] = [];
    const c = contractedCase(log);
    const store = await project(log);
    const view = (await store.get<PrivatizationCaseView>(privatizationCaseView.collection, TEST_CASE_ID))!;
    expect(view).toMatchObject({
      caseId: TEST_CASE_ID,
      status: 'contracted',
      stage: 'contract-signed',
      stageNumber: null,
      track: 'communal-fund',
      form: 'free',
      channel: 'state-corporation',
      registrationDate: '2026-03-02',
      revision: c.recorded.length - 1,
      openDueOn: null,
      submittedOn: '2026-03-02',
    });
    expect(view.deadlines.map((d) => [d.deadlineId, d.state, d.late])).toEqual([
      ['contract', 'met', false],
      ['decision', 'met', false],
    ]);
    // The view agrees with the decider's own fold (the same evolve).
    expect(view.status).toBe(fold(privatizationDecider, c.script.history).status);
    expect(publicCaseView(view)).not.toHaveProperty('fold');
    await store.close();
  });

  test('stage follows Rules §9: registered = stage 1, commission = stage 2, contract on track 1 = stage 3', async () => {
    const log: RecordedEvent[] = [];
    const c = new RecordedCase(log);
    c.run('2026-03-02T05:00:00Z', { type: 'SubmitApplication', data: validSubmitApplication() });
    let store = await project(log);
    const id = TEST_CASE_ID;
    expect(await store.get(privatizationCaseView.collection, id)).toMatchObject({
      status: 'registered',
      stage: 'registration',
      stageNumber: 1,
    });
    await store.close();
    for (const cmd of identityDataSteps()) c.run(tenAm('2026-03-03'), cmd);
    c.run(tenAm('2026-03-04'), reviewCompliant);
    store = await project(log);
    expect(await store.get(privatizationCaseView.collection, id)).toMatchObject({
      status: 'commission',
      stage: 'document-review',
      stageNumber: 2,
    });
    await store.close();
  });

  test('applicant isolation is a query: the applicant and each family member find the case, others do not', async () => {
    const log: RecordedEvent[] = [];
    contractedCase(log);
    const store = await project(log);
    for (const iin of [TEST_IINS.applicant, TEST_IINS.spouse, TEST_IINS.adultChild, TEST_IINS.minorChild]) {
      expect(await store.count(privatizationCaseView.collection, { partyIins: iin })).toBe(1);
    }
    expect(await store.count(privatizationCaseView.collection, { partyIins: TEST_IINS.elder })).toBe(0);
    expect(await store.count(privatizationCaseView.collection, { applicantIin: TEST_IINS.spouse })).toBe(0);
    await store.close();
  });

  test('overdue is computed at query time from the stored due date (decision due 1 April, Annex 1 item 3.1)', async () => {
    const log: RecordedEvent[] = [];
    contractedCase(log);
    registeredCase(log, OTHER_CASE, 'akimat-almaty');
    const store = await project(log);
    const overdueOn = async (today: string) =>
      (
        await store.find<PrivatizationCaseView>(privatizationCaseView.collection, { where: overdueCasesWhere(today) })
      ).items.map((v) => v.caseId);
    expect(await overdueOn('2026-04-01')).toEqual([]); // the due date itself is still in time
    expect(await overdueOn('2026-04-02')).toEqual([OTHER_CASE]);
    const list = await store.find<PrivatizationCaseView>(privatizationCaseView.collection, {
      where: { providerId: 'akimat-almaty', submittedOn: { gte: '2026-03-02', lte: '2026-03-02' } },
      orderBy: [{ field: 'submittedAt', direction: 'desc' }],
    });
    expect(list.items.map((v) => v.caseId)).toEqual([OTHER_CASE]);
    await store.close();
  });
});

describe('privatization deadlines read model', () => {
  test('one document per deadline; the watcher finds the open decision deadline overdue after 1 April; a missed one stays owed', async () => {
    const log: RecordedEvent[] = [];
    contractedCase(log);
    const pending = registeredCase(log);
    let store = await project(log);
    // The index range, then the exact rule (a missed deadline taken late or cancelled is no longer owed).
    const overdue = async (today: string) =>
      (
        await store.find<DeadlineDoc>(privatizationDeadlines.collection, { where: overdueDeadlinesWhere(today) })
      ).items.filter((d) => isOverdue(d, today));
    expect(await overdue('2026-04-02')).toEqual([
      expect.objectContaining({
        caseId: OTHER_CASE,
        deadlineId: 'decision',
        dueOn: '2026-04-01',
        state: 'open',
        service: 'privatization',
      }),
    ]);
    expect(await store.count(privatizationDeadlines.collection, { state: 'met' })).toBe(2);
    await store.close();

    pending.run(tenAm('2026-04-02'), { type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } });
    store = await project(log);
    expect(await overdue('2026-04-02')).toEqual([expect.objectContaining({ state: 'missed', missedOn: '2026-04-02' })]);
    await store.close();

    // The decision taken late (3 April): still `missed` (projections/shared/deadlines.ts), its date kept, not owed.
    for (const cmd of identityDataSteps()) pending.run(tenAm('2026-04-02'), cmd);
    pending.run(tenAm('2026-04-02'), reviewCompliant);
    pending.run(tenAm('2026-04-02'), formCommission);
    for (const cmd of votes('for', 'for', 'for')) pending.run(tenAm('2026-04-02'), cmd);
    pending.run(tenAm('2026-04-03'), adoptDecision(OTHER_CASE, '2026-04-03T04:00:00Z'));
    store = await project(log);
    expect(await overdue('2026-04-03')).toEqual([]);
    expect(
      await store.get(privatizationDeadlines.collection, `${privatizationStream(OTHER_CASE)}#decision`),
    ).toMatchObject({
      state: 'missed',
      missedOn: '2026-04-02',
      satisfiedOn: '2026-04-03',
      late: true,
    });
    await store.close();
  });
});

describe('privatization timeline', () => {
  test('every step: when, who (masked), what, which rule, signatures as initials, deadlines met; no IIN or name in clear', async () => {
    const log: RecordedEvent[] = [];
    const c = contractedCase(log);
    const store = await project(log);
    const timeline = (await readTimeline(store, privatizationTimelineSource, privatizationStream(TEST_CASE_ID)))!;
    expect(timeline.steps).toHaveLength(c.recorded.length);
    expect(timeline.steps.map((s) => s.revision)).toEqual(c.recorded.map((e) => e.revision));
    const registered = timeline.steps[0]!;
    expect(registered).toMatchObject({
      type: 'ApplicationRegistered',
      occurredAt: '2026-03-02T05:00:00Z',
      recordedAt: '2026-03-02T05:00:00Z',
      actor: { roles: ['provider-officer'], id: 'us***er' },
      rule: expect.stringContaining('Rules §5'),
    });
    expect(registered.summary).toContain('registered on 2026-03-02');
    const decision = timeline.steps.find((s) => s.type === 'PrivatizationDecisionAdopted')!;
    expect(decision.signatures?.[0]).toMatchObject({
      signedAt: '2026-03-06T04:00:00Z',
      signer: expect.stringMatching(/^([A-Z]\. ?)+$/),
    });
    const met = timeline.steps.filter((s) => s.type === 'DeadlineSatisfied');
    expect(met.map((s) => s.deadline)).toEqual([
      expect.objectContaining({ deadlineId: 'decision', met: true, late: false, onDate: '2026-03-06' }),
      expect.objectContaining({ deadlineId: 'contract', met: true, late: false, onDate: '2026-03-12' }),
    ]);
    expect(timeline.deadlines.map((d) => [d.deadlineId, d.dueOn, d.met, d.late])).toEqual([
      ['contract', '2026-03-16', true, false],
      ['decision', '2026-04-01', true, false],
    ]);
    const json = JSON.stringify(timeline);
    expect(json).not.toMatch(/\d{12}/);
    const submitted = validSubmitApplication();
    for (const name of [submitted.applicant.fullName, ...submitted.familyMembers.map((m) => m.fullName)]) {
      expect(json).not.toContain(name);
    }
    await store.close();
  });
});
