/**
 * The application: Rules §4–§8, Annex 1 items 2, 7, 8, 8.1, 10, Annex 2/3 — one spec per rule.
 */
import { InvalidCommand, InvalidState, RuleViolation } from '../../shared/errors';
import { createRegulationRegistry, order115Version } from '../../regulation';
import { consentPayload } from '../signing';
import { TEST_FORMS, TEST_IINS, signPayload, validSubmitApplication } from '../testing/fixtures';
import type { PrivatizationEvent } from '../types';
import { CaseScript } from '../testing/case-script';
import {
  SUBMITTED_AT,
  adoptDecision,
  formCommission,
  identityDataSteps,
  registered,
  reviewCompliant,
  tenAm,
  votes,
} from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const submit = (data = validSubmitApplication()) => ({ type: 'SubmitApplication' as const, data });
const registeredOn = (events: PrivatizationEvent[]) => events.find((e) => e.type === 'ApplicationRegistered')?.data;
const dueOf = (events: PrivatizationEvent[], id: string) =>
  events.flatMap((e) =>
    e.type === 'DeadlineSet' && e.data.deadline.deadlineId === id ? [e.data.deadline.dueOn] : [],
  )[0];

describe('Rules §4 — channels: the State Corporation or the portal', () => {
  test('an application handed straight to the provider is refused', () => {
    privatization
      .given([])
      .when(submit({ ...validSubmitApplication(), channel: 'provider' }), SUBMITTED_AT)
      .thenFails(RuleViolation, { rule: 'Rules §4', code: 'channel-not-allowed' });
  });
});

describe('Rules §5 — registration on the day of arrival; after hours, weekends and holidays: the next working day', () => {
  test.each([
    ['State Corporation, Monday 2 March 2026 17:59', 'state-corporation', '2026-03-02T12:59:00Z', '2026-03-02'],
    [
      'State Corporation, Monday 2 March 2026 18:00 (closed)',
      'state-corporation',
      '2026-03-02T13:00:00Z',
      '2026-03-03',
    ],
    ['duty department, Monday 2 March 2026 19:00', 'state-corporation-duty', '2026-03-02T14:00:00Z', '2026-03-02'],
    [
      'duty department, Saturday 7 March 2026 (Monday 9 March is a day off)',
      'state-corporation-duty',
      '2026-03-07T05:00:00Z',
      '2026-03-10',
    ],
    ['portal, Sunday 22 March 2026 (Nauryz: 23–25 March off)', 'portal', '2026-03-22T05:00:00Z', '2026-03-26'],
  ] as const)('%s (%s at %s) → registered %s', (_name, channel, instant, expected) => {
    const events = privatization
      .given([])
      .when(submit(validSubmitApplication({ channel })), instant)
      .events();
    expect(registeredOn(events)).toMatchObject({ registeredOn: expected, submittedAt: instant, rule: 'Rules §5' });
  });

  test('the 30-day term runs from the registration date: 26 March + 30 = Saturday 25 April → Monday 27 April (Annex 1 item 3.1)', () => {
    const events = privatization
      .given([])
      .when(submit(validSubmitApplication({ channel: 'portal' })), '2026-03-22T05:00:00Z')
      .events();
    expect(dueOf(events, 'decision')).toBe('2026-04-27');
  });
});

describe('Rules §6 — the State Corporation receipt', () => {
  test('lists the documents, the employee, the date and time, and the result date', () => {
    privatization
      .given([])
      .when(submit(), SUBMITTED_AT)
      .thenContains([
        {
          type: 'ReceiptIssued',
          data: {
            documentsAccepted: ['8.1', '8.3', '8.8'],
            employeeFullName: 'Omarova Saule Kairatovna',
            submittedAt: SUBMITTED_AT,
            resultDate: '2026-04-01',
            rule: 'Rules §6',
          },
        },
      ]);
  });

  test('without the employee’s name no receipt can be issued: the command is invalid', () => {
    const { intakeEmployee: _omit, ...data } = validSubmitApplication();
    privatization.given([]).when(submit(data), SUBMITTED_AT).thenFails(InvalidCommand, { code: 'invalid-application' });
  });
});

