/**
 * The answers of the read side that mean the same thing in every service, in one shape (docs/HTTP-CONTRACT.md
 * "Queries"): a case's deadlines (case views, timelines, the 201 of a create), the deadline a timeline step touched,
 * and the fields every case view carries. Published in /openapi.json; projections/shared/case-deadline.ts folds the
 * deadline events into exactly `CaseDeadline`.
 *
 * Extend, never rename: a field that a common one replaces stays, marked with `deprecated()` and listed in
 * docs/HTTP-CONTRACT.md "Deprecated fields".
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { DeadlineSchema } from './deadlines';
import { InstantSchema, LocalDateSchema } from './common';

/** A field kept for compatibility: still answered, with the field to read instead. */
export const deprecated = <T extends TSchema>(schema: T, useInstead: string): T => ({
  ...schema,
  deprecated: true,
  description: `Deprecated: read ${useInstead} instead (docs/HTTP-CONTRACT.md "Deprecated fields").${schema.description ? ` ${schema.description}` : ''}`,
});

export const nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});

export const DeadlineStateSchema = Type.Union(
  [Type.Literal('open'), Type.Literal('met'), Type.Literal('missed'), Type.Literal('cancelled')],
  {
    description:
      '`met`: taken on or before the due date; `missed`: taken after it, or the breach was recorded; `open`: not taken yet; `cancelled`: no longer applies (docs/HTTP-CONTRACT.md "Deadline conventions").',
  },
);

const { deadlineId, termId, rule, description, unit, days, triggeredOn, dueOn, provisional, regulationVersion } =
  DeadlineSchema.properties;

/** A legal deadline of a case as every answer gives it: the term as it was set, and where it stands now. */
export const CaseDeadlineSchema = Type.Object(
  {
    deadlineId,
    termId,
    description,
    rule,
    unit,
    days,
    regulationVersion,
    provisional,
    triggeredOn,
    dueOn,
    state: DeadlineStateSchema,
    satisfiedOn: nullable(LocalDateSchema, 'The step was taken on this date (late when after dueOn); null: not taken.'),
    missedOn: nullable(LocalDateSchema, 'The breach was recorded, with the first overdue date; null: not recorded.'),
    cancelledReason: nullable(Type.String(), 'Why the step no longer applies; null: not cancelled.'),
  },
  {
    $id: 'CaseDeadline',
    additionalProperties: false,
    description: 'A legal deadline of the case: every member always present (null when it does not apply).',
  },
);

/** The deadline a timeline step is about, as that one step records it. */
export const StepDeadlineSchema = Type.Object(
  {
    deadlineId,
    state: {
      ...DeadlineStateSchema,
      description:
        'What this step records (a late step: `missed`); the deadline as it stands is in the answer’s `dueDates`.',
    },
    dueOn: Type.Optional(LocalDateSchema),
    onDate: Type.Optional({
      ...LocalDateSchema,
      description: 'The step was taken (DeadlineSatisfied) or the breach recorded (DeadlineMissed) on this date.',
    }),
  },
  {
    $id: 'StepDeadline',
    additionalProperties: false,
    description: 'The deadline this step set, met, missed or cancelled.',
  },
);

/** What a case view shows of each complaint about the case (the complaint's own view has the rest). */
export const CaseComplaintSummarySchema = Type.Object(
  {
    complaintId: Type.String({ format: 'uuid' }),
    href: Type.String({ description: 'The complaint’s view: `/v1/complaints/{complaintId}`.' }),
    status: Type.String(),
    addressee: Type.String(),
    receivedOn: LocalDateSchema,
    registrationDate: nullable(LocalDateSchema, 'Registration date (Rules §13); null until registered.'),
    registeredOn: deprecated(nullable(LocalDateSchema), '`registrationDate`'),
    outcome: nullable(Type.String()),
    openDueOn: nullable(LocalDateSchema),
    anyMissed: Type.Boolean(),
    dueDates: Type.Array(Type.Ref(CaseDeadlineSchema)),
    deadlines: deprecated(
      Type.Array(Type.Object({ deadlineId, rule, dueOn, state: DeadlineStateSchema })),
      '`dueDates`',
    ),
  },
  { $id: 'CaseComplaintSummary', description: 'A complaint about the case (Rules §13).' },
);

