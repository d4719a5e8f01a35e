/**
 * Refusal with hearing (Rules §10; Administrative Procedural and Process Code art. 73; Annex 1 item 9):
 * only on one or more of the five grounds; a preliminary decision; the hearing notice sent at least 3 working days
 * before the service deadline ends; the hearing no later than 2 working days after the notice; then the commission
 * decides to privatize or issues a reasoned refusal. A notice or hearing outside these bounds is refused (422).
 */
import type { DecisionContext } from '../../shared/decider';
import { InvalidState, RuleViolation } from '../../shared/errors';
import { deadlineSet, dueOn, satisfy } from '../deadlines/deadlines';
import { requireStatus, requireStep } from '../guards';
import { reasonedRefusalPayload, verifySignature } from '../signing';
import { hasMajorityFor, tally, type PrivatizationState } from '../state';
import { event, type CommandOf, type PrivatizationEvent } from '../types';

export function issuePreliminaryRefusal(
  command: CommandOf<'IssuePreliminaryRefusal'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(
    state,
    command.type,
    ['commission'],
    'stage 2: the reviewed application (Rules §9.1, §10)',
  );
  const { grounds, explanation } = command.data;
  // Ground 9.5 is a fact of the file, not an opinion: it stands only when the consent is really absent.
  if (grounds.includes('no-personal-data-consent') && file.consents.personalData) {
    throw new RuleViolation(
      'The applicant consented to the personal data',
      'Annex 1 item 9.5',
      'ground-not-established',
      {
        ground: 'no-personal-data-consent',
      },
    );
  }
  const today = ctx.calendar.localDate(ctx.now);
  const serviceDeadline = dueOn(file, 'decision') ?? today;
  return [
    event('PreliminaryRefusalIssued', { grounds, explanation, issuedOn: today, rule: 'Rules §10' }),
    deadlineSet(file, ctx, 'hearing-notice', 'privatization.hearing.noticeBeforeDeadline', serviceDeadline),
  ];
}

export function scheduleHearing(
  command: CommandOf<'ScheduleHearing'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, command.type, ['hearing'], 'a preliminary decision to refuse (Rules §10)');
  if (file.hearing) throw new InvalidState('The hearing notice was already sent', 'hearing-already-scheduled', {});
  const noticeSentOn = ctx.calendar.localDate(ctx.now);
  const serviceDeadlineOn = dueOn(file, 'decision') as string;
  const latestNoticeOn = dueOn(file, 'hearing-notice') as string;
  if (noticeSentOn > latestNoticeOn) {
    throw new RuleViolation(
      `The hearing notice must go out at least 3 working days before the service deadline ends (${serviceDeadlineOn}): by ${latestNoticeOn}, not ${noticeSentOn}`,
      'Rules §10',
      'hearing-notice-too-late',
      { noticeSentOn, serviceDeadlineOn, latestNoticeOn },
    );
  }
  const hearing = deadlineSet(file, ctx, 'hearing', 'privatization.hearing.afterNotice', noticeSentOn);
  const latestHearingOn = hearing.type === 'DeadlineSet' ? hearing.data.deadline.dueOn : noticeSentOn;
  const { hearingAt, place } = command.data;
  const hearingOn = ctx.calendar.localDate(hearingAt);
  if (Date.parse(hearingAt) <= Date.parse(ctx.now) || hearingOn > latestHearingOn) {
    throw new RuleViolation(
      `The hearing is held after the notice and no later than 2 working days from it (${noticeSentOn} → by ${latestHearingOn}), not on ${hearingOn}`,
      'Rules §10',
      'hearing-date-out-of-bounds',
      { noticeSentOn, hearingOn, latestHearingOn },
    );
  }
  return [
    event('HearingScheduled', {
      noticeSentOn,
      hearingAt,
      hearingOn,
      place,
      serviceDeadlineOn,
      latestNoticeOn,
      latestHearingOn,
      rule: 'Rules §10',
    }),
    ...satisfy(file, 'hearing-notice', noticeSentOn),
    hearing,
  ];
}

export function holdHearing(
  command: CommandOf<'HoldHearing'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, command.type, ['hearing'], 'a preliminary decision to refuse (Rules §10)');
  requireStep(file.hearing !== undefined, file, command.type, 'a hearing notice sent (ScheduleHearing, Rules §10)');
  const hearing = file.hearing as NonNullable<typeof file.hearing>;
  const heldOn = ctx.calendar.localDate(ctx.now);
  if (heldOn < hearing.hearingOn || heldOn > hearing.latestHearingOn) {
    throw new RuleViolation(
      `The hearing was notified for ${hearing.hearingOn} and must be held by ${hearing.latestHearingOn}, not on ${heldOn}`,
      'Rules §10',
      'hearing-date-out-of-bounds',
      {
        noticeSentOn: hearing.noticeSentOn,
        hearingOn: hearing.hearingOn,
        latestHearingOn: hearing.latestHearingOn,
        heldOn,
      },
    );
  }
  return [event('HearingHeld', { ...command.data, heldOn, rule: 'Rules §10' }), ...satisfy(file, 'hearing', heldOn)];
}

export function issueReasonedRefusal(
  command: CommandOf<'IssueReasonedRefusal'>,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const file = requireStatus(state, command.type, ['after-hearing'], 'the hearing held (Rules §10)');
  const { grounds, reasoning, signature } = command.data;
  const heard = new Set(file.preliminaryRefusal?.grounds ?? []);
  const unheard = grounds.filter((g) => !heard.has(g));
  if (unheard.length > 0) {
    throw new RuleViolation(
      `A refusal may rest only on grounds the applicant was heard on: ${unheard.join(', ')}`,
      'Rules §10',
      'ground-not-heard',
      { unheard, heard: [...heard] },
    );
  }
  if (hasMajorityFor(file)) {
    throw new RuleViolation('The commission voted by majority to privatize', 'Rules §10', 'commission-voted-for', {
      tally: tally(file),
    });
  }
  verifySignature(
    ctx,
    reasonedRefusalPayload({ caseId: file.caseId, grounds, reasoning }),
    signature,
    'Rules §10',
    'The reasoned refusal',
    '/signature',
  );
  const today = ctx.calendar.localDate(ctx.now);
  return [
    event('ReasonedRefusalIssued', {
      grounds,
      reasoning,
      refusedOn: today,
      signature,
      rule: 'Rules §10; Annex 1 item 9',
    }),
    ...satisfy(file, 'decision', today),
  ];
}