describe('Rules §7 and Annex 1 item 10 — the portal: "request accepted" with the result date; the applicant’s EDS', () => {
  test('a portal application shows "request accepted" and the result date, and gets no receipt', () => {
    const events = privatization
      .given([])
      .when(submit(validSubmitApplication({ channel: 'portal' })), SUBMITTED_AT)
      .events();
    expect(events.map((e) => e.type)).toEqual([
      'ApplicationRegistered',
      'DocumentChecklistDetermined',
      'RequestAccepted',
      'DeadlineSet',
    ]);
    expect(events[2]).toEqual({
      type: 'RequestAccepted',
      data: { status: 'request accepted', resultDate: '2026-04-01', rule: 'Rules §7' },
    });
  });

  test('a portal application without the applicant’s EDS is refused', () => {
    const { applicantSignature: _omit, ...data } = validSubmitApplication({ channel: 'portal' });
    privatization.given([]).when(submit(data), SUBMITTED_AT).thenFails(RuleViolation, { rule: 'Annex 1 item 10' });
  });
});

describe('Rules §8 and Annex 1 item 9.5 — consents are recorded as given', () => {
  test('the consents to secrets and to personal data are part of the registered application', () => {
    const events = privatization
      .given([])
      .when(submit(validSubmitApplication({ personalDataConsent: false })), SUBMITTED_AT)
      .events();
    expect(registeredOn(events)).toMatchObject({ consents: { legallyProtectedSecrets: true, personalData: false } });
  });
});

describe('IIN — 12 digits with a valid check digit and birth date', () => {
  test('a wrong check digit is invalid input naming the field', () => {
    const data = validSubmitApplication();
    const err = privatization
      .given([])
      .when(
        submit({ ...data, applicant: { ...data.applicant, iin: TEST_IINS.applicant.slice(0, 11) + '9' } }),
        SUBMITTED_AT,
      )
      .thenFails(InvalidCommand);
    expect(err.details.fields).toEqual([{ path: '/applicant/iin', message: 'invalid IIN (check-digit)' }]);
  });

  test('adulthood must agree with the birth date in the IIN (a child born 2015 is not adult in 2026)', () => {
    const data = validSubmitApplication();
    const members = data.familyMembers.map((m) => (m.iin === TEST_IINS.minorChild ? { ...m, adult: true } : m));
    const err = privatization
      .given([])
      .when(submit({ ...data, familyMembers: members }), SUBMITTED_AT)
      .thenFails(InvalidCommand);
    expect(err.details.fields).toEqual([expect.objectContaining({ path: '/familyMembers/2/adult' })]);
  });
});

describe('Annex 1 item 8.1 — the application is signed by all adult family members (Annex 2/3 consent + EDS)', () => {
  const data = validSubmitApplication();
  test('an adult member without consent: refused', () => {
    const members = data.familyMembers.map((m, i) => (i === 0 ? { ...m, consent: undefined } : m));
    privatization
      .given([])
      .when(submit({ ...data, familyMembers: members }), SUBMITTED_AT)
      .thenFails(RuleViolation, { rule: 'Annex 1 item 8.1', code: 'adult-consent-missing' });
  });

  test('a consent signed outside the trust store: refused', () => {
    const terms = { applicantIin: data.applicant.iin, dwellingAddress: data.dwelling.address, form: data.form };
    const rogue = signPayload('rogue', consentPayload(terms, TEST_IINS.spouse), '2025-06-01T04:00:00Z');
    const members = data.familyMembers.map((m, i) =>
      i === 0 ? { ...m, consent: { consentsToForm: true, signature: rogue } } : m,
    );
    privatization
      .given([])
      .when(submit({ ...data, familyMembers: members }), SUBMITTED_AT)
      .thenFails(RuleViolation, { rule: 'Annex 1 item 8.1', code: 'invalid-signature' });
  });

  test('a consent signed for free privatization does not cover a purchase (Annex 3): refused', () => {
    const free = validSubmitApplication({ form: TEST_FORMS.free });
    privatization
      .given([])
      .when(submit({ ...free, form: TEST_FORMS.residualValue }), SUBMITTED_AT)
      .thenFails(RuleViolation, { rule: 'Annex 1 item 8.1', code: 'invalid-signature' });
  });

  test('a minor needs no consent', () => {
    expect(data.familyMembers[2]?.consent).toBeUndefined();
    expect(privatization.given([]).when(submit(data), SUBMITTED_AT).events()).toHaveLength(4);
  });
});

