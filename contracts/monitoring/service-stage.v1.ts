/**
 * `kezen.monitoring.service-stage.v1` — what the provider reports on the stage of a service to the state-services
 * monitoring information system (Rules §11; Law on State Services art. 5 para 2 sub-para 11).
 *
 * Published to Kafka (topic of the same name, key = case id, so each case's messages stay in order) and served by
 * `GET /v1/monitoring/feed`. **No personal data**: no IIN, no names, no address — only the case, the provider and
 * the facts of the stage. Versioned: a breaking change is a new `…v2` schema and topic, never an edit of this one.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ChannelSchema, InstantSchema, LocalDateSchema } from '../common';
import { SERVICE_STAGE_V1 } from './schema-name';

export { SERVICE_STAGE_V1 };

/** The service the case belongs to (extend with each new service). */
export const ServiceCodeSchema = Type.Union(
  [Type.Literal('privatization'), Type.Literal('housing-assistance'), Type.Literal('complaint')],
  { description: 'The state service: privatization of dwellings, housing assistance, or a complaint (Rules §13).' },
);

export const StageStatusSchema = Type.Union(
  [Type.Literal('in-progress'), Type.Literal('completed'), Type.Literal('refused'), Type.Literal('withdrawn')],
  {
    description:
      '`in-progress` until the result; `completed`: a positive result issued; `refused`: a (reasoned) refusal; ' +
      '`withdrawn`: the applicant withdrew.',
  },
);

export const ServiceStageMessageSchema = Type.Object(
  {
    schema: Type.Literal(SERVICE_STAGE_V1),
    messageId: Type.String({
      format: 'uuid',
      description: 'The id of the source event: a re-delivered message carries the same id (deduplicate on it).',
    }),
    serviceCode: ServiceCodeSchema,
    caseId: Type.String({ format: 'uuid' }),
    providerId: Type.String({ minLength: 1, description: 'The provider (a state body, not a person).' }),
    channel: Type.Union([ChannelSchema, Type.Null()], { description: 'Intake channel (Rules §4); null if unknown.' }),
    stage: Type.String({
      minLength: 1,
      description: 'The stage reached, e.g. `registration`, `privatization-decision`, `contract-signed` (Rules §9).',
    }),
    status: StageStatusSchema,
    sourceEventType: Type.String({ minLength: 1, description: 'The event that changed the stage.' }),
    occurredAt: { ...InstantSchema, description: 'Business time of the stage change.' },
    registrationDate: Type.Union([LocalDateSchema, Type.Null()], {
      description: 'The registration date of the application (Rules §5).',
    }),
    dueDate: Type.Union([LocalDateSchema, Type.Null()], {
      description:
        'The due date the provider is working to after this stage: the earliest open legal deadline of the case; ' +
        'for a final stage, the due date of the deadline it met. Null when no term runs.',
    }),
    onTime: Type.Boolean({
      description:
        'False when this stage was reached after its due date, or a deadline of the case is missed and still open.',
    }),
    refusalGroundCodes: Type.Array(Type.String({ minLength: 1 }), {
      description: 'Codes of the grounds for refusal (Annex 1 item 9; HA Rules) found so far; empty if none.',
    }),
    regulationVersion: Type.String({ minLength: 1, description: 'The regulation version pinned by the case.' }),
    position: Type.Integer({ minimum: 1, description: 'Global log position of the source event (feed cursor).' }),
  },
  {
    additionalProperties: false,
    $id: SERVICE_STAGE_V1,
    description: 'A stage change of a state-service case (Rules §11).',
  },
);

export type ServiceCode = Static<typeof ServiceCodeSchema>;
export type StageStatus = Static<typeof StageStatusSchema>;
export type ServiceStageMessage = Static<typeof ServiceStageMessageSchema>;
