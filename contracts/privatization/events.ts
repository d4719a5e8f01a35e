/**
 * Events of the privatization service: past-tense facts of the commands plus the facts the system derives
 * (ApplicationRegistered, ReceiptIssued, RequestAccepted, TransferCompleted, InstalmentScheduleSet and the deadline
 * events of contracts/deadlines.ts). Every event's data carries the `rule` it rests on where one applies; the
 * regulation version goes into the envelope metadata.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  ChannelSchema,
  IinSchema,
  InstantSchema,
  LocalDateSchema,
  MoneySchema,
  NonEmptyText,
  RuleSchema,
  SignatureDataSchema,
} from '../common';
import { deadlineEventSchemas } from '../deadlines';
import {
  ApproveTransferActSchema,
  CompleteDocumentReviewSchema,
  HoldHearingSchema,
  RecordGatewayDataSchema,
  RecordPropertyBodyDecisionSchema,
  SendPetitionSchema,
  SignTransferActSchema,
  SubmitApplicationSchema,
} from './commands';
import {
  CommissionMemberSchema,
  DocumentCodeSchema,
  GatewayKindSchema,
  InstalmentSchema,
  RefusalGroundSchema,
  ResultDeliverySchema,
} from './shared';

const obj = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });
const Grounds = Type.Array(RefusalGroundSchema, { minItems: 1, uniqueItems: true });
const p = SubmitApplicationSchema.properties;

export const ApplicationRegisteredSchema = obj(
  {
    caseId: Type.String({ format: 'uuid' }),
    channel: ChannelSchema,
    providerId: p.providerId,
    track: p.track,
    form: p.form,
    applicant: p.applicant,
    dwelling: p.dwelling,
    tenancy: p.tenancy,
    familyMembers: p.familyMembers,
    consents: p.consents,
    situation: p.situation,
    documentsSubmitted: p.documentsSubmitted,
    applicantSignature: p.applicantSignature,
    submittedAt: { ...InstantSchema, description: 'When the application arrived.' },
    registeredOn: { ...LocalDateSchema, description: 'Registration date by channel hours (Rules §5).' },
    regulationVersion: NonEmptyText('The regulation version in force on the registration date; pinned.', 100),
    rule: RuleSchema,
  },
  'The provider registered the application (Rules §5).',
);

export const DocumentChecklistDeterminedSchema = obj(
  {
    items: Type.Array(
      obj(
        {
          document: DocumentCodeSchema,
          rule: RuleSchema,
          obtainedBy: Type.Union([Type.Literal('applicant'), Type.Literal('gateway')], {
            description: 'gateway: obtained by the provider, must not be demanded (Annex 1 item 8).',
          }),
          gatewayKind: Type.Optional(GatewayKindSchema),
          submitted: Type.Boolean({ description: 'The applicant handed it in.' }),
        },
        'One item of the checklist.',
      ),
    ),
    rule: RuleSchema,
  },
  'The documents that apply to this applicant (Annex 1 item 8).',
);

export const ReceiptIssuedSchema = obj(
  {
    receiptNumber: NonEmptyText('Receipt number.', 100),
    documentsAccepted: Type.Array(DocumentCodeSchema),
    employeeFullName: NonEmptyText('Employee who accepted the documents.', 300),
    submittedAt: InstantSchema,
    resultDate: { ...LocalDateSchema, description: 'Date on which the ready documents will be issued.' },
    rule: RuleSchema,
  },
  'Electronic receipt of the State Corporation (Rules §6).',
);

export const RequestAcceptedSchema = obj(
  {
    status: Type.Literal('request accepted'),
    resultDate: { ...LocalDateSchema, description: 'Date on which the result will be ready.' },
    rule: RuleSchema,
  },
  'Status shown in the personal cabinet (Rules §7).',
);

export const GatewayDataRecordedSchema = obj(
  { ...RecordGatewayDataSchema.properties, obtainedOn: LocalDateSchema, rule: RuleSchema },
  'Data obtained through the e-government gateway (Rules §7, §9, Annex 1 item 8).',
);

export const DocumentReviewCompletedSchema = obj(
  { ...CompleteDocumentReviewSchema.properties, reviewedOn: LocalDateSchema, rule: RuleSchema },
  'The provider checked the documents (Rules §9.1 stage 2).',
);

export const CommissionFormedSchema = obj(
  { members: Type.Array(CommissionMemberSchema, { minItems: 3 }), formedOn: LocalDateSchema, rule: RuleSchema },
  'The housing commission was formed (Rules §9.1 stage 2).',
);

export const CommissionVoteRecordedSchema = obj(
  {
    memberId: Type.String(),
    vote: Type.Union([Type.Literal('for'), Type.Literal('against'), Type.Literal('abstain')]),
    round: Type.Integer({ minimum: 1, description: '1 before the hearing; 2 after it.' }),
    rule: RuleSchema,
  },
  'A member voted (Rules §9.1 stage 2).',
);

const Tally = obj(
  {
    for: Type.Integer({ minimum: 0 }),
    against: Type.Integer({ minimum: 0 }),
    abstain: Type.Integer({ minimum: 0 }),
    members: Type.Integer({ minimum: 1 }),
  },
  'Votes of the round.',
);

export const PrivatizationDecisionAdoptedSchema = obj(
  {
    decisionNumber: NonEmptyText('Decision number.', 100),
    adoptedOn: LocalDateSchema,
    tally: Tally,
    afterHearing: Type.Boolean(),
    signature: SignatureDataSchema,
    rule: RuleSchema,
  },
  'The commission decided to privatize, by majority, signed by the head (Rules §9.1, §10).',
);

export const PreliminaryRefusalIssuedSchema = obj(
  { grounds: Grounds, explanation: Type.String(), issuedOn: LocalDateSchema, rule: RuleSchema },
  'Preliminary decision to refuse (Rules §10).',
);

export const HearingScheduledSchema = obj(
  {
    noticeSentOn: LocalDateSchema,
    hearingAt: InstantSchema,
    hearingOn: LocalDateSchema,
    place: Type.String(),
    serviceDeadlineOn: { ...LocalDateSchema, description: 'End of the service deadline (Annex 1 item 3).' },
    latestNoticeOn: { ...LocalDateSchema, description: '3 working days before the service deadline ends.' },
    latestHearingOn: { ...LocalDateSchema, description: '2 working days after the notice.' },
    rule: RuleSchema,
  },
  'The hearing notice was sent (Rules §10).',
);

export const HearingHeldSchema = obj(
  { ...HoldHearingSchema.properties, heldOn: LocalDateSchema, rule: RuleSchema },
  'The hearing was held (Rules §10).',
);

export const ReasonedRefusalIssuedSchema = obj(
  {
    grounds: Grounds,
    reasoning: Type.String(),
    refusedOn: LocalDateSchema,
    signature: SignatureDataSchema,
    rule: RuleSchema,
  },
  'Reasoned refusal after the hearing (Rules §10, Annex 1 item 9).',
);

export const PetitionSentSchema = obj(
  { ...SendPetitionSchema.properties, sentOn: LocalDateSchema, rule: RuleSchema },
  'The akim sent the petition (Rules §9.3).',
);

export const PropertyBodyDecisionRecordedSchema = obj(
  { ...RecordPropertyBodyDecisionSchema.properties, decidedOn: LocalDateSchema, rule: RuleSchema },
  'The state-property body decided the transfer (Rules §9.3, Annex 1 item 3.3).',
);

export const TransferActSignedSchema = obj(
  { ...SignTransferActSchema.properties, signedOn: LocalDateSchema, rule: RuleSchema },
  'Both sides signed the transfer act (Rules §9.2, §9.3).',
);

export const TransferActApprovedSchema = obj(
  { ...ApproveTransferActSchema.properties, approvedOn: LocalDateSchema, rule: RuleSchema },
  'The transfer act was approved (Rules §9.2, §9.3).',
);

export const TitleRegisteredSchema = obj(
  {
    registrationNumber: Type.String(),
    registeringBody: Type.String(),
    registeredOn: LocalDateSchema,
    rule: RuleSchema,
  },
  'The title documents were state-registered (Rules §9.2, §9.3).',
);

export const TransferCompletedSchema = obj(
  { completedOn: LocalDateSchema, rule: RuleSchema },
  'Act signed and approved, title registered, rights and technical data obtained (Rules §9.2, §9.3).',
);

export const ContractSignedSchema = obj(
  {
    contractNumber: Type.String(),
    contractForm: Type.Union([Type.Literal('electronic'), Type.Literal('paper')]),
    price: Type.Optional(MoneySchema),
    paymentDue: Type.Boolean({ description: 'False for a free privatization or a Resolution §23 case.' }),
    paymentExemption: Type.Optional(Type.String()),
    signedOn: LocalDateSchema,
    rule: RuleSchema,
  },
  'The privatization contract was concluded (Rules §9, Annex 1 item 3).',
);

export const InstalmentScheduleSetSchema = obj(
  {
    price: MoneySchema,
    termMonths: Type.Integer({ minimum: 1 }),
    initialPayment: MoneySchema,
    instalments: Type.Array(InstalmentSchema, { minItems: 1 }),
    rule: RuleSchema,
  },
  'The instalment schedule from the Annex 3 terms.',
);

export const PaymentRecordedSchema = obj(
  {
    amount: MoneySchema,
    reference: Type.String(),
    paidOn: LocalDateSchema,
    totalPaid: MoneySchema,
    fullyPaid: Type.Boolean(),
    rule: RuleSchema,
  },
  'A payment of the price to the local budget (Annex 1 item 6).',
);

export const ResultIssuedSchema = obj(
  {
    resultKind: Type.Union([Type.Literal('privatization-contract'), Type.Literal('reasoned-refusal')]),
    documents: Type.Array(
      Type.Union([
        Type.Literal('commission-decision'),
        Type.Literal('transfer-act'),
        Type.Literal('privatization-contract'),
        Type.Literal('reasoned-refusal'),
      ]),
      { minItems: 1, description: 'The documents of the result by track (Annex 1 item 5).' },
    ),
    delivery: ResultDeliverySchema,
    issuedOn: LocalDateSchema,
    rule: RuleSchema,
  },
  'The result reached the applicant (Rules §6, §7, Annex 1 item 5).',
);

export const ApplicationWithdrawnSchema = obj(
  {
    reason: Type.Optional(Type.String()),
    withdrawnOn: LocalDateSchema,
    stage: Type.String({ description: 'The status the case was in.' }),
    byIin: Type.Optional(IinSchema),
  },
  'The applicant withdrew the application before the contract.',
);

export const privatizationEventSchemas = {
  ApplicationRegistered: ApplicationRegisteredSchema,
  DocumentChecklistDetermined: DocumentChecklistDeterminedSchema,
  ReceiptIssued: ReceiptIssuedSchema,
  RequestAccepted: RequestAcceptedSchema,
  GatewayDataRecorded: GatewayDataRecordedSchema,
  DocumentReviewCompleted: DocumentReviewCompletedSchema,
  CommissionFormed: CommissionFormedSchema,
  CommissionVoteRecorded: CommissionVoteRecordedSchema,
  PrivatizationDecisionAdopted: PrivatizationDecisionAdoptedSchema,
  PreliminaryRefusalIssued: PreliminaryRefusalIssuedSchema,
  HearingScheduled: HearingScheduledSchema,
  HearingHeld: HearingHeldSchema,
  ReasonedRefusalIssued: ReasonedRefusalIssuedSchema,
  PetitionSent: PetitionSentSchema,
  PropertyBodyDecisionRecorded: PropertyBodyDecisionRecordedSchema,
  TransferActSigned: TransferActSignedSchema,
  TransferActApproved: TransferActApprovedSchema,
  TitleRegistered: TitleRegisteredSchema,
  TransferCompleted: TransferCompletedSchema,
  ContractSigned: ContractSignedSchema,
  InstalmentScheduleSet: InstalmentScheduleSetSchema,
  PaymentRecorded: PaymentRecordedSchema,
  ResultIssued: ResultIssuedSchema,
  ApplicationWithdrawn: ApplicationWithdrawnSchema,
  ...deadlineEventSchemas,
} satisfies Record<string, TSchema>;

export type PrivatizationEventType = keyof typeof privatizationEventSchemas;
type Schemas = typeof privatizationEventSchemas;
export type PrivatizationEventData<T extends PrivatizationEventType> = Static<Schemas[T]>;
export type PrivatizationEvent = {
  [T in PrivatizationEventType]: { type: T; data: Static<Schemas[T]> };
}[PrivatizationEventType];
/** Schema version of every event type above (bump per type on a breaking change, with an upcaster). */
export const PRIVATIZATION_EVENT_SCHEMA_VERSION = 1;
