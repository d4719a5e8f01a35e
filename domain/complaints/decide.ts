/**
 * The complaint process (Rules chapter 3):
 * - §13: a complaint about a decision, action or inaction of the provider goes to the head of the provider and is
 *   reviewed within 5 working days of its registration; a complaint to the authorised body for the quality of state
 *   services is reviewed within 15 working days of its registration.
 * - §14: the provider sends the complaint with the administrative case file to the complaint-review body no later
 *   than 3 working days after receiving it — unless within those 3 working days it fully satisfies the complaint.
 *
 * Modelling choices (stated so an investigator can read them back):
 * - the §14 terms (forward, satisfy) run from the receipt date and are set when the complaint is lodged with the
 *   provider; the §13 review term runs from the registration date and is set at registration;
 * - a complaint to the provider's head is decided by the complaint-review body after it is forwarded (or closed by
 *   full satisfaction); a complaint to the quality authority is decided by it directly, with no forwarding step;
 * - late steps are accepted and recorded with their breach (deadlines are facts, not gates).
 */
import type { ComplaintCommand, ComplaintCommandData } from '../../contracts/complaints/commands';
import type { LocalDate } from '../calendar/types';
import type { DecisionContext } from '../shared/decider';
import { setDeadline } from '../shared/deadline-terms';
import { InvalidCommand, InvalidState, RuleViolation } from '../shared/errors';
import { canonicalJson } from '../shared/signature-verifier';
import { breachDeadline, cancelAllOpen, cancelDeadline, completeDeadline } from './deadline-steps';
import { COMPLAINT_DEADLINES as D, type ComplaintDomainEvent } from './events';
import { CLOSED, type ComplaintState, type ComplaintStatus } from './state';

export const RULE_13 = 'Rules §13';
export const RULE_14 = 'Rules §14';

/** What the EDS of a complaint decision (or full satisfaction) is made over. */
export function complaintDecisionPayload(complaintId: string, decision: Record<string, unknown>): string {
  return canonicalJson({ kind: 'complaint-decision', complaintId, ...decision });
}

function requireStatus(state: ComplaintState, command: string, allowed: readonly ComplaintStatus[]): void {
  if (state.status === 'none')
    throw new InvalidState(`${command}: no complaint has been lodged`, 'complaint-not-found', { needs: allowed });
  if (CLOSED.includes(state.status))
    throw new InvalidState(`${command}: the complaint is closed (${state.status})`, 'complaint-closed', {
      status: state.status,
    });
  if (!allowed.includes(state.status))
    throw new InvalidState(
      `${command} needs the complaint to be ${allowed.join(' or ')}; it is ${state.status}`,
      'wrong-stage',
      {
        status: state.status,
        needs: allowed,
      },
    );
}

function requireAtProvider(state: ComplaintState, command: string): void {
  if (state.addressee !== 'provider-head')
    throw new InvalidState(
      `${command}: the complaint was lodged with the quality authority, not with the provider (${RULE_13}, ${RULE_14})`,
      'not-at-provider',
      { addressee: state.addressee },
    );
}

function verifySignature(
  ctx: DecisionContext,
  complaintId: string,
  decision: Record<string, unknown>,
  signature: ComplaintCommandData<'DecideComplaint'>['signature'],
): void {
  if (!signature) return;
  const result = ctx.signatures.verify({ payload: complaintDecisionPayload(complaintId, decision), signature });
  if (!result.valid)
    throw new InvalidCommand(`The signature does not verify: ${result.reason ?? 'invalid'}`, 'invalid-signature', [
      { path: '/signature', message: result.reason ?? 'invalid signature' },
    ]);
}

const today = (ctx: DecisionContext): LocalDate => ctx.calendar.localDate(ctx.now);

