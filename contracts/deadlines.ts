/**
 * Schemas of the shared deadline events (domain/shared/deadlines.ts): every service's decider emits them.
 * "Deadlines are facts, not gates": the law binds the provider, kezen records when a step was due and when it came.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { LocalDateSchema, NonEmptyText, RuleSchema } from './common';

export const DeadlineSchema = Type.Object(
  {
    deadlineId: NonEmptyText('Stable id within the stream, e.g. `decision`, `contract`, `hearing`.', 100),
    termId: NonEmptyText('The regulation term, e.g. `privatization.decision`.', 100),
    rule: RuleSchema,
    description: NonEmptyText('What must happen by the due date.'),
    unit: Type.Union([Type.Literal('working-days'), Type.Literal('calendar-days')]),
    days: Type.Integer({ minimum: 0, description: 'Length of the term.' }),
    triggeredOn: { ...LocalDateSchema, description: 'The triggering date; the term runs from the next day.' },
    dueOn: { ...LocalDateSchema, description: 'The last day of the term (Asia/Almaty).' },
    provisional: Type.Boolean({ description: 'True when the due date falls in a provisional calendar year.' }),
    regulationVersion: NonEmptyText('The regulation version pinned by the case.', 100),
  },
  { additionalProperties: false, description: 'A legal deadline with its rule and due date.' },
);

export const DeadlineSetSchema = Type.Object(
  { deadline: DeadlineSchema },
  { additionalProperties: false, description: 'A deadline started running.' },
);

export const DeadlineSatisfiedSchema = Type.Object(
  {
    deadlineId: NonEmptyText('The deadline.', 100),
    satisfiedOn: LocalDateSchema,
    late: Type.Boolean({ description: 'True when satisfiedOn is after dueOn.' }),
    rule: RuleSchema,
  },
  { additionalProperties: false, description: 'The step the deadline guards was taken (on time or late).' },
);

export const DeadlineMissedSchema = Type.Object(
  {
    deadlineId: NonEmptyText('The deadline.', 100),
    dueOn: LocalDateSchema,
    missedOn: { ...LocalDateSchema, description: 'The first local date on which the step was overdue.' },
    rule: RuleSchema,
    detectedBy: Type.Union([Type.Literal('watcher'), Type.Literal('late-step')], {
      description: '`watcher`: the deadline watcher; `late-step`: recorded with the late step.',
    }),
  },
  { additionalProperties: false, description: 'The deadline was breached (recorded once).' },
);

export const DeadlineCancelledSchema = Type.Object(
  {
    deadlineId: NonEmptyText('The deadline.', 100),
    reason: NonEmptyText('Why the step no longer applies.'),
  },
  { additionalProperties: false, description: 'The step no longer applies (e.g. the application was withdrawn).' },
);

export const deadlineEventSchemas = {
  DeadlineSet: DeadlineSetSchema,
  DeadlineSatisfied: DeadlineSatisfiedSchema,
  DeadlineMissed: DeadlineMissedSchema,
  DeadlineCancelled: DeadlineCancelledSchema,
} satisfies Record<string, TSchema>;
