/** The OpenAPI description of each service's GET {basePath}/{caseId}/state (./route.ts). */
import {
  bearer,
  caseIdParam,
  caseReadErrors,
  INSTANT,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from '../../platform/http/openapi-kit';
import type { ServiceModule } from '../../platform/service-module';

export const timeTravelSchemas: Schemas = {
  TimeTravel: {
    type: 'object',
    required: ['caseId', 'asOf', 'revision', 'position', 'state'],
    properties: {
      caseId: { type: 'string', format: 'uuid' },
      asOf: INSTANT,
      by: {
        type: 'string',
        enum: ['occurredAt', 'recordedAt'],
        description: 'The time axis asOf was read on (absent when asOf was not given: the state now)',
      },
      revision: { type: 'integer' },
      position: { type: 'integer' },
      state: { type: 'object', additionalProperties: true, description: "The decider's state folded up to asOf" },
    },
  },
};

export function timeTravelPaths(m: ServiceModule): Paths {
  const summary = 'Time travel: the state folded up to asOf (default: now)';
  return {
    [`${m.basePath}/{caseId}/state`]: {
      get: {
        tags: [m.title],
        operationId: `${m.service}.stateAsOf`,
        summary,
        security: bearer,
        parameters: [
          caseIdParam(),
          queryParam('asOf', INSTANT, 'An ISO-8601 instant with a time zone'),
          queryParam(
            'by',
            { type: 'string', enum: ['occurredAt', 'recordedAt'], default: 'occurredAt' },
            'The time axis asOf is read on (default occurredAt)',
          ),
        ],
        responses: {
          '200': { description: summary, content: { 'application/json': { schema: ref('TimeTravel') } } },
          ...caseReadErrors,
        },
        description:
          "The case's state folded with the service's own `evolve` from the events that count as of `asOf`. " +
          'By default (`by=occurredAt`) that is BUSINESS time: every event whose `occurredAt` (when the step ' +
          'happened) is at or before `asOf`, in stream order — including steps recorded later (e.g. a paper step ' +
          'entered afterwards). With `by=recordedAt` it is what the system knew at `asOf`: the events recorded by then. ' +
          'Without `asOf`: the state now. 404 `not-yet-existing` when no event counts yet.',
      },
    },
  };
}
