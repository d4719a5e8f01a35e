/**
 * What the complaints read side answers (projections/complaints): a complaint's view and list items, and its
 * timeline — the members every service has (../read-models.ts) and its own. Published in /openapi.json.
 */
import { Type } from '@sinclair/typebox';
import { InstantSchema, LocalDateSchema } from '../common';
import {
  CaseViewCommonSchema,
  ComplaintTimelineEntrySchema,
  DeprecatedDeadlineSchema,
  TimelineCommonSchema,
  deprecated,
  nullable,
} from '../read-models';

const open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const ComplaintViewSchema = Type.Intersect(
  [
    Type.Ref(CaseViewCommonSchema),
    Type.Object({
      complaintId: Type.String({ format: 'uuid', description: 'The complaint’s own id.' }),
      service: Type.String({ description: 'The service of the case complained about.' }),
      addressee: Type.String(),
      complainant: open('Who complains: the applicant in person or a representative.'),
      subject: open('What the complaint is about.'),
      grounds: Type.String(),
      receivedAt: InstantSchema,
      receivedOn: LocalDateSchema,
      registeredOn: deprecated(nullable(LocalDateSchema), '`registrationDate`'),
      registrationNumber: nullable(Type.String()),
      outcome: nullable(Type.String()),
      reasons: nullable(Type.String()),
      reviewBody: nullable(open('The complaint-review body it was forwarded to (Rules §14).')),
      closedOn: nullable(LocalDateSchema),
      deadlines: deprecated(Type.Record(Type.String(), DeprecatedDeadlineSchema), '`dueDates`'),
      timeline: Type.Array(Type.Ref(ComplaintTimelineEntrySchema), { description: 'The complaint’s steps.' }),
    }),
  ],
  { description: 'A complaint (Rules §13–§14).' },
);

export const ComplaintTimelineSchema = Type.Intersect([
  Type.Ref(TimelineCommonSchema),
  Type.Object({ entries: Type.Array(Type.Ref(ComplaintTimelineEntrySchema)) }),
]);
