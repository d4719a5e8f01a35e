/**
 * The OpenAPI description of the routes other features mount on /v1 (services/composition.ts `extraRoutes`): the
 * dashboard (services/features/dashboard/route.ts) and the monitoring feed (services/features/feed/routes.ts). Kept here, beside the
 * rest of the document, so every served route is described (services/platform/http/openapi.test.ts).
 */
import { ServiceStageMessageSchema } from '../../../contracts/monitoring';
import {
  authErrors,
  bearer,
  DATE,
  INSTANT,
  jsonSchema,
  minPosition,
  ok,
  openObject,
  problem,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from './openapi-kit';

const count = (key: string) => ({
  type: 'array',
  items: { type: 'object', properties: { [key]: { type: 'string' }, count: { type: 'integer' } } },
});

export const featureSchemas: Schemas = {
  ServiceStageMessage: jsonSchema(ServiceStageMessageSchema),
  FeedPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: ref('ServiceStageMessage') },
      nextCursor: { type: 'string', description: 'Pass back as `after` (a numeric log position)' },
    },
  },
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

export function featurePaths(): Paths {
  return {
    '/v1/dashboard': {
      get: {
        tags: ['Monitoring'],
        operationId: 'dashboard',
        summary: 'Dashboard numbers for monitoring, auditors, investigators, the quality authority and provider staff',
        security: bearer,
        parameters: [
          queryParam('service', { type: 'string', enum: ['privatization', 'housing-assistance', 'complaints'] }),
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
    '/v1/monitoring/feed': {
      get: {
        tags: ['Monitoring'],
        operationId: 'monitoring.feed',
        summary:
          'Service-stage messages (Rules §11) after a cursor: JSON pages, or a live stream with `Accept: text/event-stream` (`id:` = cursor; `Last-Event-ID` resumes)',
        security: bearer,
        parameters: [
          queryParam('after', { type: 'integer', minimum: 0 }, 'Cursor: messages strictly after this position'),
          queryParam('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
          queryParam('serviceCode', { type: 'string' }),
          { name: 'Last-Event-ID', in: 'header', schema: { type: 'string', pattern: '^\\d+$' } },
        ],
        responses: {
          '200': {
            description: 'A page, or an event stream of `event: service-stage` messages',
            content: {
              'application/json': { schema: ref('FeedPage') },
              'text/event-stream': {
                schema: {
                  type: 'string',
                  description: 'id: <position>\\nevent: service-stage\\ndata: <ServiceStageMessage>',
                },
              },
            },
          },
          '400': problem('Invalid cursor or limit'),
          ...authErrors,
          '403': problem('The feed is for monitoring, audit and provider staff'),
        },
      },
    },
  };
}
