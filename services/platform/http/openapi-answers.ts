/**
 * The read side's answers in `/openapi.json`: the shapes every service shares (contracts/read-models.ts), each
 * module's case view, list and timeline (`ServiceModule.answers`), and the 201 of a create. TypeBox references by
 * `$id` (`Type.Ref(CaseDeadlineSchema)` → `{ $ref: "CaseDeadline" }`) become component references.
 */
import type { TSchema } from '@sinclair/typebox';
import { READ_MODEL_SCHEMAS } from '../../../contracts/read-models';
import type { ServiceModule } from '../service-module';
import { jsonSchema, ref, type Schemas } from './openapi-kit';

/** A TypeBox schema as a component: its `$id` dropped, its references by `$id` pointed at the components. */
export function componentOf(schema: TSchema): unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$id') continue;
      out[k] = k === '$ref' && typeof v === 'string' && !v.startsWith('#') ? ref(v).$ref : walk(v);
    }
    return out;
  };
  return walk(jsonSchema(schema));
}

const sharedSchemas: Schemas = Object.fromEntries(READ_MODEL_SCHEMAS.map((s) => [s.$id!, componentOf(s)]));

export const answerSchemas: Schemas = {
  ...sharedSchemas,
  CaseCreated: {
    type: 'object',
    description: 'The 201 of a create: the same members for every service (privatization adds its receipt).',
    required: ['caseId', 'streamName', 'revision', 'position', 'replayed', 'registrationDate', 'dueDates', 'events'],
    properties: {
      caseId: { type: 'string', format: 'uuid', description: 'The new case (or complaint) id' },
      streamName: { type: 'string' },
      revision: { type: 'integer' },
      position: { type: 'integer' },
      replayed: { type: 'boolean' },
      registrationDate: {
        anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }],
        description: 'Rules §5 registration date; null when the create does not register (a complaint)',
      },
      dueDates: { type: 'array', items: ref('CaseDeadline'), description: 'The deadlines the create set' },
      receipt: { type: 'object', description: 'State Corporation receipt (Rules §6); privatization only' },
      requestAccepted: {
        type: 'object',
        description: 'Portal status "request accepted" (Rules §7); privatization only',
      },
      events: { type: 'array', items: ref('Event') },
    },
    additionalProperties: true,
  },
  CaseList: listOf('CaseView'),
};

function listOf(item: string) {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: ref(item) },
      nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page' },
    },
  };
}

/** A module's view, list and timeline components (added to `schemas`) and the references its routes answer with. */
export function moduleAnswers(m: ServiceModule, prefix: string, schemas: Schemas) {
  if (!m.answers) return { view: ref('CaseView'), list: ref('CaseList'), timeline: ref('Timeline') };
  schemas[`${prefix}.CaseView`] = componentOf(m.answers.caseView);
  schemas[`${prefix}.CaseList`] = listOf(`${prefix}.CaseView`);
  schemas[`${prefix}.Timeline`] = componentOf(m.answers.timeline);
  return { view: ref(`${prefix}.CaseView`), list: ref(`${prefix}.CaseList`), timeline: ref(`${prefix}.Timeline`) };
}
