/** The complaint's state, folded from its stream (Rules §13–§14). */
import type { Addressee, ComplaintOutcome, ComplaintService } from '../../contracts/complaints/commands';
import type { LocalDate } from '../calendar/types';
import type { Deadline, DeadlineState } from '../shared/deadlines';
import type { ComplaintDomainEvent } from './events';

export type ComplaintStatus = 'none' | 'lodged' | 'registered' | 'satisfied' | 'forwarded' | 'decided' | 'withdrawn';

export interface TrackedDeadline {
  deadline: Deadline;
  state: DeadlineState;
  satisfiedOn?: LocalDate;
  /** The breach was recorded (DeadlineMissed), by the watcher or with the late step. */
  breachRecorded: boolean;
}

export interface ComplaintState {
  status: ComplaintStatus;
  complaintId?: string;
  caseId?: string;
  service?: ComplaintService;
  providerId?: string;
  /** IIN of who lodged it (the applicant or the representative) and of the applicant represented. */
  complainantIin?: string;
  applicantIin?: string;
  addressee?: Addressee;
  receivedOn?: LocalDate;
  registeredOn?: LocalDate;
  regulationVersion?: string;
  outcome?: ComplaintOutcome;
  deadlines: Record<string, TrackedDeadline>;
}

export const initialState: ComplaintState = { status: 'none', deadlines: {} };

/** Closed complaints accept no further step. */
export const CLOSED: readonly ComplaintStatus[] = ['satisfied', 'decided', 'withdrawn'];

function withDeadline(s: ComplaintState, id: string, change: (d: TrackedDeadline) => TrackedDeadline): ComplaintState {
  const d = s.deadlines[id];
  return d ? { ...s, deadlines: { ...s.deadlines, [id]: change(d) } } : s;
}

export function evolve(s: ComplaintState, e: ComplaintDomainEvent): ComplaintState {
  switch (e.type) {
    case 'ComplaintLodged':
      return {
        ...s,
        status: 'lodged',
        complaintId: e.data.complaintId,
        caseId: e.data.caseId,
        service: e.data.service,
        providerId: e.data.providerId,
        complainantIin: e.data.complainant.iin,
        applicantIin:
          e.data.complainant.kind === 'representative' ? e.data.complainant.applicantIin : e.data.complainant.iin,
        addressee: e.data.addressee,
        receivedOn: e.data.receivedOn,
        regulationVersion: e.data.regulationVersion,
      };
    case 'ComplaintRegistered':
      return { ...s, status: 'registered', registeredOn: e.data.registeredOn };
    case 'ComplaintSatisfied':
      return { ...s, status: 'satisfied' };
    case 'ComplaintForwarded':
      return { ...s, status: 'forwarded' };
    case 'ComplaintDecided':
      return { ...s, status: 'decided', outcome: e.data.outcome };
    case 'ComplaintWithdrawn':
      return { ...s, status: 'withdrawn' };
    case 'DeadlineSet':
      return {
        ...s,
        deadlines: {
          ...s.deadlines,
          [e.data.deadline.deadlineId]: { deadline: e.data.deadline, state: 'open', breachRecorded: false },
        },
      };
    case 'DeadlineSatisfied':
      return withDeadline(s, e.data.deadlineId, (d) => ({
        ...d,
        // A step taken after a recorded breach stays a breach: the state keeps `missed`.
        state: d.state === 'missed' || e.data.late ? 'missed' : 'met',
        satisfiedOn: e.data.satisfiedOn,
      }));
    case 'DeadlineMissed':
      return withDeadline(s, e.data.deadlineId, (d) => ({ ...d, state: 'missed', breachRecorded: true }));
    case 'DeadlineCancelled':
      return withDeadline(s, e.data.deadlineId, (d) => ({ ...d, state: 'cancelled' }));
  }
}
