/**
 * A complaint about a case (Rules §13–§14) run through the real complaint decider: lodged by the applicant with the
 * provider's head, registered, then either satisfied by the provider within 3 working days (§14) or forwarded to
 * the review body and decided.
 */
import type { Actor } from '../../contracts/envelope';
import type { ComplaintCommand } from '../../contracts/complaints/commands';
import {
  COMPLAINT_STREAM_PREFIX,
  complaintDecider,
  type ComplaintDomainEvent,
  type ComplaintState,
} from '../../domain/complaints';
import type { KezenCalendar } from '../../domain/calendar/calendar';
import { CaseRun, type BaseContext } from './case-run';
import { tenAm } from './privatization-case';
import type { Rng } from './random';

export function complaintCase(
  input: { caseId: string; providerId: string; applicantIin: string; lodgedOn: string },
  base: BaseContext & { calendar: KezenCalendar },
  rng: Rng,
) {
  const complaintId = rng.uuid();
  const run = new CaseRun<ComplaintCommand, ComplaintDomainEvent, ComplaintState>(
    complaintDecider,
    `${COMPLAINT_STREAM_PREFIX}${complaintId}`,
    base,
    rng,
    () => undefined,
  );
  const applicant: Actor = { sub: `applicant:${input.caseId.slice(0, 8)}`, roles: ['applicant'] };
  const officer: Actor = {
    sub: `user:provider-officer-${input.providerId}-0`,
    roles: ['provider-officer'],
    providerId: input.providerId,
  };
  const qa: Actor = { sub: 'user:quality-authority-1', roles: ['quality-authority'] };
  let day = input.lodgedOn;
  run.run(tenAm(day), applicant, {
    type: 'LodgeComplaint',
    data: {
      complaintId,
      caseId: input.caseId,
      service: 'privatization',
      providerId: input.providerId,
      addressee: 'provider-head',
      complainant: { kind: 'applicant', iin: input.applicantIin, fullName: 'Seitkali Arman Nurlanuly' },
      subject: { kind: 'inaction', description: 'No answer on the application for two weeks' },
      grounds: 'The provider did not inform the applicant of the stage of the case.',
    },
  });
  run.run(tenAm(day), officer, {
    type: 'RegisterComplaint',
    data: { registrationNumber: `Ж-${complaintId.slice(0, 6)}` },
  });
  day = base.calendar.nextWorkingDay(day);
  if (rng.chance(0.4)) {
    run.run(tenAm(day), officer, {
      type: 'SatisfyComplaint',
      data: {
        measure: { kind: 'administrative-action', description: 'The applicant was informed of the stage in writing.' },
      },
    });
    return run;
  }
  run.run(tenAm(day), officer, {
    type: 'ForwardComplaint',
    data: {
      reviewBody: { id: 'qa-astana', name: 'Quality authority, Astana' },
      caseFileReference: `file-${input.caseId}`,
    },
  });
  day = base.calendar.nextWorkingDay(day);
  run.run(tenAm(day), qa, {
    type: 'DecideComplaint',
    data: {
      outcome: rng.pick(['upheld', 'partly-upheld', 'rejected'] as const),
      reasons: 'Reviewed with the case file.',
    },
  });
  return run;
}
