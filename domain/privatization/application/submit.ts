/**
 * SubmitApplication (Rules §4–§8, Annex 1 items 2, 8, 8.1, 9.5, Annex 2/3): validates the application, registers it
 * on the day by the channel's hours (Rules §5), pins the regulation version in force on that date, determines the
 * Annex 1 item 8 checklist, issues the receipt (State Corporation, §6) or "request accepted" (portal, §7) with the
 * result date, and starts the stage 1–2 deadline (Annex 1 item 3: 30 calendar days).
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidCommand, InvalidState, RuleViolation } from '../../shared/errors';
import { ageOn, checkIin } from '../../shared/iin';
import { deadlineSet } from '../deadlines/deadlines';
import { applicationPayload, consentPayload, verifySignature, type ApplicationTerms } from '../signing';
import type { PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';
import { checklistFor } from './checklist';

type Fields = { path: string; message: string }[];

function checkPeople(data: CommandOf<'SubmitApplication'>['data'], registeredOn: string): Fields {
  const fields: Fields = [];
  const applicant = checkIin(data.applicant.iin);
  if (!applicant.valid) fields.push({ path: '/applicant/iin', message: `invalid IIN (${applicant.reason})` });
  const seen = new Set([data.applicant.iin]);
  data.familyMembers.forEach((m, i) => {
    const path = `/familyMembers/${i}`;
    const c = checkIin(m.iin);
    if (!c.valid) fields.push({ path: `${path}/iin`, message: `invalid IIN (${c.reason})` });
    else if (ageOn(c.birthDate, registeredOn) >= 18 !== m.adult) {
      fields.push({ path: `${path}/adult`, message: `adult=${m.adult} contradicts the IIN birth date ${c.birthDate}` });
    }
    if (seen.has(m.iin)) fields.push({ path: `${path}/iin`, message: 'duplicate IIN' });
    seen.add(m.iin);
  });
  return fields;
}

export function submitApplication(
  command: CommandOf<'SubmitApplication'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  if (state.status !== 'none') {
    throw new InvalidState('The application is already registered', 'already-submitted', { status: state.status });
  }
  const data = command.data;
  if (!data.caseId) {
    throw new InvalidCommand('caseId is required (the API assigns it)', 'missing-case-id', [
      { path: '/caseId', message: 'required' },
    ]);
  }
  // Rules §4, Annex 1 item 2: the applicant applies through the State Corporation or the portal.
  if (data.channel === 'provider') {
    throw new RuleViolation(
      'Applications are made through the State Corporation or the portal',
      'Rules §4',
      'channel-not-allowed',
      {
        channel: data.channel,
      },
    );
  }
  const registeredOn = ctx.calendar.registrationDate(ctx.now, data.channel);
  const fields = checkPeople(data, registeredOn);
  const atStateCorporation = data.channel === 'state-corporation' || data.channel === 'state-corporation-duty';
  if (atStateCorporation && !data.intakeEmployee) {
    fields.push({
      path: '/intakeEmployee',
      message: 'the receipt names the employee who accepted the documents (Rules §6)',
    });
  }
  if (fields.length > 0) throw new InvalidCommand('The application has invalid fields', 'invalid-application', fields);

  const terms: ApplicationTerms = {
    applicantIin: data.applicant.iin,
    dwellingAddress: data.dwelling.address,
    form: data.form,
  };
  // Annex 1 item 8.1: the application is signed by all adult members of the tenant's family (Annex 2/3 EDS data).
  data.familyMembers.forEach((m, i) => {
    if (!m.adult) return;
    if (!m.consent || !m.consent.consentsToForm) {
      throw new RuleViolation(
        `Adult family member ${i + 1} has not consented to privatization on these terms`,
        'Annex 1 item 8.1',
        'adult-consent-missing',
        { path: `/familyMembers/${i}/consent` },
      );
    }
    verifySignature(
      ctx,
      consentPayload(terms, m.iin),
      m.consent.signature,
      'Annex 1 item 8.1',
      `Consent of family member ${i + 1}`,
      `/familyMembers/${i}/consent/signature`,
    );
  });
  // Annex 1 item 10: through the portal the applicant applies with an EDS.
  if (data.channel === 'portal' && !data.applicantSignature) {
    throw new RuleViolation(
      'A portal application is signed with the applicant’s EDS',
      'Annex 1 item 10',
      'applicant-signature-missing',
    );
  }
  if (data.applicantSignature) {
    const payload = applicationPayload({ ...terms, providerId: data.providerId, track: data.track });
    verifySignature(
      ctx,
      payload,
      data.applicantSignature,
      'Annex 1 item 10',
      'Applicant’s signature',
      '/applicantSignature',
    );
  }

  const version = ctx.regulations.versionInForce(registeredOn);
  const caseId = data.caseId;
  const file = {
    regulationVersion: version.id,
    categories: data.applicant.categories,
    situation: data.situation ?? {},
    familyMembers: data.familyMembers,
    gateway: [],
  };
  const decision = deadlineSet(file, ctx, 'decision', 'privatization.decision', registeredOn);
  const resultDate = decision.type === 'DeadlineSet' ? decision.data.deadline.dueOn : registeredOn;
  const checklist = checklistFor(file, data.documentsSubmitted);

  const events: PrivatizationEvent[] = [
    event('ApplicationRegistered', {
      caseId,
      channel: data.channel,
      providerId: data.providerId,
      track: data.track,
      form: data.form,
      applicant: data.applicant,
      dwelling: data.dwelling,
      tenancy: data.tenancy,
      familyMembers: data.familyMembers,
      consents: data.consents,
      ...(data.situation ? { situation: data.situation } : {}),
      documentsSubmitted: data.documentsSubmitted,
      ...(data.applicantSignature ? { applicantSignature: data.applicantSignature } : {}),
      submittedAt: ctx.now,
      registeredOn,
      regulationVersion: version.id,
      rule: 'Rules §5',
    }),
    event('DocumentChecklistDetermined', {
      items: checklist.map((c) => ({ ...c })),
      rule: 'Annex 1 item 8',
    }),
  ];
  if (atStateCorporation) {
    events.push(
      event('ReceiptIssued', {
        receiptNumber: receiptNumberOf(caseId, registeredOn),
        documentsAccepted: data.documentsSubmitted,
        employeeFullName: data.intakeEmployee as string,
        submittedAt: ctx.now,
        resultDate,
        rule: 'Rules §6',
      }),
    );
  } else {
    events.push(event('RequestAccepted', { status: 'request accepted', resultDate, rule: 'Rules §7' }));
  }
  events.push(decision);
  return events;
}

/** Receipt number: deterministic from the case (the State Corporation's own number may be recorded instead). */
export function receiptNumberOf(caseId: string, registeredOn: string): string {
  return `SC-${registeredOn.replace(/-/g, '')}-${caseId.slice(0, 8).toUpperCase()}`;
}
