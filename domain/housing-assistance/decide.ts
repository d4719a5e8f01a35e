/**
 * decide: commands of the housing assistance service against the case state. Deadlines are facts, not gates: a
 * late decision is recorded, with its breach (DeadlineMissed, detectedBy `late-step`).
 */
import type { HousingAssistanceCommand } from '../../contracts/housing-assistance/commands';
import type { DecisionContext } from '../shared/decider';
import { setDeadline } from '../shared/deadline-terms';
import { InvalidCommand, InvalidState, RuleViolation } from '../shared/errors';
import { calculateAmount } from './amount';
import { toThousandths } from './exact';
import { calculateFamilyIncome, monthsIn, periodWithin } from './income';
import type { ParameterRegistry } from './parameters';
import {
  HA_AMOUNT_RULE,
  HA_DECISION_RULE,
  HA_ELIGIBLE_DWELLING_RULE,
  HA_INCOME_RULE,
  HA_REGISTRATION_RULE,
  HA_WITHDRAWAL_RULE,
} from './rules';
import { decisionDeadlineFacts, recordDeadlineMissed } from './deadline-steps';
import { requireStatus } from './guards';
import { DECISION_DEADLINE_ID, type HousingAssistanceEvent, type HousingAssistanceState } from './state';
import { validateApplication } from './validate-application';

/** What a housing assistance decision needs besides the shared context: the regional parameters it is decided with. */
export type HousingAssistanceContext = DecisionContext & { parameters: ParameterRegistry };

type Cmd<T extends HousingAssistanceCommand['type']> = Extract<HousingAssistanceCommand, { type: T }>['data'];

function submit(
  data: Cmd<'SubmitApplication'>,
  state: HousingAssistanceState,
  ctx: HousingAssistanceContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'SubmitApplication', ['none']);
  // Rules §5: registered on the day of arrival within the channel's hours, otherwise on the next working day.
  const registeredOn = ctx.calendar.registrationDate(ctx.now, data.channel);
  validateApplication(data, registeredOn, ctx.parameters);
  ctx.parameters.inForce(data.regionCode, registeredOn); // a region without parameters in force cannot be decided: say so now
  const regulationVersion = ctx.regulations.versionInForce(registeredOn).id;
  return [
    {
      type: 'ApplicationSubmitted',
      data: { ...data, receivedAt: ctx.now, registeredOn, regulationVersion, rule: HA_REGISTRATION_RULE },
    },
  ];
}

function accept(
  data: Cmd<'AcceptCompleteDocuments'>,
  state: HousingAssistanceState,
  ctx: DecisionContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'AcceptCompleteDocuments', ['submitted']);
  const app = state.application!;
  const acceptedOn = ctx.calendar.registrationDate(ctx.now, app.channel);
  // HA Rules §13: 6 working days from the day the complete set is accepted from the State Corporation.
  const deadline = setDeadline({
    calendar: ctx.calendar,
    regulation: ctx.regulations.byId(app.regulationVersion),
    termId: 'housingAssistance.decision',
    deadlineId: DECISION_DEADLINE_ID,
    triggeredOn: acceptedOn,
  });
  return [
    { type: 'CompleteDocumentsAccepted', data: { documents: [...data.documents], acceptedOn, rule: HA_DECISION_RULE } },
    { type: 'DeadlineSet', data: { deadline } },
  ];
}

function recordGatewayData(
  data: Cmd<'RecordGatewayData'>,
  state: HousingAssistanceState,
  ctx: DecisionContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'RecordGatewayData', ['submitted', 'documents-accepted']);
  const family = new Set(state.application!.family.members.map((m) => m.iin));
  const fields: { path: string; message: string }[] = [];
  if (monthsIn(data.incomePeriod) < 1) fields.push({ path: '/incomePeriod', message: '`to` is before `from`' });
  data.incomes.forEach((l, i) => {
    if (!family.has(l.memberIin))
      fields.push({ path: `/incomes/${i}/memberIin`, message: 'not a member of the family' });
    if (!periodWithin(l.period, data.incomePeriod))
      fields.push({ path: `/incomes/${i}/period`, message: 'outside the income period' });
  });
  data.property.forEach((p, i) => {
    if (!family.has(p.ownerIin))
      fields.push({ path: `/property/${i}/ownerIin`, message: 'not a member of the family' });
  });
  data.registration.forEach((r, i) => {
    if (!family.has(r.memberIin))
      fields.push({ path: `/registration/${i}/memberIin`, message: 'not a member of the family' });
  });
  if (fields.length > 0)
    throw new InvalidCommand('The gateway data do not fit the case', 'invalid-gateway-data', fields);
  return [
    {
      type: 'GatewayDataRecorded',
      data: { ...data, receivedOn: ctx.calendar.localDate(ctx.now), rule: HA_INCOME_RULE },
    },
  ];
}

