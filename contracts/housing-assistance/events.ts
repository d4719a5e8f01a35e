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
  RefuseHousingAssistance,
  SubmitHousingAssistanceApplication,
} from './commands';
import { deadlineEventSchemas } from '../deadlines';
import { PinnedParameters } from './parameters';
import { InstantSchema, LocalDateSchema, RuleSchema } from './primitives';

const closed = { additionalProperties: false } as const;
const Rule = RuleSchema;

export const HousingAssistanceApplicationSubmitted = Type.Object(
  {
    ...SubmitHousingAssistanceApplication.properties,
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

export const HousingAssistanceGatewayDataRecorded = Type.Object(
  { ...RecordGatewayData.properties, receivedOn: LocalDateSchema, rule: Rule },
  closed,
);

export const HousingAssistanceAssigned = Type.Object(
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

export const HousingAssistanceRefused = Type.Object(
  { ...RefuseHousingAssistance.properties, decidedOn: LocalDateSchema, late: Type.Boolean(), rule: Rule },
  closed,
);

export const HousingAssistanceResultIssued = Type.Object(
  {
    ...IssueResult.properties,
    issuedOn: LocalDateSchema,
    outcome: Type.Union([Type.Literal('assigned'), Type.Literal('refused')]),
    rule: Rule,
  },
  closed,
);

export const HousingAssistanceApplicationWithdrawn = Type.Object(
  { reason: Type.Optional(Type.String()), withdrawnOn: LocalDateSchema, rule: Rule },
  closed,
);

export const housingAssistanceEventSchemas = {
  HousingAssistanceApplicationSubmitted,
  CompleteDocumentsAccepted,
  HousingAssistanceGatewayDataRecorded,
  HousingAssistanceAssigned,
  HousingAssistanceRefused,
  HousingAssistanceResultIssued,
  HousingAssistanceApplicationWithdrawn,
  ...deadlineEventSchemas,
} as const;

export type HousingAssistanceEventName = keyof typeof housingAssistanceEventSchemas;

export type ApplicationSubmittedData = Static<typeof HousingAssistanceApplicationSubmitted>;
export type CompleteDocumentsAcceptedData = Static<typeof CompleteDocumentsAccepted>;
export type GatewayDataRecordedData = Static<typeof HousingAssistanceGatewayDataRecorded>;
export type AssignedData = Static<typeof HousingAssistanceAssigned>;
export type RefusedData = Static<typeof HousingAssistanceRefused>;
export type ResultIssuedData = Static<typeof HousingAssistanceResultIssued>;
export type WithdrawnData = Static<typeof HousingAssistanceApplicationWithdrawn>;
