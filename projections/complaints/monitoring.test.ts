/** Complaint stages in the monitoring feed (Rules §11): each complaint step maps to a stage, with no personal data. */
import { stageOf } from '../monitoring/services';
import { complaintsMonitored } from './monitoring';

test('every complaint fact maps to a stage; a rejected complaint is `refused`, an upheld one `completed`', () => {
  expect(stageOf(complaintsMonitored, 'ComplaintLodged', {})).toEqual({
    stage: 'complaint-lodged',
    status: 'in-progress',
  });
  expect(stageOf(complaintsMonitored, 'ComplaintForwarded', {})).toEqual({
    stage: 'complaint-forwarded',
    status: 'in-progress',
  });
  expect(stageOf(complaintsMonitored, 'ComplaintDecided', { outcome: 'rejected' })).toEqual({
    stage: 'complaint-rejected',
    status: 'refused',
  });
  expect(stageOf(complaintsMonitored, 'ComplaintDecided', { outcome: 'partly-upheld' })).toEqual({
    stage: 'complaint-partly-upheld',
    status: 'completed',
  });
  expect(stageOf(complaintsMonitored, 'ComplaintSatisfied', {})).toMatchObject({ status: 'completed' });
  expect(stageOf(complaintsMonitored, 'DeadlineSet', {})).toBeUndefined();
});
