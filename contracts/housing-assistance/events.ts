/**
 * Events of the housing assistance service: past-tense facts, each with the rule it rests on. The shared deadline
 * facts (DeadlineSet/Satisfied/Missed/Cancelled, domain/shared/deadlines.ts) are part of this stream too.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AmountCalculation } from './calculation';
import {
  AcceptCompleteDocuments,
  IssueResult,
  RecordGatewayData,
  RefuseAssistance,
  SubmitApplication,
} from './commands';
import { deadlineEventSchemas } from '../deadlines';
import { PinnedParameters } from './parameters';
import { InstantSchema, LocalDateSchema, RuleSchema } from './primitives';

const closed = { additionalProperties: false } as const;
const Rule = RuleSchema;

export const ApplicationSubmitted = Type.Object(
  {
    ...SubmitApplication.properties,
    receivedAt: InstantSchema,
    registeredOn: LocalDateSchema,
    /** The regulation version in force on the registration date, pinned for the life of the case. */
    regulationVersion: Type.String({ minLength: 1 }),
    rule: Rule,
  },
  closed,
);

export const CompleteDocumentsAccepted = Type.Object(
  { ...AcceptCompleteDocuments.properties, acceptedOn: LocalDateSchema, rule: Rule },
  closed,
);

export const GatewayDataRecorded = Type.Object(
  { ...RecordGatewayData.properties, receivedOn: LocalDateSchema, rule: Rule },
  closed,
);

export const AssistanceAssigned = Type.Object(
  {
    decidedOn: LocalDateSchema,
    decisionNumber: Type.Optional(Type.String()),
    amountTiyn: Type.Integer({ minimum: 1 }),
    calculation: AmountCalculation,
    parameters: PinnedParameters,
    /** True when decided after the HA Rules §13 due date (the breach is recorded as DeadlineMissed). */
    late: Type.Boolean(),
    rule: Rule,
  },
  closed,
);

export const AssistanceRefused = Type.Object(
  { ...RefuseAssistance.properties, decidedOn: LocalDateSchema, late: Type.Boolean(), rule: Rule },
  closed,
);

export const ResultIssued = Type.Object(
  {
    ...IssueResult.properties,
    issuedOn: LocalDateSchema,
    outcome: Type.Union([Type.Literal('assigned'), Type.Literal('refused')]),
    rule: Rule,
  },
  closed,
);

export const ApplicationWithdrawn = Type.Object(
  { reason: Type.Optional(Type.String()), withdrawnOn: LocalDateSchema, rule: Rule },
  closed,
);

export const housingAssistanceEventSchemas = {
  ApplicationSubmitted,
  CompleteDocumentsAccepted,
  GatewayDataRecorded,
  AssistanceAssigned,
  AssistanceRefused,
  ResultIssued,
  ApplicationWithdrawn,
  ...deadlineEventSchemas,
} as const;

export type HousingAssistanceEventName = keyof typeof housingAssistanceEventSchemas;

export type ApplicationSubmittedData = Static<typeof ApplicationSubmitted>;
export type CompleteDocumentsAcceptedData = Static<typeof CompleteDocumentsAccepted>;
export type GatewayDataRecordedData = Static<typeof GatewayDataRecorded>;
export type AssignedData = Static<typeof AssistanceAssigned>;
export type RefusedData = Static<typeof AssistanceRefused>;
export type ResultIssuedData = Static<typeof ResultIssued>;
export type WithdrawnData = Static<typeof ApplicationWithdrawn>;
