/**
 * What the privatization read side answers (projections/privatization): its case view and list items, and its
 * timeline — the members every service has (../read-models.ts) and its own. Published in /openapi.json.
 */
import { Type } from '@sinclair/typebox';
import { InstantSchema, LocalDateSchema } from '../common';
import {
  CaseViewCommonSchema,
  ComplaintTimelineEntrySchema,
  DeprecatedDeadlineSchema,
  StepDeadlineSchema,
  StepSourceSchema,
  TimelineCommonSchema,
  deprecated,
  nullable,
} from '../read-models';

const objectOrNull = (description: string) => nullable(Type.Object({}, { additionalProperties: true }), description);

export const PrivatizationCaseViewSchema = Type.Intersect(
  [
    Type.Ref(CaseViewCommonSchema),
    Type.Object({
      stageNumber: nullable(Type.Integer(), 'Stage number of the Rules (§9: 1..4); null when closed.'),
      stageName: Type.String({ description: '`application`, `commission`, `transfer`, `contract` or `closed`.' }),
      track: nullable(Type.String()),
      form: nullable(Type.String()),
      channel: nullable(Type.String()),
      submittedAt: nullable(InstantSchema),
      submittedOn: nullable(LocalDateSchema, 'Local date of submission: the list’s submittedFrom/submittedTo.'),
      applicantIin: nullable(Type.String()),
      details: Type.Object(
        {
          receiptNumber: nullable(Type.String(), 'The State Corporation’s receipt (Rules §6).'),
          decision: objectOrNull('`{ decisionNumber, adoptedOn, afterHearing }`'),
          preliminaryRefusal: objectOrNull('`{ issuedOn, grounds }` (Rules §10)'),
          hearing: objectOrNull('`{ noticeSentOn, hearingOn, heldOn? }` (Rules §10)'),
          refusal: objectOrNull('`{ refusedOn, grounds }`'),
          transferCompletedOn: nullable(LocalDateSchema),
          contract: objectOrNull('`{ contractNumber, signedOn, contractForm }`'),
          withdrawnOn: nullable(LocalDateSchema),
          resultIssuedOn: nullable(LocalDateSchema),
        },
        { description: 'The decision, hearing, contract and other facts of the case.' },
      ),
      deadlines: deprecated(Type.Array(DeprecatedDeadlineSchema), '`dueDates`'),
      createdAt: InstantSchema,
      updatedAt: InstantSchema,
    }),
  ],
  { description: 'A privatization case (Rules §4–§10).' },
);

const PrivatizationStepSchema = Type.Object({
  revision: Type.Integer(),
  position: Type.Integer(),
  type: Type.String(),
  occurredAt: InstantSchema,
  recordedAt: InstantSchema,
  actor: Type.Object({
    roles: Type.Array(Type.String()),
    id: Type.String({ description: 'The actor, masked.' }),
    providerId: Type.Optional(Type.String()),
  }),
  summary: Type.String(),
  rule: nullable(Type.String()),
  regulationVersion: Type.String(),
  signatures: Type.Optional(
    Type.Array(
      Type.Object({
        signer: Type.String({ description: 'Initials only.' }),
        certificateSerial: Type.String(),
        signedAt: InstantSchema,
        algorithm: Type.String(),
      }),
    ),
  ),
  deadline: Type.Optional(
    Type.Object({
      ...StepDeadlineSchema.properties,
      met: deprecated(nullable(Type.Boolean()), '`state`'),
      late: deprecated(Type.Optional(Type.Boolean()), '`state`'),
    }),
  ),
  source: StepSourceSchema,
});

export const PrivatizationTimelineSchema = Type.Intersect([
  Type.Ref(TimelineCommonSchema),
  Type.Object({
    streamName: Type.String(),
    steps: Type.Array(Type.Union([PrivatizationStepSchema, Type.Ref(ComplaintTimelineEntrySchema)]), {
      description: 'The case’s steps and its complaints’, in log order.',
    }),
    deadlines: deprecated(
      Type.Array(
        Type.Composite([
          DeprecatedDeadlineSchema,
          Type.Object({
            id: Type.String(),
            streamName: Type.String(),
            service: Type.String(),
            caseId: Type.String(),
            lastPosition: Type.Integer(),
            met: nullable(Type.Boolean()),
          }),
        ]),
      ),
      '`dueDates`',
    ),
  }),
]);