function lodge(data: ComplaintCommandData<'LodgeComplaint'>, state: ComplaintState, ctx: DecisionContext) {
  if (state.status !== 'none')
    throw new InvalidState('This complaint has already been lodged', 'complaint-exists', { status: state.status });
  if (!data.complaintId)
    throw new InvalidCommand('complaintId is required', 'missing-complaint-id', [
      { path: '/complaintId', message: 'required' },
    ]);
  if (data.complainant.kind === 'representative' && !data.complainant.powerOfAttorney.notarised)
    throw new InvalidCommand(
      'A representative acts on a notarised power of attorney',
      'power-of-attorney-not-notarised',
      [{ path: '/complainant/powerOfAttorney/notarised', message: 'must be true' }],
    );
  const receivedOn = today(ctx);
  const regulation = ctx.regulations.versionInForce(receivedOn);
  const atProvider = data.addressee === 'provider-head';
  const events: ComplaintDomainEvent[] = [
    {
      type: 'ComplaintLodged',
      data: {
        ...data,
        complaintId: data.complaintId,
        receivedAt: ctx.now,
        receivedOn,
        regulationVersion: regulation.id,
        rule: atProvider ? `${RULE_13}; ${RULE_14}` : RULE_13,
      },
    },
  ];
  if (atProvider)
    for (const [deadlineId, termId] of [
      [D.forward, 'complaints.forward'],
      [D.satisfy, 'complaints.satisfy'],
    ] as const)
      events.push({
        type: 'DeadlineSet',
        data: {
          deadline: setDeadline({ calendar: ctx.calendar, regulation, termId, deadlineId, triggeredOn: receivedOn }),
        },
      });
  return events;
}

function register(data: ComplaintCommandData<'RegisterComplaint'>, state: ComplaintState, ctx: DecisionContext) {
  requireStatus(state, 'RegisterComplaint', ['lodged']);
  // Registered on a working day: a complaint handled on a day off counts as registered on the next working day.
  const registeredOn = ctx.calendar.workingDayOnOrAfter(today(ctx));
  const atProvider = state.addressee === 'provider-head';
  const regulation = ctx.regulations.byId(state.regulationVersion!);
  const events: ComplaintDomainEvent[] = [
    {
      type: 'ComplaintRegistered',
      data: { ...data, registeredOn, registeredBy: atProvider ? 'provider' : 'quality-authority', rule: RULE_13 },
    },
    {
      type: 'DeadlineSet',
      data: {
        deadline: setDeadline({
          calendar: ctx.calendar,
          regulation,
          termId: atProvider ? 'complaints.provider' : 'complaints.qualityAuthority',
          deadlineId: D.review,
          triggeredOn: registeredOn,
        }),
      },
    },
  ];
  return events;
}

function satisfy(data: ComplaintCommandData<'SatisfyComplaint'>, state: ComplaintState, ctx: DecisionContext) {
  requireAtProvider(state, 'SatisfyComplaint');
  if (state.status === 'forwarded')
    throw new InvalidState(
      `SatisfyComplaint: the complaint was already forwarded to the complaint-review body (${RULE_14})`,
      'already-forwarded',
      { status: state.status },
    );
  requireStatus(state, 'SatisfyComplaint', ['registered']);
  verifySignature(ctx, state.complaintId!, { measure: data.measure }, data.signature);
  const on = today(ctx);
  const window = state.deadlines[D.satisfy];
  const withinTerm = window !== undefined && window.state !== 'cancelled' && on <= window.deadline.dueOn;
  const events: ComplaintDomainEvent[] = [
    { type: 'ComplaintSatisfied', data: { ...data, satisfiedOn: on, withinTerm, late: !withinTerm, rule: RULE_14 } },
  ];
  if (withinTerm) {
    events.push(...completeDeadline(state, D.satisfy, on));
    events.push(
      ...cancelDeadline(
        state,
        D.forward,
        `Fully satisfied within 3 working days of receipt: not forwarded (${RULE_14})`,
      ),
    );
  } else {
    // Satisfied after the §14 window: the forwarding obligation was breached and stays breached.
    events.push(
      ...cancelDeadline(state, D.satisfy, `The 3 working days of ${RULE_14} ended without full satisfaction`),
    );
    events.push(...breachDeadline(state, D.forward));
  }
  events.push(...completeDeadline(state, D.review, on));
  return events;
}

