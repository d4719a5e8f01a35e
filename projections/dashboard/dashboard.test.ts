/**
 * The dashboard numbers from the log: given a case's events, the summary and the aggregation say what a
 * supervisor expects — stage reached, durations in working days, on-time rate, overdue in working days (Annex 1
 * item 3.1: decision within 30 calendar days; Civil Code art. 176–178), refusals by ground (Annex 1 item 9).
 */
import { PRIVATIZATION_STREAM_PREFIX, privatizationStream } from '../../domain/privatization/stream';
import type { RecordedEvent } from '../../contracts/envelope';
import { createCalendar } from '../../domain/calendar';
import { EventLog } from '../testing/envelopes';
import { spec } from '../testing/given-when-then';
import { aggregate, median, percentile } from './aggregate';
import { privatizationMonitoring } from '../privatization/monitoring';
import { dashboardCasesProjection, summaryByStages } from './case-summary';

const calendar = createCalendar();
const summaries = spec(
  dashboardCasesProjection([
    {
      service: 'privatization',
      streamPrefix: PRIVATIZATION_STREAM_PREFIX,
      summary: summaryByStages(privatizationMonitoring),
    },
  ]),
);
const log = new EventLog();

/** One event of a stream, recorded on the shared log at `occurredAt`. */
const ev = (stream: string, type: string, data: Record<string, unknown>, occurredAt: string): RecordedEvent =>
  log.append(stream, [{ type, data }], { at: occurredAt, actor: { sub: 'test', roles: [] } })[0]!;

const decision = (stream: string) =>
  ev(
    stream,
    'DeadlineSet',
    { deadline: { deadlineId: 'decision', rule: 'Annex 1 item 3.1', dueOn: '2026-04-01', description: 'decision' } },
    '2026-03-02T05:00:00Z',
  );

function registered(caseId: string, providerId: string, channel: string) {
  const stream = privatizationStream(caseId);
  return [
    ev(
      stream,
      'ApplicationRegistered',
      { caseId, providerId, channel, registeredOn: '2026-03-02' },
      '2026-03-02T05:00:00Z',
    ),
    decision(stream),
  ];
}

describe('dashboard summary and numbers', () => {
  const decidedOnTime = summaries
    .given([
      ...registered('a', 'akimat-astana', 'portal'),
      ev('privatization-a', 'DocumentReviewCompleted', { groundsFound: [] }, '2026-03-04T05:00:00Z'),
      ev('privatization-a', 'PrivatizationDecisionAdopted', {}, '2026-03-10T05:00:00Z'),
      ev(
        'privatization-a',
        'DeadlineSatisfied',
        { deadlineId: 'decision', satisfiedOn: '2026-03-10', late: false, rule: 'Annex 1 item 3.1' },
        '2026-03-10T05:00:00Z',
      ),
    ])
    .document();
  const missedByWatcher = summaries
    .given([
      ...registered('b', 'akimat-astana', 'state-corporation'),
      ev(
        'privatization-b',
        'DeadlineMissed',
        {
          deadlineId: 'decision',
          dueOn: '2026-04-01',
          missedOn: '2026-04-02',
          rule: 'Annex 1 item 3.1',
          detectedBy: 'watcher',
        },
        '2026-04-02T01:00:00Z',
      ),
    ])
    .document();
  const refused = summaries
    .given([
      ...registered('c', 'akimat-almaty', 'portal'),
      ev('privatization-c', 'ReasonedRefusalIssued', { grounds: ['unreliable-documents'] }, '2026-03-20T05:00:00Z'),
      ev(
        'privatization-c',
        'DeadlineSatisfied',
        { deadlineId: 'decision', satisfiedOn: '2026-03-20', late: false, rule: 'Annex 1 item 3.1' },
        '2026-03-20T05:00:00Z',
      ),
    ])
    .document();

  test('the summary keeps the stage, the stages reached with their dates and the deadline state', () => {
    expect(decidedOnTime).toMatchObject({
      providerId: 'akimat-astana',
      channel: 'portal',
      stage: 'privatization-decision',
      openDueOn: null,
    });
    expect(decidedOnTime.stages.map((s) => s.on)).toEqual(['2026-03-02', '2026-03-04', '2026-03-10']);
    expect(missedByWatcher.deadlines.decision).toMatchObject({ state: 'missed', pending: true });
    expect(missedByWatcher.openDueOn).toBe('2026-04-01');
  });

  test('numbers: on-time rate among closed deadlines, overdue in working days, refusals by ground, channels', () => {
    const d = aggregate({
      query: { service: 'privatization', providerId: null, from: null, to: null },
      cases: [decidedOnTime, missedByWatcher, refused],
      complaints: [],
      providers: ['akimat-almaty', 'akimat-astana'],
      today: '2026-04-06', // Monday: 2, 3 and 6 April are working days after the due date
      calendar,
      approachingWorkingDays: 2,
    });
    expect(d.totals).toMatchObject({ cases: 3, overdue: 1 });
    expect(d.onTime).toEqual({ met: 2, missed: 1 });
    expect(d.onTimeRate).toBeCloseTo(2 / 3);
    expect(d.onTimeByMonth).toEqual([
      { month: '2026-03', met: 2, missed: 0, rate: 1 },
      { month: '2026-04', met: 0, missed: 1, rate: 0 },
    ]);
    expect(d.overdue).toEqual([
      expect.objectContaining({ caseId: 'b', daysOverdue: 3, calendarDaysOverdue: 5, rule: 'Annex 1 item 3.1' }),
    ]);
    expect(d.overdueDaysUnit).toBe('working-days');
    expect(d.refusalsByGround).toEqual([{ ground: 'unreliable-documents', count: 1 }]);
    expect(d.byChannel).toEqual([
      { channel: 'portal', count: 2 },
      { channel: 'state-corporation', count: 1 },
    ]);
    // Registration 2 March → review 4 March: 2 working days; → refusal 20 March: 13 (9 March is the day off for
    // 8 March, a Sunday). Review 4 March → decision 10 March: 3 working days.
    expect(d.stageDurations).toEqual(
      expect.arrayContaining([
        { stage: 'registration', medianWorkingDays: 7.5, p90WorkingDays: 13, count: 2 },
        { stage: 'document-review', medianWorkingDays: 3, p90WorkingDays: 3, count: 1 },
      ]),
    );
  });

  test('approaching: a deadline due within 2 working days is flagged, not overdue', () => {
    const open = summaries.given(registered('d', 'akimat-astana', 'portal')).document();
    const on = (today: string) =>
      aggregate({
        query: { service: 'privatization', providerId: null, from: null, to: null },
        cases: [open],
        complaints: [],
        providers: [],
        today,
        calendar,
        approachingWorkingDays: 2,
      });
    expect(on('2026-03-30').approaching).toEqual([expect.objectContaining({ caseId: 'd', workingDaysLeft: 2 })]);
    expect(on('2026-03-27').approaching).toEqual([]);
    expect(on('2026-04-01')).toMatchObject({ totals: { overdue: 0, approaching: 1 } }); // due today: not yet overdue
  });

  test('median and p90 (nearest rank)', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 90)).toBeNull();
  });
});
