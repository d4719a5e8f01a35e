/**
 * Commands of the privatization service. These names are part of the public HTTP contract:
 * `POST /v1/privatization/cases` takes SubmitApplication, `POST …/commands/{CommandName}` the others.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ChannelSchema, IinSchema, InstantSchema, MoneySchema, NonEmptyText, SignatureDataSchema } from '../common';
import {
  ApplicantSchema,
  CommissionMemberSchema,
  DocumentCodeSchema,
  DwellingSchema,
  FamilyMemberSchema,
  GatewayKindSchema,
  PrivatizationFormSchema,
  RefusalGroundSchema,
  ResultDeliverySchema,
  TenancySchema,
  TrackSchema,
} from './shared';

const obj = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

const Grounds = Type.Array(RefusalGroundSchema, {
  minItems: 1,
  uniqueItems: true,
  description: 'One or more of the five grounds of Annex 1 item 9.',
});

export const SubmitApplicationSchema = obj(
  {
    caseId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Case id; assigned by the API when absent (stream `privatization-<caseId>`).',
      }),
    ),
    channel: ChannelSchema,
    providerId: NonEmptyText('The provider (local executive body) the application is addressed to.', 100),
    track: TrackSchema,
    form: PrivatizationFormSchema,
    applicant: ApplicantSchema,
    dwelling: DwellingSchema,
    tenancy: TenancySchema,
    familyMembers: Type.Array(FamilyMemberSchema, {
      maxItems: 30,
      description: 'Members of the tenant family (Annex 2).',
    }),
    consents: obj(
      {
        legallyProtectedSecrets: Type.Boolean({
          description: 'Consent to the use of legally protected secrets (Rules §8).',
        }),
        personalData: Type.Boolean({
          description:
            'Consent to the collection and processing of personal data (Annex 2; its absence is ground 9.5).',
        }),
      },
      'Consents of the applicant (Rules §8, Annex 1 item 9.5).',
    ),
    situation: Type.Optional(
      obj(
        {
          familyCivilStatusEvents: Type.Optional(
            Type.Boolean({ description: 'Marriages, divorces, deaths or births in the family (Annex 1 item 8.2).' }),
          ),
          privatizingUnderRules11: Type.Optional(
            Type.Boolean({
              description: 'Privatizing under Rules §11 as a category entitled to a free dwelling (item 8.9).',
            }),
          ),
        },
        'Situations that make documents relevant (Annex 1 item 8).',
      ),
    ),
    documentsSubmitted: Type.Array(DocumentCodeSchema, {
      uniqueItems: true,
      description: 'Documents the applicant handed in (Annex 1 item 8).',
    }),
    intakeEmployee: Type.Optional(
      NonEmptyText('Full name of the State Corporation employee who accepted the documents (Rules §6).', 300),
    ),
    applicantSignature: Type.Optional({
      ...SignatureDataSchema,
      description: "The applicant's EDS over privatizationApplicationPayload (portal, Annex 1 item 10).",
    }),
  },
  'Submit an application to privatize a dwelling (Rules §4, Annex 2/3).',
);

export const RecordGatewayDataSchema = obj(
  {
    kind: GatewayKindSchema,
    subjectIin: Type.Optional({
      ...IinSchema,
      description: 'The family member the data concern; absent for dwelling data.',
    }),
    available: Type.Boolean({ description: 'False when the information systems do not hold the data.' }),
    reference: NonEmptyText('Gateway request reference.', 200),
    summary: Type.Optional(NonEmptyText('What was obtained (no personal data beyond need).', 2000)),
  },
  'Record data obtained from state information systems through the e-government gateway (Rules §7, Annex 1 item 8).',
);

export const CompleteDocumentReviewSchema = obj(
  {
    outcome: Type.Union([Type.Literal('compliant'), Type.Literal('grounds-for-refusal')], {
      description: 'Completeness and compliance with the Law, the Resolution and the Rules (Rules §9.1 stage 2).',
    }),
    groundsFound: Type.Optional(Grounds),
    demandedDocuments: Type.Optional(
      Type.Array(DocumentCodeSchema, {
        uniqueItems: true,
        description: 'Documents asked of the applicant; gateway-obtainable ones are refused (Annex 1 item 8).',
      }),
    ),
    note: Type.Optional(NonEmptyText('Reviewer note.', 2000)),
  },
  'Complete the check of the documents (Rules §9.1 stage 2).',
);

export const FormCommissionSchema = obj(
  { members: Type.Array(CommissionMemberSchema, { minItems: 3, maxItems: 25 }) },
  'Form the housing commission (Rules §9.1 stage 2).',
);

export const RecordCommissionVoteSchema = obj(
  {
    memberId: NonEmptyText('The voting member.', 100),
    vote: Type.Union([Type.Literal('for'), Type.Literal('against'), Type.Literal('abstain')], {
      description: 'For or against privatization.',
    }),
  },
  'Record a commission member’s vote (Rules §9.1 stage 2).',
);

export const AdoptPrivatizationDecisionSchema = obj(
  {
    decisionNumber: NonEmptyText('Number of the commission decision.', 100),
    signature: {
      ...SignatureDataSchema,
      description: "EDS of the provider's head over privatizationDecisionPayload (Rules §9.1).",
    },
  },
  'Adopt the commission decision to privatize, by majority (Rules §9.1, §10).',
);

export const IssuePreliminaryRefusalSchema = obj(
  { grounds: Grounds, explanation: NonEmptyText('Why the grounds apply.', 4000) },
  'Notify the applicant of a preliminary decision to refuse (Rules §10).',
);

export const ScheduleHearingSchema = obj(
  {
    hearingAt: { ...InstantSchema, description: 'Time and date of the hearing.' },
    place: NonEmptyText('Place or way (e.g. video link) of the hearing.', 500),
  },
  'Send the hearing notice now (≥ 3 working days before the service deadline ends; hearing ≤ 2 working days later, Rules §10).',
);

export const HoldHearingSchema = obj(
  {
    applicantAttended: Type.Boolean(),
    applicantPosition: Type.Optional(NonEmptyText('The position the applicant stated.', 8000)),
    minutesReference: Type.Optional(NonEmptyText('Reference of the minutes.', 200)),
  },
  'Hold the hearing (Rules §10; Administrative Procedural and Process Code art. 73).',
);

export const IssueReasonedRefusalSchema = obj(
  {
    grounds: Grounds,
    reasoning: NonEmptyText('The reasons, answering the applicant’s position.', 8000),
    signature: { ...SignatureDataSchema, description: "EDS of the provider's head over reasonedRefusalPayload." },
  },
  'Issue a reasoned refusal after the hearing (Rules §10, Annex 1 item 9).',
);

export const SendPetitionSchema = obj(
  {
    petitionNumber: NonEmptyText('Petition number.', 100),
    akimOffice: NonEmptyText('The akim (region, city of republican significance, capital) sending it.', 300),
    propertyBody: NonEmptyText('The authorised state-property body addressed.', 300),
  },
  'Send the akim’s petition for transfer from republican to communal ownership (Rules §9.3 stage 3).',
);

export const RecordPropertyBodyDecisionSchema = obj(
  {
    decisionNumber: NonEmptyText('Decision number.', 100),
    sectoralBody: NonEmptyText('The sectoral authorised body that agreed (Rules §9.3).', 300),
    sectoralAgreementReference: NonEmptyText('Reference of the agreement.', 200),
  },
  'Record the state-property body’s decision to transfer (Rules §9.3; Annex 1 item 3.3: 15 calendar days).',
);

export const SignTransferActSchema = obj(
  {
    actNumber: NonEmptyText('Acceptance-transfer act number.', 100),
    transferorSignatory: NonEmptyText('Authorised official of the transferring side.', 300),
    recipientSignatory: NonEmptyText('Authorised official of the receiving side.', 300),
  },
  'Both sides sign the acceptance-transfer act (Rules §9.2, §9.3).',
);

export const ApproveTransferActSchema = obj(
  {
    approvals: Type.Array(
      obj(
        {
          fullName: NonEmptyText('Approver.', 300),
          office: Type.Union(
            [
              Type.Literal('communal-property-body'),
              Type.Literal('akim-office'),
              Type.Literal('state-property-territorial-unit'),
              Type.Literal('national-bank-deputy-chairman'),
              Type.Literal('local-executive-body'),
            ],
            {
              description:
                'Office of the approver (Rules §9.2: communal-property body or akim office; §9.3: both sides).',
            },
          ),
        },
        'An approval of the act.',
      ),
      { minItems: 1, maxItems: 2 },
    ),
  },
  'Approve the transfer act (Rules §9.2, §9.3).',
);

export const RegisterTitleSchema = obj(
  {
    registrationNumber: NonEmptyText('State registration number.', 100),
    registeringBody: NonEmptyText('The registering body.', 300),
  },
  'Record the state registration of the title documents (Rules §9.2, §9.3).',
);

export const SignContractSchema = obj(
  {
    contractNumber: NonEmptyText('Privatization contract number.', 100),
    contractForm: Type.Union([Type.Literal('electronic'), Type.Literal('paper')], {
      description: 'Payment within 30 calendar days applies to an electronic contract (Annex 1 item 6).',
    }),
    price: Type.Optional({ ...MoneySchema, description: 'Price of the dwelling (required for a purchase, Annex 3).' }),
    paymentExemption: Type.Optional(
      NonEmptyText('Resolution §23 case that exempts the price from payment (see RESOLUTION_23_CASES).', 100),
    ),
  },
  'The provider and the applicant conclude the privatization contract (Rules §9; Annex 1 item 3: 5 working days).',
);

export const RecordPaymentSchema = obj(
  {
    amount: { ...MoneySchema, exclusiveMinimum: 0 },
    reference: NonEmptyText('Payment reference to the local budget.', 200),
  },
  'Record a payment of the price to the local budget (Annex 1 item 6, Annex 3).',
);

export const IssueResultSchema = obj(
  { delivery: ResultDeliverySchema },
  'Deliver the result by channel (Rules §6, §7; Annex 1 item 5).',
);

export const WithdrawApplicationSchema = obj(
  { reason: Type.Optional(NonEmptyText('Reason given by the applicant.', 2000)) },
  'The applicant withdraws the application (allowed before the contract).',
);

export const RecordDeadlineMissedSchema = obj(
  { deadlineId: NonEmptyText('The overdue deadline.', 100) },
  'Internal (deadline watcher): record that a deadline was missed; idempotent.',
);

export const privatizationCommandSchemas = {
  SubmitApplication: SubmitApplicationSchema,
  RecordGatewayData: RecordGatewayDataSchema,
  CompleteDocumentReview: CompleteDocumentReviewSchema,
  FormCommission: FormCommissionSchema,
  RecordCommissionVote: RecordCommissionVoteSchema,
  AdoptPrivatizationDecision: AdoptPrivatizationDecisionSchema,
  IssuePreliminaryRefusal: IssuePreliminaryRefusalSchema,
  ScheduleHearing: ScheduleHearingSchema,
  HoldHearing: HoldHearingSchema,
  IssueReasonedRefusal: IssueReasonedRefusalSchema,
  SendPetition: SendPetitionSchema,
  RecordPropertyBodyDecision: RecordPropertyBodyDecisionSchema,
  SignTransferAct: SignTransferActSchema,
  ApproveTransferAct: ApproveTransferActSchema,
  RegisterTitle: RegisterTitleSchema,
  SignContract: SignContractSchema,
  RecordPayment: RecordPaymentSchema,
  IssueResult: IssueResultSchema,
  WithdrawApplication: WithdrawApplicationSchema,
  RecordDeadlineMissed: RecordDeadlineMissedSchema,
} satisfies Record<string, TSchema>;

export type PrivatizationCommandName = keyof typeof privatizationCommandSchemas;
/** Commands the public API accepts (RecordDeadlineMissed is internal, sent by the deadline watcher). */
export const PUBLIC_PRIVATIZATION_COMMANDS = (
  Object.keys(privatizationCommandSchemas) as PrivatizationCommandName[]
).filter((n) => n !== 'RecordDeadlineMissed');

type Schemas = typeof privatizationCommandSchemas;
export type PrivatizationCommandData<N extends PrivatizationCommandName> = Static<Schemas[N]>;
export type PrivatizationCommand = {
  [N in PrivatizationCommandName]: { type: N; data: Static<Schemas[N]> };
}[PrivatizationCommandName];