function assign(
  data: Cmd<'AssignAssistance'>,
  state: HousingAssistanceState,
  ctx: HousingAssistanceContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'AssignAssistance', ['documents-accepted']);
  const app = state.application!;
  const gateway = state.gateway;
  if (!gateway)
    throw new InvalidState(
      'AssignAssistance needs the gateway data (incomes, property, registration) first',
      'gateway-data-required',
      {
        command: 'AssignAssistance',
        status: state.status,
        needs: ['RecordGatewayData'],
      },
    );
  const dwellingsOwned = gateway.property.filter((p) => p.kind === 'dwelling').length;
  const allowedOwned = app.dwelling.basis === 'only-dwelling-owned' ? 1 : 0;
  if (dwellingsOwned > allowedOwned)
    throw new RuleViolation(
      `The family owns ${dwellingsOwned} dwelling(s); a ${app.dwelling.basis} dwelling allows ${allowedOwned}`,
      HA_ELIGIBLE_DWELLING_RULE,
      'dwelling-not-eligible',
      { dwellingsOwned, basis: app.dwelling.basis },
    );
  // The case is decided with the parameters in force on its registration date (pinned in the event).
  const pinned = ctx.parameters.inForce(app.regionCode, app.registeredOn);
  const calculation = calculateAmount({
    familySize: app.family.members.length,
    actualAreaThousandths: toThousandths(app.dwelling.totalAreaM2)!,
    expenses: app.monthlyExpenses,
    income: calculateFamilyIncome(gateway.incomePeriod, gateway.incomes),
    parameters: pinned.edition,
  });
  if (calculation.amountTiyn === 0)
    throw new RuleViolation(
      'No entitlement: the housing expenses within the norms do not exceed the maximum allowable share of family income; give a reasoned refusal instead',
      HA_AMOUNT_RULE,
      'no-entitlement',
      {
        allowedExpensesTiyn: calculation.allowedExpensesTiyn,
        maxAllowableShareTiyn: calculation.maxAllowableShareTiyn,
      },
    );
  const decidedOn = ctx.calendar.localDate(ctx.now);
  const facts = decisionDeadlineFacts(state, decidedOn);
  return [
    {
      type: 'AssistanceAssigned',
      data: {
        decidedOn,
        ...(data.decisionNumber ? { decisionNumber: data.decisionNumber } : {}),
        amountTiyn: calculation.amountTiyn,
        calculation,
        parameters: pinned,
        late: facts.late,
        rule: HA_DECISION_RULE,
      },
    },
    ...facts.events,
  ];
}

function refuse(
  data: Cmd<'RefuseAssistance'>,
  state: HousingAssistanceState,
  ctx: DecisionContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'RefuseAssistance', ['documents-accepted']);
  const decidedOn = ctx.calendar.localDate(ctx.now);
  const facts = decisionDeadlineFacts(state, decidedOn);
  return [
    {
      type: 'AssistanceRefused',
      data: {
        reasons: data.reasons.map((r) => ({ ...r })),
        ...(data.decisionNumber ? { decisionNumber: data.decisionNumber } : {}),
        decidedOn,
        late: facts.late,
        rule: HA_DECISION_RULE,
      },
    },
    ...facts.events,
  ];
}

function issueResult(
  data: Cmd<'IssueResult'>,
  state: HousingAssistanceState,
  ctx: DecisionContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'IssueResult', ['assigned', 'refused']);
  return [
    {
      type: 'ResultIssued',
      data: {
        deliveredVia: data.deliveredVia,
        issuedOn: ctx.calendar.localDate(ctx.now),
        outcome: state.decision!.outcome,
        rule: HA_DECISION_RULE,
      },
    },
  ];
}

function withdraw(
  data: Cmd<'WithdrawApplication'>,
  state: HousingAssistanceState,
  ctx: DecisionContext,
): HousingAssistanceEvent[] {
  requireStatus(state, 'WithdrawApplication', ['submitted', 'documents-accepted']);
  const cancelled: HousingAssistanceEvent[] = Object.values(state.deadlines)
    .filter((d) => d.state === 'open')
    .map((d) => ({
      type: 'DeadlineCancelled',
      data: { deadlineId: d.deadline.deadlineId, reason: 'The applicant withdrew the application' },
    }));
  return [
    {
      type: 'ApplicationWithdrawn',
      data: {
        ...(data.reason ? { reason: data.reason } : {}),
        withdrawnOn: ctx.calendar.localDate(ctx.now),
        rule: HA_WITHDRAWAL_RULE,
      },
    },
    ...cancelled,
  ];
}

export function decide(
  command: HousingAssistanceCommand,
  state: HousingAssistanceState,
  ctx: HousingAssistanceContext,
): HousingAssistanceEvent[] {
  switch (command.type) {
    case 'SubmitApplication':
      return submit(command.data, state, ctx);
    case 'AcceptCompleteDocuments':
      return accept(command.data, state, ctx);
    case 'RecordGatewayData':
      return recordGatewayData(command.data, state, ctx);
    case 'AssignAssistance':
      return assign(command.data, state, ctx);
    case 'RefuseAssistance':
      return refuse(command.data, state, ctx);
    case 'IssueResult':
      return issueResult(command.data, state, ctx);
    case 'WithdrawApplication':
      return withdraw(command.data, state, ctx);
    case 'RecordDeadlineMissed':
      return recordDeadlineMissed(command.data, state, ctx);
  }
}
