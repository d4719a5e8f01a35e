/**
 * Commands of the complaint process (Rules chapter 3, §13–§14). These names are part of the public HTTP
 * contract: `POST /v1/complaints` takes LodgeComplaint, `POST /v1/complaints/{id}/commands/{CommandName}` the others.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { IinSchema, LocalDateSchema, NonEmptyText, SignatureDataSchema } from '../common';

const obj = <P extends Parameters<typeof Type.Object>[0]>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

export const COMPLAINT_SERVICES = ['privatization', 'housing-assistance'] as const;
export const ComplaintServiceSchema = Type.Union(
  COMPLAINT_SERVICES.map((s) => Type.Literal(s)),
  { description: 'The state service of the case the complaint is about.' },
);

/** Rules §13: to the head of the provider, or to the authorised body for the quality of state services. */
export const ADDRESSEES = ['provider-head', 'quality-authority'] as const;
export const AddresseeSchema = Type.Union(
  ADDRESSEES.map((s) => Type.Literal(s)),
  {
    description:
      'Rules §13: the head of the provider (reviewed within 5 working days) or the authorised body for evaluating and controlling the quality of state services (15 working days).',
  },
);

export const ComplaintSubjectSchema = obj(
  {
    kind: Type.Union([Type.Literal('decision'), Type.Literal('action'), Type.Literal('inaction')], {
      description: 'Rules §13: a decision, an action or an inaction of the provider.',
    }),
    description: NonEmptyText('What the provider decided, did or failed to do.', 2000),
    reference: Type.Optional(NonEmptyText('The decision number or the event id appealed, if any.', 200)),
    occurredOn: Type.Optional({ ...LocalDateSchema, description: 'When the decision/action happened, if known.' }),
  },
  'What the complaint is about (Rules §13).',
);

export const PowerOfAttorneySchema = obj(
  {
    number: NonEmptyText('Number of the power of attorney.', 100),
    issuedOn: LocalDateSchema,
    notarised: Type.Boolean({ description: 'A representative acts on a notarised power of attorney.' }),
    notary: NonEmptyText('Notary who certified it.', 300),
  },
  'The representative’s power of attorney.',
);

export const ComplainantSchema = Type.Union(
  [
    obj(
      {
        kind: Type.Literal('applicant'),
        iin: IinSchema,
        fullName: NonEmptyText('Surname, name, patronymic.', 300),
      },
      'The applicant of the case complains in person.',
    ),
    obj(
      {
        kind: Type.Literal('representative'),
        iin: IinSchema,
        fullName: NonEmptyText('Surname, name, patronymic of the representative.', 300),
        applicantIin: { ...IinSchema, description: 'The applicant represented.' },
        powerOfAttorney: PowerOfAttorneySchema,
      },
      'A representative of the applicant complains on a power of attorney.',
    ),
  ],
  { description: 'Who lodges the complaint: the applicant or a representative.' },
);

export const LodgeComplaintSchema = obj(
  {
    complaintId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Complaint id; assigned by the API when absent (stream `complaint-<id>`).',
      }),
    ),
    caseId: Type.String({ format: 'uuid', description: 'The case the complaint is about.' }),
    service: ComplaintServiceSchema,
    providerId: NonEmptyText('The provider whose decision, action or inaction is appealed (Rules §14).', 100),
    addressee: AddresseeSchema,
    complainant: ComplainantSchema,
    subject: ComplaintSubjectSchema,
    grounds: NonEmptyText('The complaint’s text: why the decision, action or inaction is wrong.', 10000),
  },
  'Lodge a complaint about a decision, action or inaction of the provider (Rules §13, §14).',
);

export const RegisterComplaintSchema = obj(
  { registrationNumber: NonEmptyText('Registration number of the complaint.', 100) },
  'Register the complaint: the review term runs from the registration date (Rules §13).',
);

export const SatisfactionMeasureSchema = obj(
  {
    kind: Type.Union([Type.Literal('decision'), Type.Literal('administrative-action')]),
    description: NonEmptyText('The decision or other administrative action that fully satisfies the complaint.', 2000),
    reference: Type.Optional(NonEmptyText('Its number or reference.', 200)),
  },
  'Rules §14: a decision or other administrative action that fully satisfies the complaint.',
);

