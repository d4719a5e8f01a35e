/**
 * What the housing assistance read side answers (projections/housing-assistance): its case view and list items, and
 * its timeline — the members every service has (../read-models.ts) and its own. Published in /openapi.json.
 */
import { Type } from '@sinclair/typebox';
import { InstantSchema, LocalDateSchema } from '../common';
import {
  CaseViewCommonSchema,
  ComplaintTimelineEntrySchema,
  DeprecatedDeadlineSchema,
  TimelineCommonSchema,
  deprecated,
  timelineEntryMembers,
  nullable,
} from '../read-models';

const open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const HousingAssistanceTimelineEntrySchema = Type.Object(timelineEntryMembers());

export const HousingAssistanceCaseViewSchema = Type.Intersect(
  [
    Type.Ref(CaseViewCommonSchema),
    Type.Object({
      service: Type.Literal('housing-assistance'),
      regionCode: Type.String(),
      channel: Type.String(),
      receivedAt: { ...InstantSchema, description: 'When the application was received.' },
      registeredOn: deprecated(LocalDateSchema, '`registrationDate`'),
      applicantIin: Type.String(),
      memberIins: deprecated(Type.Array(Type.String()), '`partyIins`'),
      family: Type.Array(
        Type.Object({
          iin: Type.String(),
          fullName: Type.String(),
          kinship: Type.String(),
          birthDate: LocalDateSchema,
          consented: Type.Boolean(),
        }),
      ),
      dwelling: open('The dwelling as applied for.'),
      monthlyExpenses: Type.Array(open('A monthly expense as applied for.')),
      acceptedOn: nullable(LocalDateSchema, 'The complete set of documents was accepted (HA Rules §13).'),
      gatewayDataReceivedOn: nullable(LocalDateSchema),
      decision: nullable(
        Type.Object({
          outcome: Type.Union([Type.Literal('assigned'), Type.Literal('refused')]),
          decidedOn: LocalDateSchema,
          decisionNumber: nullable(Type.String()),
          late: Type.Boolean(),
          amountTiyn: nullable(Type.Integer(), 'The monthly amount, in tiyn.'),
          calculation: nullable(open('How the amount was calculated.')),
          parameters: nullable(open('The regional parameters the calculation used.')),
          reasons: nullable(Type.Array(Type.Object({ ground: Type.String(), explanation: Type.String() }))),
        }),
      ),
      result: nullable(Type.Object({ issuedOn: LocalDateSchema, outcome: Type.String(), deliveredVia: Type.String() })),
      withdrawnOn: nullable(LocalDateSchema),
      deadlines: deprecated(Type.Record(Type.String(), DeprecatedDeadlineSchema), '`dueDates`'),
      timeline: Type.Array(HousingAssistanceTimelineEntrySchema, { description: 'The case’s steps.' }),
    }),
  ],
  { description: 'A housing assistance case (HA Rules, order No. 115).' },
);

export const HousingAssistanceTimelineSchema = Type.Intersect([
  Type.Ref(TimelineCommonSchema),
  Type.Object({
    entries: Type.Array(Type.Union([HousingAssistanceTimelineEntrySchema, Type.Ref(ComplaintTimelineEntrySchema)]), {
      description: 'The case’s steps and its complaints’, in log order.',
    }),
  }),
]);
