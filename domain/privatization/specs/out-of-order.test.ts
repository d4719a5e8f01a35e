/**
 * Every command out of order is refused with InvalidState (409) naming the stage it needs (Rules §9 stages).
 */
import { InvalidState } from '../../shared/errors';
import { signedDecision, signedRefusal, TEST_CASE_ID } from '../testing/fixtures';
import type { PrivatizationCommand, PrivatizationCommandName } from '../types';
import type { CaseScript } from '../testing/case-script';
import { contracted, decided, heard, preliminarilyRefused, registered, reviewed, tenAm } from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const COMMANDS: Record<
  Exclude<PrivatizationCommandName, 'SubmitApplication' | 'RecordDeadlineMissed'>,
  PrivatizationCommand
> = {
  RecordGatewayData: {
    type: 'RecordGatewayData',
    data: { kind: 'rights-encumbrances', available: true, reference: 'R' },
  },
  CompleteDocumentReview: { type: 'CompleteDocumentReview', data: { outcome: 'compliant' } },
  FormCommission: {
    type: 'FormCommission',
    data: {
      members: [
        { memberId: 'm1', fullName: 'A', role: 'chair' },
        { memberId: 'm2', fullName: 'B', role: 'member' },
        { memberId: 'm3', fullName: 'C', role: 'member' },
      ],
    },
  },
  RecordCommissionVote: { type: 'RecordCommissionVote', data: { memberId: 'm1', vote: 'for' } },
  AdoptPrivatizationDecision: {
    type: 'AdoptPrivatizationDecision',
    data: signedDecision(TEST_CASE_ID, 'HC-9', '2026-03-01T00:00:00Z'),
  },
  IssuePreliminaryRefusal: {
    type: 'IssuePreliminaryRefusal',
    data: { grounds: ['unreliable-documents'], explanation: 'x' },
  },
  ScheduleHearing: { type: 'ScheduleHearing', data: { hearingAt: '2026-12-01T06:00:00Z', place: 'room' } },
  HoldHearing: { type: 'HoldHearing', data: { applicantAttended: true } },
  IssueReasonedRefusal: {
    type: 'IssueReasonedRefusal',
    data: signedRefusal(TEST_CASE_ID, ['unreliable-documents'], 'r', '2026-03-01T00:00:00Z'),
  },
  SendPetition: { type: 'SendPetition', data: { petitionNumber: 'P', akimOffice: 'A', propertyBody: 'B' } },
  RecordPropertyBodyDecision: {
    type: 'RecordPropertyBodyDecision',
    data: { decisionNumber: 'D', sectoralBody: 'S', sectoralAgreementReference: 'R' },
  },
  SignTransferAct: {
    type: 'SignTransferAct',
    data: { actNumber: 'A', transferorSignatory: 'X', recipientSignatory: 'Y' },
  },
  ApproveTransferAct: { type: 'ApproveTransferAct', data: { approvals: [{ fullName: 'X', office: 'akim-office' }] } },
  RegisterTitle: { type: 'RegisterTitle', data: { registrationNumber: 'R', registeringBody: 'B' } },
  SignContract: { type: 'SignContract', data: { contractNumber: 'C', contractForm: 'electronic' } },
  RecordPayment: { type: 'RecordPayment', data: { amount: 1, reference: 'P' } },
  IssueResult: {
    type: 'IssueResult',
    data: {
      delivery: {
        channel: 'state-corporation',
        receiptNumber: 'R',
        recipient: 'applicant',
        identityVerifiedBy: 'identity-document',
      },
    },
  },
  WithdrawApplication: { type: 'WithdrawApplication', data: {} },
};

/** For each stage, the commands that are out of order there and the words the refusal must name. */
const CASES: [string, () => CaseScript | null, (keyof typeof COMMANDS)[], RegExp][] = [
  ['no application yet', () => null, Object.keys(COMMANDS) as (keyof typeof COMMANDS)[], /application registered/],
  [
    'registered (stage 1)',
    () => registered(),
    ['FormCommission', 'RecordCommissionVote', 'AdoptPrivatizationDecision', 'IssuePreliminaryRefusal'],
    /stage 2/,
  ],
  ['registered (stage 1)', () => registered(), ['ScheduleHearing', 'HoldHearing'], /preliminary decision/],
  ['registered (stage 1)', () => registered(), ['IssueReasonedRefusal'], /hearing held/],
  [
    'registered (stage 1)',
    () => registered(),
    ['SendPetition', 'RecordPropertyBodyDecision', 'SignTransferAct', 'ApproveTransferAct', 'RegisterTitle'],
    /transfer after the privatization decision/,
  ],
  ['registered (stage 1)', () => registered(), ['SignContract'], /privatization decision/],
  ['registered (stage 1)', () => registered(), ['RecordPayment'], /contract/],
  ['registered (stage 1)', () => registered(), ['IssueResult'], /contract concluded or a reasoned refusal/],
  ['reviewed (stage 2)', () => reviewed(), ['CompleteDocumentReview'], /awaiting review/],
  [
    'preliminary refusal issued',
    () => preliminarilyRefused(),
    ['AdoptPrivatizationDecision'],
    /hearing to be held first/,
  ],
  [
    'preliminary refusal issued',
    () => preliminarilyRefused(),
    ['FormCommission', 'RecordCommissionVote', 'IssuePreliminaryRefusal'],
    /stage 2/,
  ],
  ['hearing held', () => heard(), ['ScheduleHearing', 'HoldHearing'], /preliminary decision/],
  [
    'decided, track 1',
    () => decided(),
    ['CompleteDocumentReview', 'FormCommission', 'AdoptPrivatizationDecision', 'IssueReasonedRefusal'],
    /stage 2|awaiting review|hearing/,
  ],
  ['decided, track 1', () => decided(), ['SendPetition', 'SignTransferAct', 'RegisterTitle'], /transfer/],
  ['decided, track 2', () => decided({ track: 'communal-institution' }), ['SignContract'], /completed transfer/],
  ['decided, track 2', () => decided({ track: 'communal-institution' }), ['ApproveTransferAct'], /act signed/],
  ['decided, track 2', () => decided({ track: 'communal-institution' }), ['RegisterTitle'], /act approved/],
  ['decided, track 3', () => decided({ track: 'republican-institution' }), ['SignTransferAct'], /state-property body/],
  [
    'contracted',
    () => contracted(),
    ['WithdrawApplication', 'SignContract', 'RecordGatewayData'],
    /before the contract|privatization decision/,
  ],
];

describe.each(CASES)('in state "%s"', (_name, build, commands, needs) => {
  test.each(commands)('%s is refused with 409 naming the stage it needs', (name) => {
    const c = build();
    const err = privatization
      .given(c ? c.history : [])
      .when(COMMANDS[name], tenAm('2026-03-31'))
      .thenFails(InvalidState);
    expect(String(err.details.needs)).toMatch(needs);
    expect(err.code).toMatch(/out-of-order|wrong-track/);
  });
});