/** Fields every service's case view (and every item of its list) carries, with the same meaning. */
export const CaseViewCommonSchema = Type.Object(
  {
    streamName: Type.String({ description: 'The case’s stream (`GET /v1/audit/streams/{streamName}/verify`).' }),
    providerId: nullable(Type.String(), 'The provider (akimat) the case is with.'),
    status: Type.String(),
    stage: nullable(Type.String(), 'The stage code, the same as the monitoring feed’s.'),
    registrationDate: nullable(
      LocalDateSchema,
      'Registration date (Rules §5; for a complaint, Rules §13): null until the case is registered.',
    ),
    regulationVersion: Type.String({ description: 'The regulation version the case pinned at registration.' }),
    partyIins: Type.Array(Type.String(), { description: 'The IINs of the parties who may see the case.' }),
    dueDates: Type.Array(Type.Ref(CaseDeadlineSchema), { description: 'Every legal deadline, by due date.' }),
    openDueOn: nullable(LocalDateSchema, 'The earliest due date still owed (open, or missed and not taken).'),
    anyMissed: Type.Boolean({ description: 'Some deadline of the case was missed.' }),
    overdue: Type.Boolean({ description: 'openDueOn is before asOfDate (computed when read).' }),
    asOfDate: { ...LocalDateSchema, description: 'Today in Asia/Almaty, when the answer was made.' },
    revision: Type.Integer({ description: 'The stream revision (ETag).' }),
    position: Type.Optional(Type.Integer({ description: 'Global log position of the case’s last event (view only).' })),
    lastPosition: Type.Integer({ description: 'Global log position of the last event the read model applied.' }),
    id: Type.String({ description: 'The document id: the case’s (for a complaint, the complaint’s) own id.' }),
    caseId: Type.String({ format: 'uuid', description: 'The case (a complaint’s view: the case complained about).' }),
    complaints: Type.Optional(
      Type.Array(Type.Ref(CaseComplaintSummarySchema), {
        description: 'Complaints about the case (Rules §13): views of privatization and housing assistance cases.',
      }),
    ),
  },
  { $id: 'CaseView', description: 'What every service’s case view has; each service’s view adds its own members.' },
);

/** The older shape of a deadline, each service with some of the optional members. */
export const DeprecatedDeadlineSchema = deprecated(
  Type.Object({
    deadlineId,
    termId,
    rule,
    description,
    unit: Type.Optional(unit),
    days: Type.Optional(days),
    triggeredOn,
    dueOn,
    provisional: Type.Optional(provisional),
    regulationVersion: Type.Optional(regulationVersion),
    state: DeadlineStateSchema,
    satisfiedOn: Type.Optional(LocalDateSchema),
    missedOn: Type.Optional(LocalDateSchema),
    late: Type.Optional(Type.Boolean()),
    cancelledReason: Type.Optional(Type.String()),
  }),
  'the `CaseDeadline` entries of `dueDates`',
);

/** Where a step of a case's timeline comes from: the case, or a complaint about it (merged in log order). */
export const StepSourceSchema = Type.Optional(Type.Union([Type.Literal('case'), Type.Literal('complaint')]));

/** The members of a timeline entry (a step of the case's own log) that every service's entries have. */
export const timelineEntryMembers = () => ({
  position: Type.Integer(),
  revision: Type.Integer(),
  eventId: Type.String({ format: 'uuid' }),
  type: Type.String(),
  occurredAt: InstantSchema,
  recordedAt: InstantSchema,
  actor: Type.Object({ sub: Type.String(), roles: Type.Array(Type.String()) }),
  summary: Type.String(),
  rule: Type.Optional(Type.String()),
  deadline: Type.Optional(Type.Ref(StepDeadlineSchema)),
  source: StepSourceSchema,
});

/** A complaint's step: in the complaint's own timeline, and merged into the timeline of the case it is about. */
export const ComplaintTimelineEntrySchema = Type.Object(
  { ...timelineEntryMembers(), complaintId: Type.String({ format: 'uuid' }) },
  { $id: 'ComplaintTimelineEntry' },
);

/** What every service's timeline has; each service's adds its steps. */
export const TimelineCommonSchema = Type.Object(
  {
    caseId: Type.String({ format: 'uuid' }),
    dueDates: Type.Array(Type.Ref(CaseDeadlineSchema), {
      description: 'The case’s deadlines, as its view gives them.',
    }),
    asOfDate: LocalDateSchema,
    // Added by the investigation feature (services/features/investigation/openapi.ts).
    complianceReport: Type.Optional(Type.Ref('TimelineComplianceReport')),
  },
  { $id: 'Timeline', description: 'Every step: when, who, what, which rule, signatures, deadlines.' },
);

/** The shared answer schemas, published in /openapi.json under their `$id`. */
export const READ_MODEL_SCHEMAS = [
  CaseDeadlineSchema,
  StepDeadlineSchema,
  CaseComplaintSummarySchema,
  CaseViewCommonSchema,
  ComplaintTimelineEntrySchema,
  TimelineCommonSchema,
] as const;
