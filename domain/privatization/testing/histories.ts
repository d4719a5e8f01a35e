/**
 * Histories for the specs, built by running the real decider on the real 2026 calendar (so every "given" is a
 * history the decider can actually produce). Timeline: submitted Monday 2 March 2026 10:00 Almaty; decision due
 * Wednesday 1 April 2026 (30 calendar days, Annex 1 item 3.1).
 */
import {
  CaseScript,
  adoptDecision,
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  transferSteps,
  votes,
} from './case-script';
import { validSubmitApplication, type SubmitOptions } from './fixtures';
import type { PrivatizationCommand } from '../types';

export const SUBMITTED_AT = '2026-03-02T05:00:00Z';
export const DECISION_DUE = '2026-04-01';
/** 10:00 Almaty (UTC+5) on a local date. */
export const tenAm = (date: string) => `${date}T05:00:00Z`;

export function registered(o: SubmitOptions = {}): CaseScript {
  const c = new CaseScript();
  c.run(SUBMITTED_AT, { type: 'SubmitApplication', data: validSubmitApplication(o) });
  return c;
}

export function reviewed(o: SubmitOptions = {}, review: PrivatizationCommand = reviewCompliant): CaseScript {
  const c = registered(o);
  for (const cmd of identityDataSteps()) c.run(tenAm('2026-03-03'), cmd);
  c.run(tenAm('2026-03-04'), review);
  return c;
}

export function voted(o: SubmitOptions = {}, ...v: ('for' | 'against' | 'abstain')[]): CaseScript {
  const c = reviewed(o);
  c.run(tenAm('2026-03-05'), formCommission);
  const cast: ('for' | 'against' | 'abstain')[] = v.length ? v : ['for', 'for', 'for'];
  for (const cmd of votes(...cast)) c.run(tenAm('2026-03-05'), cmd);
  return c;
}

/** Decision adopted on Friday 6 March 2026. */
export function decided(o: SubmitOptions = {}): CaseScript {
  const c = voted(o);
  c.run(tenAm('2026-03-06'), adoptDecision(c.caseId, '2026-03-06T04:00:00Z'));
  return c;
}

/** Ready for the contract: track 1 with dwelling data; tracks 2–3 with the transfer completed on 10–12 March. */
export function readyForContract(o: SubmitOptions = {}): CaseScript {
  const c = decided(o);
  const track = o.track ?? 'communal-fund';
  transferSteps(track).forEach((cmd, i) => c.run(tenAm(`2026-03-1${i}`), cmd));
  for (const cmd of dwellingDataSteps()) c.run(tenAm(track === 'communal-fund' ? '2026-03-10' : '2026-03-16'), cmd);
  return c;
}

/** Contract signed on time: 12 March (track 1, due 16 March) or 17 March (tracks 2–3, due 26 March). */
export const contractDate = (o: SubmitOptions = {}) =>
  (o.track ?? 'communal-fund') === 'communal-fund' ? '2026-03-12' : '2026-03-17';

export function contracted(
  o: SubmitOptions = {},
  price?: number,
  contractForm: 'electronic' | 'paper' = 'electronic',
): CaseScript {
  const c = readyForContract(o);
  c.run(tenAm(contractDate(o)), {
    type: 'SignContract',
    data: { contractNumber: 'PC-2026-31', contractForm, ...(price !== undefined ? { price } : {}) },
  });
  return c;
}

/** Grounds found in the review, preliminary refusal issued on 10 March. */
export function preliminarilyRefused(o: SubmitOptions = {}): CaseScript {
  const c = reviewed(o, {
    type: 'CompleteDocumentReview',
    data: { outcome: 'grounds-for-refusal', groundsFound: ['not-meeting-requirements'], note: 'tenancy ended in 2019' },
  });
  c.run(tenAm('2026-03-10'), {
    type: 'IssuePreliminaryRefusal',
    data: { grounds: ['not-meeting-requirements'], explanation: 'The lease contract expired in 2019.' },
  });
  return c;
}

/** Hearing notice sent Wednesday 25 March for Friday 27 March 11:00, held then. */
export function heard(o: SubmitOptions = {}): CaseScript {
  const c = preliminarilyRefused(o);
  c.run(tenAm('2026-03-25'), {
    type: 'ScheduleHearing',
    data: { hearingAt: '2026-03-27T06:00:00Z', place: 'Akimat, room 214' },
  });
  c.run('2026-03-27T06:30:00Z', {
    type: 'HoldHearing',
    data: { applicantAttended: true, applicantPosition: 'The lease was extended by an order of 2020.' },
  });
  return c;
}

export { formCommission, votes, adoptDecision, dwellingDataSteps, identityDataSteps, transferSteps, reviewCompliant };
