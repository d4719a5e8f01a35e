/**
 * `/openapi.json` (OpenAPI 3.1) generated from the SAME TypeBox schemas that validate requests (services/platform/http/validation.ts),
 * so the document cannot drift from what the API accepts. Every route the app serves is described — the modules'
 * command and query routes here, the platform's other routes in openapi-routes.ts, the features' routes (investigation,
 * dashboard, monitoring feed) by the documents the composition root passes in (`extraPaths`); services/platform/http/openapi.test.ts
 * walks the Express router and fails on any route without its description.
 */
import { formerCommandPaths } from './openapi-aliases';
import type { ServiceModule } from '../service-module';
import {
  authErrors,
  bearer,
  caseIdParam,
  caseReadErrors,
  DATE,
  INSTANT,
  jsonSchema,
  minPosition,
  ok,
  problem,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from './openapi-kit';
import { answerSchemas, moduleAnswers } from './openapi-answers';
import { platformPaths, platformSchemas } from './openapi-routes';

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

const commandErrors = {
  '400': problem(
    'Malformed JSON, schema-invalid input (with the failing fields), unknown fields or commands, impossible dates and IINs',
  ),
  ...authErrors,
  '403': problem(
    'The role may not send this command, or the case is not within reach (with the rule, when one applies)',
  ),
  '409': problem('Not allowed in the current state (names the stage it needs)'),
  '413': problem('The request body is too large'),
  '422': problem('A rule of the regulation is broken (with `rule` and the dates)'),
};

const coreSchemas: Schemas = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json).',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      code: { type: 'string' },
      instance: { type: 'string' },
      rule: { type: 'string', description: 'The rule of the regulation, e.g. `Rules §10` (422, and 403 by rule)' },
      fields: {
        type: 'array',
        items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
      },
      currentRevision: { type: ['integer', 'null'], description: '412: the stream revision now' },
    },
    additionalProperties: true,
  },
  Event: {
    type: 'object',
    description: 'A recorded event as the API shows it (the envelope without the storage-internal hash fields).',
    required: ['eventId', 'type', 'revision', 'position', 'occurredAt', 'data'],
    properties: {
      eventId: { type: 'string', format: 'uuid' },
      type: {
        type: 'string',
        description:
          "Named for the act, without the service's name (the case's stream says which service): unique within a " +
          'service, so read it with the service (docs/HTTP-CONTRACT.md "Event names").',
      },
      schemaVersion: { type: 'integer' },
      revision: { type: 'integer' },
      position: { type: 'integer' },
      occurredAt: INSTANT,
      recordedAt: INSTANT,
      regulationVersion: { type: 'string' },
      actor: {
        type: 'object',
        properties: {
          sub: { type: 'string' },
          roles: { type: 'array', items: { type: 'string' } },
          providerId: { type: 'string' },
        },
      },
      data: { type: 'object', additionalProperties: true },
    },
  },
  CommandAccepted: {
    type: 'object',
    required: ['caseId', 'revision', 'position', 'replayed', 'events'],
    properties: {
      caseId: { type: 'string', format: 'uuid' },
      revision: { type: 'integer', description: 'The stream revision after the command (ETag).' },
      position: { type: 'integer', description: 'Global position of the last event appended (use as minPosition).' },
      replayed: { type: 'boolean', description: 'True when an Idempotency-Key retry returned the first answer.' },
      events: { type: 'array', items: ref('Event') },
    },
  },
};