export const SatisfyComplaintSchema = obj(
  {
    measure: SatisfactionMeasureSchema,
    signature: Type.Optional({ ...SignatureDataSchema, description: 'EDS of the provider’s head over the decision.' }),
  },
  'The provider fully satisfies the complaint within 3 working days of receipt, and then need not forward it (Rules §14).',
);

export const ReviewBodySchema = obj(
  {
    id: NonEmptyText('Identifier of the complaint-review body.', 100),
    name: NonEmptyText('Name of the complaint-review body.', 300),
  },
  'The authorised body that reviews the complaint (Rules §14).',
);

export const ForwardComplaintSchema = obj(
  {
    reviewBody: ReviewBodySchema,
    caseFileReference: NonEmptyText(
      'Reference of the administrative case file sent with the complaint (e.g. the `/cases/{id}/file` chain head).',
      300,
    ),
  },
  'Send the complaint with the administrative case file to the complaint-review body, no later than 3 working days after receipt (Rules §14).',
);

export const COMPLAINT_OUTCOMES = ['upheld', 'partly-upheld', 'rejected'] as const;
export const ComplaintOutcomeSchema = Type.Union(
  COMPLAINT_OUTCOMES.map((s) => Type.Literal(s)),
  { description: 'The decision on the complaint.' },
);

export const DecideComplaintSchema = obj(
  {
    outcome: ComplaintOutcomeSchema,
    reasons: NonEmptyText('The reasons of the decision.', 10000),
    measures: Type.Optional(NonEmptyText('Measures ordered (for an upheld or partly upheld complaint).', 5000)),
    signature: Type.Optional({ ...SignatureDataSchema, description: 'EDS of the official who decided.' }),
  },
  'Decide the complaint: within 5 working days of registration at the provider, 15 at the quality authority (Rules §13).',
);

export const WithdrawComplaintSchema = obj(
  { reason: Type.Optional(NonEmptyText('Reason given by the complainant.', 2000)) },
  'The complainant withdraws the complaint before it is decided.',
);

export const RecordComplaintDeadlineMissedSchema = obj(
  { deadlineId: NonEmptyText('The overdue deadline.', 100) },
  'Internal (deadline watcher): record that a deadline was missed; idempotent.',
);

export const complaintCommandSchemas = {
  LodgeComplaint: LodgeComplaintSchema,
  RegisterComplaint: RegisterComplaintSchema,
  SatisfyComplaint: SatisfyComplaintSchema,
  ForwardComplaint: ForwardComplaintSchema,
  DecideComplaint: DecideComplaintSchema,
  WithdrawComplaint: WithdrawComplaintSchema,
  RecordDeadlineMissed: RecordComplaintDeadlineMissedSchema,
} satisfies Record<string, TSchema>;

export type ComplaintCommandName = keyof typeof complaintCommandSchemas;
/** Commands the public API accepts (RecordDeadlineMissed is internal, sent by the deadline watcher). */
export const PUBLIC_COMPLAINT_COMMANDS = (Object.keys(complaintCommandSchemas) as ComplaintCommandName[]).filter(
  (n) => n !== 'RecordDeadlineMissed',
);

type Schemas = typeof complaintCommandSchemas;
export type ComplaintCommandData<N extends ComplaintCommandName> = Static<Schemas[N]>;
export type ComplaintCommand = {
  [N in ComplaintCommandName]: { type: N; data: Static<Schemas[N]> };
}[ComplaintCommandName];
export type Addressee = Static<typeof AddresseeSchema>;
export type ComplaintService = Static<typeof ComplaintServiceSchema>;
export type Complainant = Static<typeof ComplainantSchema>;
export type ComplaintSubject = Static<typeof ComplaintSubjectSchema>;
export type ComplaintOutcome = Static<typeof ComplaintOutcomeSchema>;
export type SatisfactionMeasure = Static<typeof SatisfactionMeasureSchema>;
export type ReviewBody = Static<typeof ReviewBodySchema>;
