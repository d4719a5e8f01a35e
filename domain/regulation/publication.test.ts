import { createCalendar } from '../calendar/calendar';
import type { DeadlineSetData } from '../shared/deadlines';
import { recordOperatorsNotified, recordRegulationPublication } from './publication';
import { order115Version } from './versions';

const calendar = createCalendar();
const version = order115Version();

describe('publishing a regulation version is recorded with its Rules §12 obligation', () => {
  const events = recordRegulationPublication({ version, calendar });
  test('given order No. 115 approved on Fri 4 April 2025, then RegulationVersionPublished and DeadlineSet', () => {
    expect(events.map((e) => e.type)).toEqual(['RegulationVersionPublished', 'DeadlineSet']);
    expect(events[0]?.data).toMatchObject({
      versionId: 'order-115-2025',
      approvedOn: '2025-04-04',
      publishedOn: '2025-04-04',
      effectiveFrom: '2025-04-14',
      replaces: expect.stringMatching(/437/),
    });
  });
  test('Rules §12: inform the e-government operator and the Unified Contact Centre within 3 working days → Wed 9 April 2025', () => {
    const { deadline } = events[1]?.data as DeadlineSetData;
    expect(deadline).toMatchObject({
      deadlineId: 'notify-operators',
      termId: 'regulation.notifyOperators',
      unit: 'working-days',
      days: 3,
      triggeredOn: '2025-04-04',
      dueOn: '2025-04-09',
      regulationVersion: 'order-115-2025',
      rule: expect.stringMatching(/^Rules §12/),
    });
  });
  test('notifying on time satisfies the deadline; after the due date it is satisfied late', () => {
    const { deadline } = events[1]?.data as DeadlineSetData;
    const onTime = recordOperatorsNotified({ deadline, notifiedOn: '2025-04-09', versionId: version.id });
    expect(onTime.map((e) => e.type)).toEqual(['OperatorsNotified', 'DeadlineSatisfied']);
    expect(onTime[1]?.data).toMatchObject({ deadlineId: 'notify-operators', late: false });
    expect(
      recordOperatorsNotified({ deadline, notifiedOn: '2025-04-10', versionId: version.id })[1]?.data,
    ).toMatchObject({ late: true });
  });
});
