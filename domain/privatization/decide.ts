/**
 * decide: dispatches each command to its feature, then derives the facts that follow from the new state
 * (the completion of a transfer, Rules §9.2/§9.3).
 */
import type { DecisionContext } from '../shared/decider';
import { recordGatewayData } from './application/gateway';
import { submitApplication } from './application/submit';
import { adoptPrivatizationDecision, formCommission, recordCommissionVote } from './commission/commission';
import { recordPayment, signContract } from './contract/contract';
import { recordDeadlineMissed } from './deadlines/record-missed';
import { evolve } from './evolve';
import { holdHearing, issuePreliminaryRefusal, issueReasonedRefusal, scheduleHearing } from './refusal/refusal';
import { issueResult, withdrawApplication } from './result/result';
import { completeDocumentReview } from './review/complete-review';
import type { PrivatizationState } from './state';
import {
  approveTransferAct,
  recordPropertyBodyDecision,
  registerTitle,
  sendPetition,
  signTransferAct,
  transferCompletion,
} from './transfer/transfer';
import type { CommandOf, PrivatizationCommand, PrivatizationCommandName, PrivatizationEvent } from './types';

type Handlers = {
  [N in PrivatizationCommandName]: (
    c: CommandOf<N>,
    s: PrivatizationState,
    ctx: DecisionContext,
  ) => PrivatizationEvent[];
};

const handlers: Handlers = {
  SubmitApplication: submitApplication,
  RecordGatewayData: recordGatewayData,
  CompleteDocumentReview: completeDocumentReview,
  FormCommission: formCommission,
  RecordCommissionVote: recordCommissionVote,
  AdoptPrivatizationDecision: adoptPrivatizationDecision,
  IssuePreliminaryRefusal: issuePreliminaryRefusal,
  ScheduleHearing: scheduleHearing,
  HoldHearing: holdHearing,
  IssueReasonedRefusal: issueReasonedRefusal,
  SendPetition: sendPetition,
  RecordPropertyBodyDecision: recordPropertyBodyDecision,
  SignTransferAct: signTransferAct,
  ApproveTransferAct: approveTransferAct,
  RegisterTitle: registerTitle,
  SignContract: signContract,
  RecordPayment: recordPayment,
  IssueResult: issueResult,
  WithdrawApplication: withdrawApplication,
  RecordDeadlineMissed: recordDeadlineMissed,
};

export function decide(
  command: PrivatizationCommand,
  state: PrivatizationState,
  ctx: DecisionContext,
): PrivatizationEvent[] {
  const handler = handlers[command.type] as (
    c: PrivatizationCommand,
    s: PrivatizationState,
    ctx: DecisionContext,
  ) => PrivatizationEvent[];
  if (!handler) throw new Error(`Unknown privatization command: ${String((command as { type: unknown }).type)}`);
  const events = handler(command, state, ctx);
  if (events.length === 0) return events;
  const after = events.reduce(evolve, state);
  return after.status === 'none' ? events : [...events, ...transferCompletion(after, ctx)];
}
