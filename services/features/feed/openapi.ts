/** The OpenAPI description of GET /v1/monitoring/feed (./routes.ts): every served route is described (openapi.test.ts). */
import { ServiceStageMessageSchema } from '../../../contracts/monitoring';
import {
  authErrors,
  bearer,
  jsonSchema,
  problem,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from '../../platform/http/openapi-kit';

export const feedSchemas: Schemas = {
  ServiceStageMessage: jsonSchema(ServiceStageMessageSchema),
  FeedPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: ref('ServiceStageMessage') },
      nextCursor: { type: 'string', description: 'Pass back as `after` (a numeric log position)' },
    },
  },
};

export const feedPaths: Paths = {
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
