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

/** Fields every service's case view (and every item of its list) carries, with the same meaning. */
export const CaseViewCommonSchema = Type.Object({
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
});

/** The instant fields of a timeline step, shared by every service. */
export const StepTimesSchema = { occurredAt: InstantSchema, recordedAt: InstantSchema };
