/**
 * A realistic privatization case (Rules §4–§10, Annex 1–3) run through the real decider: one of the three tracks
 * (§9.1–§9.3), one of the forms (Annex 2 free; Annex 3 residual value or instalments), through the State
 * Corporation or the portal (§6, §7); most are decided and contracted, some refused after a hearing (§10), some
 * withdrawn, some still open (cut short at a random stage). Each step happens on the next working day at 10:00
 * Almaty, as an officer would work the case.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import type { Actor } from '../../contracts/envelope';
import type { PrivatizationForm, Track } from '../../contracts/privatization';
import type { KezenCalendar } from '../../domain/calendar/calendar';
import {
  applicationPayload,
  privatizationDecider,
  receiptNumberOf,
  regulationVersionOf,
  type PrivatizationCommand,
  type PrivatizationEvent,
  type PrivatizationState,
} from '../../domain/privatization';
import {
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  transferSteps,
  votes,
} from '../../domain/privatization/testing/case-script';
import {
  TEST_FORMS,
  signPayload,
  validSubmitApplication,
  type SubmitApplicationData,
} from '../../domain/privatization/testing/fixtures';
import { CaseRun, type BaseContext } from './case-run';
import { cabinetResultBody, decisionBody, refusalBody } from './signer';
import type { Rng } from './random';

export type Scenario = 'contracted' | 'refused-after-hearing' | 'withdrawn' | 'open';
export type Channel = 'state-corporation' | 'portal';

export interface CasePlan {
  caseId: string;
  providerId: string;
  track: Track;
  form: PrivatizationForm;
  channel: Channel;
  scenario: Scenario;
  /** Local date of submission. */
  startOn: string;
}

/** 10:00 Asia/Almaty (UTC+5) on a local date. */
export const tenAm = (date: string) => `${date}T05:00:00Z`;
const hoursBefore = (instant: string, h: number) => new Date(Date.parse(instant) - h * 3_600_000).toISOString();

/** Signing is the expensive part: a submission body per (provider, track, form, channel) is signed once. */
const submitTemplates = new Map<string, SubmitApplicationData>();
function submitBody(plan: CasePlan): SubmitApplicationData {
  const key = `${plan.providerId}|${plan.track}|${plan.form.kind}|${plan.channel}`;
  let body = submitTemplates.get(key);
  if (!body) {
    const base = validSubmitApplication({ track: plan.track, form: plan.form, channel: plan.channel });
    body = { ...base, providerId: plan.providerId };
    if (plan.channel === 'portal') {
      const terms = { applicantIin: base.applicant.iin, dwellingAddress: base.dwelling.address, form: plan.form };
      const payload = applicationPayload({ ...terms, providerId: plan.providerId, track: plan.track });
      body = { ...body, applicantSignature: signPayload('member', payload, '2025-06-01T04:00:00Z') };
    }
    submitTemplates.set(key, body);
  }
  return { ...body, caseId: plan.caseId };
}

const actor = (role: string, providerId: string, n: number): Actor => ({
  sub: `user:${role}-${providerId}-${n}`,
  roles: [role],
  providerId,
});

