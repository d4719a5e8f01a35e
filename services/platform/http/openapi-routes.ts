/**
 * The OpenAPI description of the platform's routes besides the modules' own (services/platform/http/app.ts): the hash-chain
 * check, the calendar, operations, the documentation itself and — when mounted — the dev-only token routes.
 */
import type { ServiceModule } from '../service-module';
import { DevTokenRequestSchema } from './routes/dev-schemas';
import {
  authErrors,
  bearer,
  DATE,
  INSTANT,
  jsonSchema,
  ok,
  pathParam,
  problem,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from './openapi-kit';

export const platformSchemas: Schemas = {
  StreamVerification: {
    type: 'object',
    required: ['streamName', 'valid', 'checked', 'verifiedAt'],
    properties: {
      streamName: { type: 'string' },
      valid: { type: 'boolean' },
      checked: { type: 'integer', description: 'Events checked' },
      firstBroken: {
        type: 'object',
        properties: {
          streamName: { type: 'string' },
          revision: { type: 'integer' },
          eventId: { type: 'string' },
          position: { type: 'integer' },
          reason: { type: 'string', enum: ['prevHash-mismatch', 'hash-mismatch', 'revision-gap'] },
          expected: { type: 'string' },
          actual: { type: 'string' },
        },
      },
      verifiedAt: INSTANT,
    },
  },
  CalendarDeadline: {
    type: 'object',
    required: ['from', 'dueOn', 'rule', 'provisional'],
    properties: {
      from: DATE,
      workingDays: { type: 'integer' },
      calendarDays: { type: 'integer' },
      dueOn: DATE,
      rule: { type: 'string', description: 'How the due date was computed (e.g. a day off moved it)' },
      provisional: { type: 'boolean', description: "The year's calendar is not final yet" },
    },
  },
  CalendarYear: {
    type: 'object',
    required: ['year', 'provisional', 'source', 'workingDays', 'days'],
    properties: {
      year: { type: 'integer' },
      provisional: { type: 'boolean' },
      source: { type: ['string', 'null'] },
      workingDays: { type: 'integer' },
      days: {
        type: 'array',
        description: 'Days off and working weekend days with their sources',
        items: { type: 'object', additionalProperties: true },
      },
    },
  },
  Readiness: {
    type: 'object',
    required: ['status', 'checks'],
    properties: {
      status: { type: 'string', enum: ['ready', 'not-ready'] },
      checks: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'ok'],
          properties: { name: { type: 'string' }, ok: { type: 'boolean' }, detail: { type: 'string' } },
        },
      },
    },
  },
  DevTokenRequest: jsonSchema(DevTokenRequestSchema),
};

const calendarBadRequest = problem('Invalid query parameters (with the failing fields)');

export function platformPaths(modules: readonly ServiceModule[], options: { dev: boolean }): Paths {
  const paths: Paths = {};
  paths['/v1/audit/streams/{streamName}/verify'] = {
    get: {
      tags: ['Audit'],
      operationId: 'audit.verifyStream',
      summary: 'Verify the hash chain of a case or complaint stream (whoever may read the case)',
      security: bearer,
      parameters: [
        pathParam(
          'streamName',
          { type: 'string', pattern: `^(${modules.map((m) => m.streamPrefix).join('|')})[0-9a-f-]{36}$` },
          `e.g. \`${modules[0]?.streamPrefix ?? ''}<caseId>\``,
        ),
      ],
      responses: {
        '200': ok('The result of the check', ref('StreamVerification')),
        ...authErrors,
        '403': problem('The case is not within your reach'),
        '404': problem('No such stream'),
      },
    },
  };
  paths['/v1/calendar/deadline'] = {
    get: {
      tags: ['Calendar'],
      operationId: 'calendar.deadline',
      summary: 'Due date of a term: N working or calendar days from a date (the term starts the day after)',
      parameters: [
        queryParam('from', DATE, undefined, true),
        queryParam(
          'workingDays',
          { type: 'integer', minimum: 0, maximum: 3660 },
          'Exactly one of workingDays, calendarDays',
        ),
        queryParam('calendarDays', { type: 'integer', minimum: 0, maximum: 3660 }),
      ],
      responses: { '200': ok('The due date and the rule', ref('CalendarDeadline')), '400': calendarBadRequest },
    },
  };
  paths['/v1/calendar/{year}'] = {
    get: {
      tags: ['Calendar'],
      operationId: 'calendar.year',
      summary: "The year's days off and working weekend days with their sources",
      parameters: [pathParam('year', { type: 'integer', minimum: 2000, maximum: 2100 })],
      responses: {
        '200': ok('The year', ref('CalendarYear')),
        '400': problem('The year is not four digits'),
        '404': problem('No calendar for that year'),
      },
    },
  };
  const op = (id: string, summary: string, response: unknown) => ({
    get: { tags: ['Operations'], operationId: id, summary, responses: { '200': response } },
  });
  paths['/healthz'] = op(
    'ops.healthz',
    'Liveness: the process answers',
    ok('ok', { type: 'object', properties: { status: { const: 'ok' } } }),
  );
  paths['/readyz'] = {
    get: {
      tags: ['Operations'],
      operationId: 'ops.readyz',
      summary: 'Readiness: backing servers reachable, projections caught up',
      responses: {
        '200': ok('Ready', ref('Readiness')),
        '503': problem(
          'Not ready: `detail` and `failing` name the failed checks (a backing server down, projections behind), `checks` lists every check',
        ),
      },
    },
  };
  paths['/metrics'] = op(
    'ops.metrics',
    'Prometheus metrics (request latency, command outcomes, projection lag, append latency)',
    ok('Prometheus text exposition format', { type: 'string' }, 'text/plain'),
  );
  paths['/openapi.json'] = op('docs.openapi', 'This document', ok('OpenAPI 3.1', { type: 'object' }));
  paths['/docs'] = op('docs.page', 'The rendered API page (Swagger UI)', ok('HTML', { type: 'string' }, 'text/html'));
  paths['/docs/init.js'] = op(
    'docs.init',
    "The API page's initialiser script",
    ok('JavaScript', { type: 'string' }, 'application/javascript'),
  );
  if (options.dev) {
    const devOnly = {
      'x-dev-only': true,
      description: 'DEV ONLY: mounted only in the embedded default with the generated HS256 secret, never with JWKS.',
    };
    paths['/v1/dev/roles'] = {
      get: {
        tags: ['Development'],
        operationId: 'dev.roles',
        summary: 'Roles and providers for the web UI sign-in picker',
        ...devOnly,
        responses: {
          '200': ok('Roles and providers', {
            type: 'object',
            properties: {
              enabled: { type: 'boolean' },
              roles: { type: 'array', items: { type: 'string' } },
              providers: { type: 'array', items: { type: 'string' } },
            },
          }),
        },
      },
    };
    paths['/v1/dev/token'] = {
      post: {
        tags: ['Development'],
        operationId: 'dev.token',
        summary: 'Mint a dev token',
        ...devOnly,
        requestBody: { required: true, content: { 'application/json': { schema: ref('DevTokenRequest') } } },
        responses: {
          '200': ok('The token', { type: 'object', required: ['token'], properties: { token: { type: 'string' } } }),
          '400': problem('The body does not match the schema (with the failing fields)'),
        },
      },
    };
  }
  return paths;
}
