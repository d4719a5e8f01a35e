/** Complaint stages in the monitoring feed (Rules §11): each complaint step maps to a stage, with no personal data. */
import { stageOf } from '../monitoring/services';
import { complaintMonitoring } from './monitoring';

test('every complaint fact maps to a stage; a rejected complaint is `refused`, an upheld one `completed`', () => {
  expect(stageOf(complaintMonitoring, 'ComplaintLodged', {})).toEqual({
    stage: 'complaint-lodged',
    status: 'in-progress',
  });
  expect(stageOf(complaintMonitoring, 'ComplaintForwarded', {})).toEqual({
    stage: 'complaint-forwarded',
    status: 'in-progress',
  });
  expect(stageOf(complaintMonitoring, 'ComplaintDecided', { outcome: 'rejected' })).toEqual({
    stage: 'complaint-rejected',
    status: 'refused',
  });
  expect(stageOf(complaintMonitoring, 'ComplaintDecided', { outcome: 'partly-upheld' })).toEqual({
    stage: 'complaint-partly-upheld',
    status: 'completed',
  });
  expect(stageOf(complaintMonitoring, 'ComplaintSatisfied', {})).toMatchObject({ status: 'completed' });
  expect(stageOf(complaintMonitoring, 'DeadlineSet', {})).toBeUndefined();
});
