/**
 * Events of the complaint process (Rules §13–§14): past-tense facts, each with the rule it rests on. The shared
 * deadline facts (DeadlineSet/Satisfied/Missed/Cancelled, domain/shared/deadlines.ts) are part of the stream too.
 */
import { Type, type Static } from '@sinclair/typebox';
import { InstantSchema, LocalDateSchema, NonEmptyText, RuleSchema, SignatureDataSchema } from '../common';
import { deadlineEventSchemas } from '../deadlines';
import {
  DecideComplaintSchema,
  ForwardComplaintSchema,
  LodgeComplaintSchema,
  RegisterComplaintSchema,
  SatisfyComplaintSchema,
  WithdrawComplaintSchema,
} from './commands';

const closed = (description: string) => ({ additionalProperties: false, description }) as const;
const Late = Type.Boolean({
  description: 'True when the step was taken after its due date (the breach is a DeadlineMissed).',
});

const { complaintId: _assigned, ...lodged } = LodgeComplaintSchema.properties;

export const ComplaintLodgedSchema = Type.Object(
  {
    ...lodged,
    complaintId: Type.String({ format: 'uuid' }),
    receivedAt: { ...InstantSchema, description: 'When the complaint was received.' },
    receivedOn: { ...LocalDateSchema, description: 'Local date of receipt: the §14 forward term runs from it.' },
    regulationVersion: NonEmptyText('The regulation version in force on the date of receipt, pinned.', 100),
    rule: RuleSchema,
  },
  closed('A complaint was lodged (Rules §13, §14).'),
);

export const ComplaintRegisteredSchema = Type.Object(
  {
    ...RegisterComplaintSchema.properties,
    registeredOn: { ...LocalDateSchema, description: 'Registration date: the §13 review term runs from it.' },
    registeredBy: Type.Union([Type.Literal('provider'), Type.Literal('quality-authority')]),
    rule: RuleSchema,
  },
  closed('The complaint was registered (Rules §13).'),
);

export const ComplaintSatisfiedSchema = Type.Object(
  {
    ...SatisfyComplaintSchema.properties,
    signature: Type.Optional(SignatureDataSchema),
    satisfiedOn: LocalDateSchema,
    withinTerm: Type.Boolean({
      description: 'True when within the 3 working days of Rules §14 (then the complaint is not forwarded).',
    }),
    late: Late,
    rule: RuleSchema,
  },
  closed('The provider fully satisfied the complaint (Rules §14).'),
);

export const ComplaintForwardedSchema = Type.Object(
  { ...ForwardComplaintSchema.properties, forwardedOn: LocalDateSchema, late: Late, rule: RuleSchema },
  closed('The complaint was sent with the administrative case file to the complaint-review body (Rules §14).'),
);

export const ComplaintDecidedSchema = Type.Object(
  {
    ...DecideComplaintSchema.properties,
    decidedOn: LocalDateSchema,
    decidedBy: Type.Union([Type.Literal('complaint-review-body'), Type.Literal('quality-authority')]),
    late: Late,
    rule: RuleSchema,
  },
  closed('The complaint was decided: upheld, partly upheld or rejected, with reasons (Rules §13).'),
);

export const ComplaintWithdrawnSchema = Type.Object(
  { ...WithdrawComplaintSchema.properties, withdrawnOn: LocalDateSchema, rule: RuleSchema },
  closed('The complainant withdrew the complaint.'),
);

export const complaintEventSchemas = {
  ComplaintLodged: ComplaintLodgedSchema,
  ComplaintRegistered: ComplaintRegisteredSchema,
  ComplaintSatisfied: ComplaintSatisfiedSchema,
  ComplaintForwarded: ComplaintForwardedSchema,
  ComplaintDecided: ComplaintDecidedSchema,
  ComplaintWithdrawn: ComplaintWithdrawnSchema,
  ...deadlineEventSchemas,
} as const;

export type ComplaintEventName = keyof typeof complaintEventSchemas;
type Schemas = typeof complaintEventSchemas;
export type ComplaintEventData<N extends ComplaintEventName> = Static<Schemas[N]>;
export type ComplaintEvent = { [N in ComplaintEventName]: { type: N; data: Static<Schemas[N]> } }[ComplaintEventName];