function modulePaths(m: ServiceModule, schemas: Schemas): Paths {
  const prefix = pascal(m.service);
  for (const [name, schema] of Object.entries(m.commandSchemas)) schemas[`${prefix}.${name}`] = jsonSchema(schema);
  for (const [name, schema] of Object.entries(m.eventSchemas)) schemas[`${prefix}.Event.${name}`] = jsonSchema(schema);
  const tags = [m.title];
  const answers = moduleAnswers(m, prefix, schemas);
  const create = m.createCommand.name;
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    description: 'A retried command with the same key returns its first answer and appends nothing',
  };
  const paths: Paths = {};
  paths[m.basePath] = {
    post: {
      tags,
      operationId: `${m.service}.${create}`,
      summary: `${create}: open (roles: ${(m.commandRoles[create] ?? []).join(', ')})`,
      security: bearer,
      parameters: [idempotencyKey],
      requestBody: { required: true, content: { 'application/json': { schema: ref(`${prefix}.${create}`) } } },
      responses: {
        '201': {
          description: 'Opened: id, Location, registration date and due dates',
          headers: { Location: { schema: { type: 'string' } }, ETag: { schema: { type: 'string' } } },
          content: { 'application/json': { schema: ref('CaseCreated') } },
        },
        ...commandErrors,
      },
    },
    get: {
      tags,
      operationId: `${m.service}.list`,
      summary: 'List within your reach (filters, cursor pagination)',
      security: bearer,
      parameters: [
        ...['providerId', 'status', 'stage'].map((n) =>
          queryParam(n, { type: 'string', minLength: 1, maxLength: 200 }),
        ),
        queryParam(
          'cursor',
          { type: 'string', minLength: 1, maxLength: 2000 },
          'The `nextCursor` of the previous page',
        ),
        queryParam('overdue', { type: 'string', enum: ['true', 'false'] }),
        queryParam('submittedFrom', DATE),
        queryParam('submittedTo', DATE),
        queryParam('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
        minPosition,
      ],
      responses: {
        '200': ok('{ items, nextCursor }', answers.list),
        '400': problem('Unknown or invalid query parameters, or an invalid cursor (with the failing fields)'),
        ...authErrors,
        '403': problem("Your token reaches no cases, or another provider's cases were asked for"),
      },
    },
  };
  for (const name of Object.keys(m.commandSchemas)) {
    if (name === create) continue;
    const roles = m.commandRoles[name] ?? [];
    paths[`${m.basePath}/{caseId}/commands/${name}`] = {
      post: {
        tags,
        operationId: `${m.service}.${name}`,
        summary: `${name} (roles: ${roles.join(', ') || 'internal: no role may send it through the API'})`,
        security: bearer,
        parameters: [
          caseIdParam(),
          {
            name: 'If-Match',
            in: 'header',
            schema: { type: 'string' },
            description: 'Quoted stream revision, e.g. "3": 412 on mismatch',
          },
          idempotencyKey,
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref(`${prefix}.${name}`) } } },
        responses: {
          '200': {
            description: 'Accepted: new revision, position and the events appended',
            headers: { ETag: { schema: { type: 'string' } } },
            content: { 'application/json': { schema: ref('CommandAccepted') } },
          },
          ...commandErrors,
          '404': problem('No such case'),
          '412': problem('If-Match does not match the stream revision (with currentRevision)'),
        },
      },
    };
  }
  Object.assign(paths, formerCommandPaths(m, paths));
  const read = (operation: string, summary: string, schema: unknown, extra: unknown[], etag: boolean) => ({
    get: {
      tags,
      operationId: `${m.service}.${operation}`,
      summary,
      security: bearer,
      parameters: [caseIdParam(), ...extra],
      responses: {
        '200': {
          description: summary,
          ...(etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
          content: { 'application/json': { schema } },
        },
        ...caseReadErrors,
      },
    },
  });
  paths[`${m.basePath}/{caseId}`] = read(
    'view',
    'View: stage, status, track, every deadline with its due date and state',
    answers.view,
    [minPosition],
    true,
  );
  paths[`${m.basePath}/{caseId}/timeline`] = read(
    'timeline',
    'Timeline: every step with who, what, which rule, signature and deadlines',
    answers.timeline,
    [minPosition],
    true,
  );
  return paths;
}

export interface OpenApiOptions {
  version: string;
  /** The dev-only routes are mounted (embedded default): describe them, marked `x-dev-only`. */
  dev?: boolean;
  /**
   * Routes of other features (investigation, dashboard, monitoring feed) with their component schemas, and the paths
   * they add to each module (time travel), described right after the module's own.
   */
  extra?: { paths: Paths; schemas?: Schemas; servicePaths?: (module: ServiceModule) => Paths };
}

export function buildOpenApi(modules: readonly ServiceModule[], options: OpenApiOptions): Record<string, unknown> {
  const schemas: Schemas = {
    ...coreSchemas,
    ...answerSchemas,
    ...platformSchemas,
    ...(options.extra?.schemas ?? {}),
  };
  const paths: Paths = {};
  for (const m of modules) Object.assign(paths, modulePaths(m, schemas), options.extra?.servicePaths?.(m));
  for (const [path, item] of [
    ...Object.entries(platformPaths(modules, { dev: options.dev ?? false })),
    ...Object.entries(options.extra?.paths ?? {}),
  ])
    paths[path] = { ...(paths[path] ?? {}), ...item };
  return {
    openapi: '3.1.0',
    info: {
      title: 'kezen API',
      version: options.version,
      description:
        'Event-sourced case backend for Kazakhstan state services (order No. 115 of 4 April 2025). Errors are ' +
        "application/problem+json. Event types are named for the act, without the service's name; housing " +
        "assistance's events, named with it before, are answered by today's names, and its former command names are " +
        'still taken, as deprecated operations (docs/HTTP-CONTRACT.md "Event names").',
    },
    servers: [{ url: '/' }],
    tags: modules.map((m) => ({ name: m.title, description: `${m.basePath} — streams \`${m.streamPrefix}<id>\`` })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