function forward(data: ComplaintCommandData<'ForwardComplaint'>, state: ComplaintState, ctx: DecisionContext) {
  requireAtProvider(state, 'ForwardComplaint');
  requireStatus(state, 'ForwardComplaint', ['registered']);
  const on = today(ctx);
  const due = state.deadlines[D.forward]?.deadline.dueOn;
  const late = due !== undefined && on > due;
  return [
    { type: 'ComplaintForwarded', data: { ...data, forwardedOn: on, late, rule: RULE_14 } },
    ...completeDeadline(state, D.forward, on),
    ...cancelDeadline(
      state,
      D.satisfy,
      `Forwarded to the complaint-review body instead of being satisfied (${RULE_14})`,
    ),
  ] satisfies ComplaintDomainEvent[];
}

function decideComplaint(data: ComplaintCommandData<'DecideComplaint'>, state: ComplaintState, ctx: DecisionContext) {
  const atProvider = state.addressee === 'provider-head';
  // A complaint to the provider's head reaches the complaint-review body by forwarding (§14).
  requireStatus(state, 'DecideComplaint', atProvider ? ['forwarded'] : ['registered']);
  const { signature, ...decision } = data;
  verifySignature(ctx, state.complaintId!, decision, signature);
  const on = today(ctx);
  const due = state.deadlines[D.review]?.deadline.dueOn;
  const late = due !== undefined && on > due;
  return [
    {
      type: 'ComplaintDecided',
      data: {
        ...data,
        decidedOn: on,
        decidedBy: atProvider ? 'complaint-review-body' : 'quality-authority',
        late,
        rule: RULE_13,
      },
    },
    ...completeDeadline(state, D.review, on),
  ] satisfies ComplaintDomainEvent[];
}

function withdraw(data: ComplaintCommandData<'WithdrawComplaint'>, state: ComplaintState, ctx: DecisionContext) {
  requireStatus(state, 'WithdrawComplaint', ['lodged', 'registered', 'forwarded']);
  return [
    { type: 'ComplaintWithdrawn', data: { ...data, withdrawnOn: today(ctx), rule: RULE_13 } },
    ...cancelAllOpen(state, 'The complainant withdrew the complaint'),
  ] satisfies ComplaintDomainEvent[];
}

/** The deadline watcher's command: idempotent (a settled or already breached deadline yields nothing). */
function recordMissed(data: ComplaintCommandData<'RecordDeadlineMissed'>, state: ComplaintState, ctx: DecisionContext) {
  const d = state.deadlines[data.deadlineId];
  if (!d)
    throw new InvalidCommand(`No deadline ${data.deadlineId} in this complaint`, 'unknown-deadline', [
      { path: '/deadlineId', message: 'unknown deadline' },
    ]);
  if (d.state !== 'open' || d.breachRecorded) return [];
  const on = today(ctx);
  if (on <= d.deadline.dueOn)
    throw new RuleViolation(
      `Deadline ${data.deadlineId} runs until ${d.deadline.dueOn}`,
      d.deadline.rule,
      'not-overdue',
      {
        dueOn: d.deadline.dueOn,
        today: on,
      },
    );
  // The satisfy window is an option, not a duty: when it lapses the duty to forward remains (§14).
  if (data.deadlineId === D.satisfy)
    return cancelDeadline(state, D.satisfy, `The 3 working days of ${RULE_14} ended without full satisfaction`);
  return [
    {
      type: 'DeadlineMissed',
      data: {
        deadlineId: data.deadlineId,
        dueOn: d.deadline.dueOn,
        missedOn: on,
        rule: d.deadline.rule,
        detectedBy: 'watcher',
      },
    },
  ] satisfies ComplaintDomainEvent[];
}

export function decide(command: ComplaintCommand, state: ComplaintState, ctx: DecisionContext): ComplaintDomainEvent[] {
  switch (command.type) {
    case 'LodgeComplaint':
      return lodge(command.data, state, ctx);
    case 'RegisterComplaint':
      return register(command.data, state, ctx);
    case 'SatisfyComplaint':
      return satisfy(command.data, state, ctx);
    case 'ForwardComplaint':
      return forward(command.data, state, ctx);
    case 'DecideComplaint':
      return decideComplaint(command.data, state, ctx);
    case 'WithdrawComplaint':
      return withdraw(command.data, state, ctx);
    case 'RecordDeadlineMissed':
      return recordMissed(command.data, state, ctx);
  }
}