describe('Annex 1 item 8 — the checklist for this applicant; gateway documents are not the applicant’s to bring', () => {
  const checklistOf = (data: ReturnType<typeof validSubmitApplication>) =>
    privatization
      .given([])
      .when(submit(data), SUBMITTED_AT)
      .events()
      .flatMap((e) =>
        e.type === 'DocumentChecklistDetermined' ? e.data.items.map((i) => `${i.document}:${i.obtainedBy}`) : [],
      );

  test('every applicant: 8.1, 8.3, 8.8', () => {
    expect(checklistOf(validSubmitApplication())).toEqual(['8.1:applicant', '8.3:applicant', '8.8:applicant']);
  });

  test('a civil servant adds 8.6; an astronaut 8.7; art. 13 para 8 adds 8.5 from the gateway; court-recognised members 8.4 from the gateway; Rules §11 adds 8.9', () => {
    const base = validSubmitApplication();
    const data = {
      ...base,
      applicant: { ...base.applicant, categories: ['civil-servant', 'astronaut', 'housing-law-art13-para8'] as const },
      familyMembers: base.familyMembers.map((m, i) => (i === 1 ? { ...m, recognisedByCourt: true } : m)),
      situation: { privatizingUnderRules11: true, familyCivilStatusEvents: true },
    };
    expect(checklistOf(data as never)).toEqual([
      '8.1:applicant',
      '8.2:gateway',
      '8.3:applicant',
      '8.4:gateway',
      '8.5:gateway',
      '8.6:applicant',
      '8.7:applicant',
      '8.8:applicant',
      '8.9:applicant',
    ]);
  });
});

describe('Regulation versions — a case is governed by the version in force on its registration date', () => {
  const v115 = order115Version();
  const later = {
    ...v115,
    id: 'order-999-2026',
    effectiveFrom: '2026-06-01',
    terms: { ...v115.terms, 'privatization.decision': { ...v115.terms['privatization.decision'], days: 20 } },
  };
  const regulations = createRegulationRegistry([{ ...v115, effectiveUntil: '2026-05-31' }, later]);

  test('submitted in March 2026: order 115, 30 days; submitted in June: the later version, 20 days', () => {
    const march = privatization.given([]).when(submit(), SUBMITTED_AT, { regulations }).events();
    const june = privatization.given([]).when(submit(), '2026-06-02T05:00:00Z', { regulations }).events();
    expect([registeredOn(march)?.regulationVersion, dueOf(march, 'decision')]).toEqual([
      'order-115-2025',
      '2026-04-01',
    ]);
    expect([registeredOn(june)?.regulationVersion, dueOf(june, 'decision')]).toEqual(['order-999-2026', '2026-06-22']);
  });

  test('a command decided after a new version takes effect still uses the pinned one (contract term of order 115)', () => {
    const switchOn5March = createRegulationRegistry([
      { ...v115, effectiveUntil: '2026-03-04' },
      {
        ...later,
        effectiveFrom: '2026-03-05',
        terms: { ...v115.terms, 'privatization.contract': { ...v115.terms['privatization.contract'], days: 10 } },
      },
    ]);
    const c = new CaseScript({ regulations: switchOn5March });
    c.run(SUBMITTED_AT, submit());
    for (const cmd of identityDataSteps()) c.run(tenAm('2026-03-03'), cmd);
    c.run(tenAm('2026-03-04'), reviewCompliant);
    c.run(tenAm('2026-03-05'), formCommission);
    for (const cmd of votes('for', 'for', 'for')) c.run(tenAm('2026-03-05'), cmd);
    const events = privatization
      .given(c.history)
      .when(adoptDecision(c.caseId, '2026-03-06T04:00:00Z'), tenAm('2026-03-06'), { regulations: switchOn5March })
      .events();
    expect(dueOf(events, 'contract')).toBe('2026-03-16'); // 5 working days, not 10
    expect(events.find((e) => e.type === 'DeadlineSet')?.data).toMatchObject({
      deadline: { regulationVersion: 'order-115-2025' },
    });
  });
});

describe('Submission is once per case', () => {
  test('a second SubmitApplication on the same case is refused (409)', () => {
    privatization
      .given(registered().history)
      .when(submit(), SUBMITTED_AT)
      .thenFails(InvalidState, { code: 'already-submitted' });
  });

  test('the caseId is required (the API assigns it)', () => {
    const { caseId: _omit, ...data } = validSubmitApplication();
    privatization.given([]).when(submit(data), SUBMITTED_AT).thenFails(InvalidCommand, { code: 'missing-case-id' });
  });
});
