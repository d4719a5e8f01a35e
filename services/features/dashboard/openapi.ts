/** The OpenAPI description of GET /v1/dashboard (./route.ts): every served route is described (openapi.test.ts). */
import {
  authErrors,
  bearer,
  DATE,
  INSTANT,
  minPosition,
  ok,
  openObject,
  problem,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from '../../platform/http/openapi-kit';

const count = (key: string) => ({
  type: 'array',
  items: { type: 'object', properties: { [key]: { type: 'string' }, count: { type: 'integer' } } },
});

export const dashboardSchemas: Schemas = {
  Dashboard: openObject(
    {
      generatedAt: INSTANT,
      position: { type: 'integer', description: 'The log position the numbers include (resume a live feed after it)' },
      service: { type: 'string' },
      providerId: { type: ['string', 'null'] },
      period: { type: 'object', properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] } } },
      today: DATE,
      providers: { type: 'array', items: { type: 'string' } },
      totals: openObject({
        cases: { type: 'integer' },
        open: { type: 'integer' },
        closed: { type: 'integer' },
        overdue: { type: 'integer' },
        hearingsHeld: { type: 'integer' },
        approaching: { type: 'integer' },
      }),
      onTimeRate: { type: ['number', 'null'] },
      onTime: { type: 'object', properties: { met: { type: 'integer' }, missed: { type: 'integer' } } },
      byStage: count('stage'),
      byStatus: count('status'),
      byChannel: count('channel'),
      refusalsByGround: count('ground'),
      complaintsByOutcome: count('outcome'),
      overdue: { type: 'array', items: { type: 'object' } },
      approaching: { type: 'array', items: { type: 'object' } },
    },
    'Numbers of one service (provider staff: their own provider only).',
  ),
};

/** `services`: the dashboard's services, in registry order. */
export function dashboardPaths(services: readonly string[]): Paths {
  return {
    '/v1/dashboard': {
      get: {
        tags: ['Monitoring'],
        operationId: 'dashboard',
        summary: 'Dashboard numbers for monitoring, auditors, investigators, the quality authority and provider staff',
        security: bearer,
        parameters: [
          queryParam('service', { type: 'string', enum: [...services] }),
          queryParam('providerId', { type: 'string', maxLength: 100 }, 'Ignored for provider staff (their own)'),
          queryParam('from', DATE, 'Registered on or after'),
          queryParam('to', DATE, 'Registered on or before'),
          minPosition,
        ],
        responses: {
          '200': ok('The numbers', ref('Dashboard')),
          '400': problem('Invalid query parameters'),
          ...authErrors,
          '403': problem('Not a role of the dashboard, or provider staff without a provider'),
        },
      },
    },
  };
}
