/**
 * Data for the complaint specs: a complaint about a privatization case, the steps that take it through the provider
 * (each a command at 10:00 Almaty on a local date), and the deadline facts of a list of events.
 */
import type { ComplaintCommand, ComplaintCommandData } from '../../../contracts/complaints/commands';
import type { Step } from '../../shared/testing/given-when-then';
import type { ComplaintDomainEvent } from '../events';

export const COMPLAINT_ID = '5b0e2c3e-8f5a-4a43-9c1e-0d7e2b1f9a01';
export const CASE_ID = '0f6c1d7a-2b44-4c8e-9a3e-6f1b2d3c4e5f';

/** 10:00 Asia/Almaty (UTC+5) on a local date. */
export const at10 = (date: string) => `${date}T05:00:00Z`;

export function lodgeData(
  addressee: ComplaintCommandData<'LodgeComplaint'>['addressee'] = 'provider-head',
): ComplaintCommandData<'LodgeComplaint'> {
  return {
    complaintId: COMPLAINT_ID,
    caseId: CASE_ID,
    service: 'privatization',
    providerId: 'akimat-almaty',
    addressee,
    complainant: { kind: 'applicant', iin: '900101300018', fullName: 'Айгүл Қасымқызы Сәрсенова' },
    subject: { kind: 'inaction', description: 'No decision on the privatization application within 30 days' },
    grounds: 'The housing commission did not decide within the term of Annex 1 item 3.1.',
  };
}

export type ComplaintStep = Step<ComplaintCommand>;

export const lodged = (on: string, addressee?: ComplaintCommandData<'LodgeComplaint'>['addressee']): ComplaintStep => ({
  command: { type: 'LodgeComplaint', data: lodgeData(addressee) },
  at: at10(on),
});
export const registered = (on: string): ComplaintStep => ({
  command: { type: 'RegisterComplaint', data: { registrationNumber: 'Ж-2026-0001' } },
  at: at10(on),
});
export const forwarded = (on: string): ComplaintStep => ({
  command: {
    type: 'ForwardComplaint',
    data: { reviewBody: { id: 'qa-almaty', name: 'Quality authority, Almaty' }, caseFileReference: 'file-1' },
  },
  at: at10(on),
});

/** The deadline facts of a list of events, in order, as `Type:deadlineId`. */
export const deadlineFacts = (events: readonly ComplaintDomainEvent[]) =>
  events.flatMap((e) =>
    e.type === 'DeadlineSet'
      ? [`DeadlineSet:${e.data.deadline.deadlineId}:${e.data.deadline.dueOn}`]
      : e.type.startsWith('Deadline')
        ? [`${e.type}:${(e.data as { deadlineId: string }).deadlineId}`]
        : [],
  );
