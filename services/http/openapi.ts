/**
 * `/openapi.json` (OpenAPI 3.1) generated from the SAME TypeBox schemas that validate requests (services/http/validation.ts),
 * so the document cannot drift from what the API accepts.
 */
import type { TSchema } from '@sinclair/typebox';
import type { ServiceModule } from '../platform/service-module';

const json = (schema: TSchema): unknown => JSON.parse(JSON.stringify(schema));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const errors = {
  '400': problem(
    'Malformed JSON, schema-invalid input (with the failing fields), unknown fields or commands, impossible dates and IINs',
  ),
  '401': problem('Missing, invalid or expired token'),
  '403': problem('The role may not do this, or the case is not within reach'),
  '404': problem('No such case'),
  '429': problem('Too many requests for this token'),
  '503': problem('A backing server is unavailable; nothing was written'),
};
const bearer = [{ bearer: [] }];
const idParam = { name: 'caseId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const minPosition = {
  name: 'minPosition',
  in: 'query',
  schema: { type: 'integer', minimum: 0 },
  description: 'Wait briefly until the read models have applied this global position (read your own writes).',
};

export function buildOpenApi(modules: readonly ServiceModule[], info: { version: string }): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'code'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string' },
        rule: { type: 'string', description: '422: the rule of the regulation, e.g. `Rules §10`' },
        fields: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
    CommandAccepted: {
      type: 'object',
      properties: {
        caseId: { type: 'string', format: 'uuid' },
        revision: { type: 'integer', description: 'The stream revision after the command (ETag).' },
        position: { type: 'integer', description: 'Global position of the last event appended (use as minPosition).' },
        replayed: { type: 'boolean', description: 'True when an Idempotency-Key retry returned the first answer.' },
        events: { type: 'array', items: { type: 'object' } },
      },
    },
  };
  const paths: Record<string, Record<string, unknown>> = {};
  const tags: { name: string; description: string }[] = [];

  for (const m of modules) {
    const prefix = pascal(m.service);
    tags.push({ name: m.title, description: `${m.basePath} — streams \`${m.streamPrefix}<caseId>\`` });
    for (const [name, schema] of Object.entries(m.commandSchemas)) schemas[`${prefix}.${name}`] = json(schema);
    for (const [name, schema] of Object.entries(m.eventSchemas)) schemas[`${prefix}.Event.${name}`] = json(schema);
    const create = m.createCommand.name;
    paths[m.basePath] = {
      post: {
        tags: [m.title],
        operationId: `${m.service}.${create}`,
        summary: `${create}: open a case (roles: ${(m.commandRoles[create] ?? []).join(', ')})`,
        security: bearer,
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 200 } }],
        requestBody: { required: true, content: { 'application/json': { schema: ref(`${prefix}.${create}`) } } },
        responses: {
          '201': {
            description: 'Case opened: caseId, Location, registration date and due dates',
            headers: { Location: { schema: { type: 'string' } }, ETag: { schema: { type: 'string' } } },
            content: { 'application/json': { schema: ref('CommandAccepted') } },
          },
          ...errors,
          '409': problem('Not allowed in the current state'),
          '422': problem('A rule of the regulation is broken (with `rule` and the dates)'),
        },
      },
      get: {
        tags: [m.title],
        operationId: `${m.service}.list`,
        summary: 'List cases within your reach (cursor pagination)',
        security: bearer,
        parameters: [
          ...['providerId', 'status', 'stage', 'cursor'].map((n) => ({
            name: n,
            in: 'query',
            schema: { type: 'string' },
          })),
          { name: 'overdue', in: 'query', schema: { type: 'boolean' } },
          { name: 'submittedFrom', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'submittedTo', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          minPosition,
        ],
        responses: { '200': { description: '{ items, nextCursor }' }, ...errors },
      },
    };
    for (const name of Object.keys(m.commandSchemas)) {
      if (name === create) continue;
      const roles = m.commandRoles[name] ?? [];
      paths[`${m.basePath}/{caseId}/commands/${name}`] = {
        post: {
          tags: [m.title],
          operationId: `${m.service}.${name}`,
          summary: `${name} (roles: ${roles.join(', ') || 'internal'})`,
          security: bearer,
          parameters: [
            idParam,
            {
              name: 'If-Match',
              in: 'header',
              schema: { type: 'string' },
              description: 'Quoted stream revision: 412 on mismatch',
            },
            { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 200 } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref(`${prefix}.${name}`) } } },
          responses: {
            '200': {
              description: 'Accepted: new revision, position and the events appended',
              content: { 'application/json': { schema: ref('CommandAccepted') } },
            },
            ...errors,
            '409': problem('Not allowed in the current state (names the stage it needs)'),
            '412': problem('If-Match does not match the stream revision'),
            '422': problem('A rule of the regulation is broken (with `rule` and the dates)'),
          },
        },
      };
    }
    const get = (summary: string, extra: unknown[] = []) => ({
      get: {
        tags: [m.title],
        summary,
        security: bearer,
        parameters: [idParam, ...extra],
        responses: { '200': { description: summary }, ...errors },
      },
    });
    paths[`${m.basePath}/{caseId}`] = get(
      'Case view: stage, status, track, every deadline with its due date and state',
      [minPosition],
    );
    paths[`${m.basePath}/{caseId}/timeline`] = get(
      'Timeline: every step with who, what, which rule, signature and deadlines',
      [minPosition],
    );
    paths[`${m.basePath}/{caseId}/state`] = get('Time travel: the state folded up to asOf', [
      { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date-time' } },
    ]);
  }
  paths['/v1/audit/streams/{streamName}/verify'] = {
    get: {
      tags: ['Audit'],
      summary: 'Verify the hash chain of a stream',
      security: bearer,
      parameters: [{ name: 'streamName', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: '{ valid, checked, firstBroken? }' }, ...errors },
    },
  };
  paths['/v1/calendar/deadline'] = {
    get: {
      tags: ['Calendar'],
      summary: 'Due date of a term: N working or calendar days from a date (the term starts the day after)',
      parameters: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        { name: 'workingDays', in: 'query', schema: { type: 'integer', minimum: 0 } },
        { name: 'calendarDays', in: 'query', schema: { type: 'integer', minimum: 0 } },
      ],
      responses: { '200': { description: '{ dueOn, rule, provisional }' }, '400': errors['400'] },
    },
  };
  paths['/v1/calendar/{year}'] = {
    get: {
      tags: ['Calendar'],
      summary: "The year's days off and working weekend days with their sources",
      parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: { '200': { description: 'days' } },
    },
  };
  for (const [p, s] of [
    ['/healthz', 'Liveness'],
    ['/readyz', 'Readiness: backing servers reachable, projections caught up'],
    ['/metrics', 'Prometheus metrics'],
  ] as const)
    paths[p] = { get: { tags: ['Operations'], summary: s, responses: { '200': { description: s } } } };

  return {
    openapi: '3.1.0',
    info: {
      title: 'kezen API',
      version: info.version,
      description:
        'Event-sourced case backend for Kazakhstan state services (order No. 115 of 4 April 2025). Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
