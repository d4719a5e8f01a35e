/**
 * One deadline rule for every read model (projections/shared/deadlines.ts), on histories the real decider produces:
 * submitted Monday 2 March 2026, the commission's decision due 1 April (Annex 1 item 3.1: 30 calendar days; the
 * term ends at the end of its last day, Asia/Almaty — docs/HTTP-CONTRACT.md "Deadline conventions"). The case view, the
 * deadlines collection, the timeline, the dashboard summary and deadline index, the record fold of the complaint and
 * housing-assistance views and the monitoring feed's `onTime` must all say the same thing.
 */
import { PRIVATIZATION_STREAM_PREFIX, privatizationStream } from '../../../domain/privatization/stream';
import type { RecordedEvent } from '../../../contracts/envelope';
import type { ServiceStageMessage } from '../../../contracts/monitoring';
import {
  adoptDecision,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../../../domain/privatization/testing/case-script';
import { validSubmitApplication } from '../../../domain/privatization/testing/fixtures';
import { dashboardCasesProjection, summaryByStages, type CaseSummary } from '../../dashboard/case-summary';
import { deadlineIndexProjection, type DeadlineIndexDoc } from '../../dashboard/deadline-index';
import { feedStep, restOfCommand, type CaseFeedState } from '../../monitoring/feed';
import { privatizationMonitoring } from '../monitoring';
import type { Projection, ReadDoc } from '../../projection';
import { deadlineRecordSummary, evolveDeadlineRecord, isOverdue, type DeadlineStatus } from '../../shared/deadlines';
import type { DeadlineDoc } from '../../shared/deadlines-projection';
import { assembleTimeline, type TimelineStepDoc } from '../../shared/timeline';
import { privatizationCaseView, privatizationDeadlines, privatizationTimeline, type PrivatizationCaseView } from '..';
import { EventLog } from '../../testing/envelopes';
import { spec } from '../../testing/given-when-then';
import { RecordedCase } from './recorded-case';

/** Privatization alone, as its definition puts it on the dashboard and in the feed. */
const monitored = { ...privatizationMonitoring, streamPrefix: PRIVATIZATION_STREAM_PREFIX };
const summaries = dashboardCasesProjection([
  {
    service: 'privatization',
    streamPrefix: PRIVATIZATION_STREAM_PREFIX,
    summary: summaryByStages(privatizationMonitoring),
  },
]);

const tenAm = (date: string) => `${date}T05:00:00Z`;
const DUE = '2026-04-01';

/** Registered, reviewed and voted on; the decision adopted on `decidedOn` (undefined: not adopted yet). */
function caseDecidedOn(decidedOn: string | undefined): { log: RecordedEvent[]; stream: string } {
  const log: RecordedEvent[] = [];
  const c = new RecordedCase(log);
  c.run(tenAm('2026-03-02'), { type: 'SubmitApplication', data: validSubmitApplication() });
  for (const cmd of identityDataSteps()) c.run(tenAm('2026-03-03'), cmd);
  c.run(tenAm('2026-03-04'), reviewCompliant);
  c.run(tenAm('2026-03-05'), formCommission);
  for (const cmd of votes('for', 'for', 'for')) c.run(tenAm('2026-03-05'), cmd);
  if (decidedOn) c.run(tenAm(decidedOn), adoptDecision(c.script.caseId, `${decidedOn}T04:00:00Z`));
  return { log, stream: privatizationStream(c.script.caseId) };
}

/** Every document a projection makes from the log (what the projector would store). */
const project = <D extends ReadDoc>(projection: Projection<D>, log: readonly RecordedEvent[]): D[] =>
  spec(projection).given(log).documents();

/** What every read model says about the `decision` deadline of the case. */
function readModels(log: readonly RecordedEvent[], stream: string) {
  const view = project(privatizationCaseView, log)[0] as PrivatizationCaseView;
  const deadlineDocs = project(privatizationDeadlines, log) as DeadlineDoc[];
  const steps = project(privatizationTimeline, log) as TimelineStepDoc[];
  const timeline = assembleTimeline(stream, PRIVATIZATION_STREAM_PREFIX, steps, deadlineDocs);
  const summary = project(summaries, log)[0] as CaseSummary;
  const index = project(deadlineIndexProjection, log) as DeadlineIndexDoc[];
  // The complaint and housing-assistance views keep their deadlines as a record folded by the same rule.
  let record: Record<string, DeadlineStatus> = {};
  for (const e of log)
    record =
      evolveDeadlineRecord<DeadlineStatus>(record, e, (d) => ({
        deadlineId: d.deadlineId,
        dueOn: d.dueOn,
        state: 'open',
      })) ?? record;
  let feed: CaseFeedState | null = null;
  const messages: ServiceStageMessage[] = [];
  log.forEach((e, i) => {
    const step = feedStep(feed, e, restOfCommand(log, i), [monitored]);
    feed = step.state;
    if (step.message) messages.push(step.message);
  });
  return {
    view,
    caseView: view.deadlines.find((d) => d.deadlineId === 'decision')!,
    deadlineDoc: deadlineDocs.find((d) => d.deadlineId === 'decision')!,
    timelineDeadline: timeline.deadlines.find((d) => d.deadlineId === 'decision')!,
    satisfiedStep: timeline.steps.find((s) => s.type === 'DeadlineSatisfied' && s.deadline?.deadlineId === 'decision'),
    dashboard: summary.deadlines.decision!,
    dashboardOpenDueOn: summary.openDueOn,
    index: index.find((d) => d.deadlineId === 'decision')!,
    record: record.decision!,
    recordSummary: deadlineRecordSummary(record),
    decisionMessage: messages.find((m) => m.sourceEventType === 'PrivatizationDecisionAdopted'),
  };
}

test('a step taken after its due date is `missed`, its date kept (late: true): decision adopted 3 April, due 1 April', () => {
  const { log, stream } = caseDecidedOn('2026-04-03');
  const r = readModels(log, stream);
  const missedWithDate = { state: 'missed', dueOn: DUE, satisfiedOn: '2026-04-03', late: true, missedOn: '2026-04-02' };
  expect(r.caseView).toMatchObject(missedWithDate);
  expect(r.deadlineDoc).toMatchObject(missedWithDate);
  expect(r.record).toMatchObject(missedWithDate);
  expect(r.timelineDeadline).toMatchObject({ ...missedWithDate, met: false });
  expect(r.satisfiedStep?.deadline).toEqual({ deadlineId: 'decision', met: false, late: true, onDate: '2026-04-03' });
  expect(r.satisfiedStep?.summary).toBe('Deadline "decision" missed: step taken late on 2026-04-03');
  expect(r.dashboard).toMatchObject({ state: 'missed', satisfiedOn: '2026-04-03', breached: true, pending: false });
  expect(r.index.state).toBe('missed');
  expect(r.recordSummary.anyMissed).toBe(true);
  expect(r.decisionMessage?.onTime).toBe(false);
  // Taken, so no longer owed: not overdue, whatever today is.
  expect(isOverdue(r.caseView, '2026-05-01')).toBe(false);
  expect(r.view.deadlines.some((d) => d.deadlineId === 'decision' && r.view.openDueOn === d.dueOn)).toBe(false);
});

test('a step taken on its due date is `met` (the term ends at the end of its last day): decision adopted 1 April', () => {
  const { log, stream } = caseDecidedOn(DUE);
  const r = readModels(log, stream);
  const met = { state: 'met', dueOn: DUE, satisfiedOn: DUE, late: false };
  expect(r.caseView).toMatchObject(met);
  expect(r.caseView.missedOn).toBeUndefined();
  expect(r.deadlineDoc).toMatchObject(met);
  expect(r.record).toMatchObject(met);
  expect(r.timelineDeadline).toMatchObject({ ...met, met: true });
  expect(r.satisfiedStep?.deadline).toEqual({ deadlineId: 'decision', met: true, late: false, onDate: DUE });
  expect(r.dashboard).toMatchObject({ state: 'met', breached: false, pending: false });
  expect(r.index.state).toBe('met');
  expect(r.recordSummary.anyMissed).toBe(false);
  expect(r.decisionMessage?.onTime).toBe(true);
});

test('a step not taken is `open`, overdue against today only after its due date; a recorded breach keeps it owed', () => {
  const { log, stream } = caseDecidedOn(undefined);
  const r = readModels(log, stream);
  const open = { state: 'open', dueOn: DUE };
  for (const d of [r.caseView, r.deadlineDoc, r.record, r.dashboard, r.index]) expect(d).toMatchObject(open);
  expect(r.caseView.satisfiedOn).toBeUndefined();
  expect(r.timelineDeadline.met).toBeNull();
  expect([r.view.openDueOn, r.dashboardOpenDueOn, r.recordSummary.openDueOn]).toEqual([DUE, DUE, DUE]);
  expect(isOverdue(r.caseView, DUE)).toBe(false);
  expect(isOverdue(r.caseView, '2026-04-02')).toBe(true);

  // The watcher records the breach on 2 April: missed, still owed, so still overdue.
  const watched = new EventLog([...log]);
  const caseId = stream.slice(PRIVATIZATION_STREAM_PREFIX.length);
  const last = log.at(-1)!;
  watched.append(
    stream,
    [
      {
        type: 'DeadlineMissed',
        data: {
          deadlineId: 'decision',
          dueOn: DUE,
          missedOn: '2026-04-02',
          rule: 'Annex 1 item 3.1',
          detectedBy: 'watcher',
        },
      },
    ],
    {
      at: tenAm('2026-04-02'),
      recordedAt: last.metadata.recordedAt,
      commandId: `watcher-${caseId}`,
      correlationId: last.metadata.correlationId,
      causationId: last.metadata.causationId,
      actor: last.metadata.actor,
      regulationVersion: last.metadata.regulationVersion,
    },
  );
  const w = readModels(watched.events, stream);
  const owed = { state: 'missed', dueOn: DUE, missedOn: '2026-04-02' };
  for (const d of [w.caseView, w.deadlineDoc, w.record]) expect(d).toMatchObject(owed);
  expect(w.caseView.satisfiedOn).toBeUndefined();
  expect(w.dashboard).toMatchObject({ state: 'missed', pending: true });
  expect([w.view.openDueOn, w.dashboardOpenDueOn, w.recordSummary.openDueOn]).toEqual([DUE, DUE, DUE]);
  expect(isOverdue(w.caseView, '2026-04-02')).toBe(true);
});