export function privatizationCase(plan: CasePlan, base: BaseContext & { calendar: KezenCalendar }, rng: Rng) {
  const cal = base.calendar;
  const p = plan.providerId;
  const staff = rng.int(4);
  const officer = actor('provider-officer', p, staff);
  const secretary = actor('commission-secretary', p, 0);
  const head = actor('provider-head', p, 0);
  const intake: Actor = { sub: `user:intake-operator-${rng.int(50)}`, roles: ['intake-operator'] };
  const applicant: Actor = { sub: `applicant:${plan.caseId.slice(0, 8)}`, roles: ['applicant'] };
  const propertyBody = actor('property-body', p, 0);
  const registrar: Actor = { sub: 'user:registrar-1', roles: ['registrar'] };
  const run = new CaseRun<PrivatizationCommand, PrivatizationEvent, PrivatizationState>(
    privatizationDecider,
    privatizationStream(plan.caseId),
    base,
    rng,
    regulationVersionOf,
  );

  let day = plan.startOn;
  const nextDay = () => (day = cal.nextWorkingDay(day));
  // An open case stops after a random number of commands (cases in flight on the day of the snapshot).
  const budget = plan.scenario === 'open' ? 1 + rng.int(10) : Infinity;
  const step = (who: Actor, command: PrivatizationCommand, at = tenAm(day)) => {
    if (run.commands.length >= budget) return false;
    run.run(at, who, command);
    return true;
  };

  const submitter = plan.channel === 'portal' ? applicant : intake;
  step(submitter, { type: 'SubmitApplication', data: submitBody(plan) });
  const registeredOn = run.state.status === 'none' ? day : run.state.registeredOn;
  nextDay();
  for (const c of identityDataSteps()) step(officer, c);
  if (plan.scenario === 'withdrawn') {
    nextDay();
    step(rng.chance(0.5) ? applicant : intake, {
      type: 'WithdrawApplication',
      data: { reason: 'Family decided to wait' },
    });
    return run;
  }
  nextDay();
  if (plan.scenario === 'refused-after-hearing') {
    step(officer, {
      type: 'CompleteDocumentReview',
      data: { outcome: 'grounds-for-refusal', groundsFound: ['not-meeting-requirements'], note: 'tenancy ended' },
    });
    nextDay();
    step(secretary, formCommission);
    for (const v of votes('against', 'against', 'abstain')) step(secretary, v);
    nextDay();
    step(head, {
      type: 'IssuePreliminaryRefusal',
      data: { grounds: ['not-meeting-requirements'], explanation: 'The lease contract expired.' },
    });
    nextDay();
    const hearingOn = cal.addWorkingDays(day, 2).dueOn;
    step(officer, {
      type: 'ScheduleHearing',
      data: { hearingAt: `${hearingOn}T06:00:00Z`, place: 'Akimat, room 214' },
    });
    day = hearingOn;
    step(secretary, { type: 'HoldHearing', data: { applicantAttended: rng.chance(0.7) } }, `${hearingOn}T06:30:00Z`);
    nextDay();
    const refusal = refusalBody(
      plan.caseId,
      ['not-meeting-requirements'],
      'The lease was not extended.',
      hoursBefore(tenAm(day), 1),
    );
    step(head, { type: 'IssueReasonedRefusal', data: refusal });
    const refusedOn = day;
    nextDay();
    issueResult('reasoned-refusal', `refusal-${refusedOn}`);
    return run;
  }
  step(officer, reviewCompliant);
  nextDay();
  step(secretary, formCommission);
  for (const v of votes(...(rng.chance(0.8) ? (['for', 'for', 'for'] as const) : (['for', 'for', 'against'] as const))))
    step(secretary, v);
  nextDay();
  step(head, {
    type: 'AdoptPrivatizationDecision',
    data: decisionBody(plan.caseId, `HC-${plan.caseId.slice(0, 6)}`, hoursBefore(tenAm(day), 1)),
  });
  for (const c of transferSteps(plan.track)) {
    nextDay();
    const who = c.type === 'RegisterTitle' ? registrar : c.type === 'RecordPropertyBodyDecision' ? propertyBody : head;
    step(who, c);
  }
  nextDay();
  for (const c of dwellingDataSteps()) step(officer, c);
  nextDay();
  const price = 1_500_000 + rng.int(40) * 100_000;
  step(head, {
    type: 'SignContract',
    data: {
      contractNumber: `PC-${plan.caseId.slice(0, 8)}`,
      contractForm: rng.chance(0.7) ? 'electronic' : 'paper',
      ...(plan.form.kind === 'free' ? {} : { price }),
    },
  });
  if (plan.form.kind !== 'free') {
    nextDay();
    const amount = plan.form.kind === 'instalments' ? plan.form.initialPayment : price;
    step(officer, { type: 'RecordPayment', data: { amount, reference: `KZ-${plan.caseId.slice(0, 8)}` } });
  }
  nextDay();
  issueResult('privatization-contract', `PC-${plan.caseId.slice(0, 8)}`);
  return run;

  function issueResult(kind: 'privatization-contract' | 'reasoned-refusal', reference: string) {
    if (plan.channel === 'portal') {
      step(officer, {
        type: 'IssueResult',
        data: cabinetResultBody(plan.caseId, kind, reference, hoursBefore(tenAm(day), 1)),
      });
    } else {
      step(intake, {
        type: 'IssueResult',
        data: {
          delivery: {
            channel: 'state-corporation',
            receiptNumber: receiptNumberOf(plan.caseId, registeredOn),
            recipient: 'applicant',
            identityVerifiedBy: 'identity-document',
          },
        },
      });
    }
  }
}

export const FORMS: readonly PrivatizationForm[] = [TEST_FORMS.free, TEST_FORMS.residualValue, TEST_FORMS.instalments];
export const TRACKS: readonly Track[] = ['communal-fund', 'communal-institution', 'republican-institution'];
