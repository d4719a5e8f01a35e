/**
 * The OpenAPI description of the investigator's routes (routes.ts): diff for every service (complaints included),
 * the administrative case file (JSON and PDF) and the compliance report for case services, and the access log.
 */
import {
  authErrors,
  bearer,
  caseIdParam,
  caseReadErrors,
  DATE,
  INSTANT,
  ok,
  openObject,
  problem,
  queryParam,
  ref,
  type Paths,
  type Schemas,
} from '../../platform/http/openapi-kit';
import type { ServiceModule } from '../../platform/service-module';
import { COMPLAINTS_SERVICE } from './queries';

/** Every member of a compliance row (compliance.ts `ComplianceRow`). */
const complianceRow = {
  type: 'object',
  properties: {
    subject: {
      anyOf: [
        { type: 'string', enum: ['case'] },
        { type: 'object', properties: { complaintId: { type: 'string', format: 'uuid' } } },
      ],
      description: '`case`, or the complaint whose deadline it is',
    },
    streamName: { type: 'string' },
    deadlineId: { type: 'string' },
    termId: { type: 'string' },
    rule: { type: 'string' },
    description: { type: 'string' },
    unit: { type: 'string', enum: ['working-days', 'calendar-days'] },
    days: { type: 'integer' },
    triggeredOn: DATE,
    dueOn: DATE,
    stepOn: { anyOf: [DATE, { type: 'null' }], description: 'When the step was taken' },
    state: { type: 'string', enum: ['open', 'met', 'missed', 'cancelled'] },
    overdue: { type: 'boolean' },
    breach: {
      anyOf: [
        {
          type: 'object',
          properties: { missedOn: DATE, detectedBy: { type: 'string', enum: ['watcher', 'late-step'] } },
        },
        { type: 'null' },
      ],
    },
    cancelledBecause: { type: ['string', 'null'] },
    workingDaysUsed: { type: ['integer', 'null'] },
    workingDaysAllowed: { type: 'integer' },
    calendarDaysUsed: { type: ['integer', 'null'] },
    regulationVersion: { type: 'string' },
    setAtPosition: { type: 'integer', description: 'Position of the DeadlineSet (links the row to the timeline)' },
  },
};
const complianceMembers = {
  asOfDate: DATE,
  rows: { type: 'array', description: 'Every legal deadline of the case and its complaints', items: complianceRow },
  totals: { type: 'object', additionalProperties: { type: 'integer' } },
};

const stateAt = {
  type: 'object',
  properties: { asOf: INSTANT, revision: { type: 'integer' }, state: { type: 'object', additionalProperties: true } },
};

export const investigationSchemas: Schemas = {
  StateDiff: {
    type: 'object',
    required: ['caseId', 'service', 'from', 'to', 'changes', 'events'],
    properties: {
      caseId: { type: 'string', format: 'uuid' },
      service: { type: 'string' },
      from: stateAt,
      to: stateAt,
      changes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'kind'],
          properties: {
            path: { type: 'string', description: 'JSON pointer of the changed member' },
            kind: { type: 'string', enum: ['added', 'removed', 'changed'] },
            before: {},
            after: {},
          },
        },
      },
      events: {
        type: 'array',
        description: 'The events in (from, to] that changed the state',
        items: {
          type: 'object',
          properties: {
            position: { type: 'integer' },
            revision: { type: 'integer' },
            eventId: { type: 'string' },
            type: { type: 'string' },
            occurredAt: INSTANT,
            recordedAt: INSTANT,
            actor: { type: 'string' },
            data: {},
          },
        },
      },
    },
  },
  ComplianceReport: {
    type: 'object',
    required: ['caseId', 'asOfDate', 'rows', 'totals'],
    properties: { caseId: { type: 'string', format: 'uuid' }, ...complianceMembers },
  },
  TimelineComplianceReport: {
    type: 'object',
    description: 'The compliance report as a timeline carries it (the timeline names the case).',
    required: ['asOfDate', 'rows', 'totals'],
    properties: complianceMembers,
  },
  CaseFile: openObject(
    {
      caseId: { type: 'string', format: 'uuid' },
      timeline: {},
      complianceReport: {},
      verification: {},
      regulationVersion: {},
    },
    'The administrative case file (Rules §14): timeline, decisions, signatures, compliance report, hash-chain check and chain head, regulation version.',
  ),
  AccessLogPage: {
    type: 'object',
    required: ['from', 'to', 'items', 'truncated'],
    properties: {
      from: DATE,
      to: DATE,
      truncated: { type: 'boolean' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            at: INSTANT,
            sub: { type: 'string' },
            roles: { type: 'array', items: { type: 'string' } },
            service: { type: 'string' },
            caseId: { type: 'string' },
            resource: { type: 'string' },
            query: { type: 'object', additionalProperties: { type: 'string' } },
            requestId: { type: 'string' },
            position: { type: 'integer' },
          },
        },
      },
    },
  },
};

export function investigationPaths(modules: readonly ServiceModule[]): Paths {
  const paths: Paths = {};
  for (const m of modules) {
    const tags = [m.title, 'Investigation'];
    paths[`${m.basePath}/{caseId}/diff`] = {
      get: {
        tags,
        operationId: `${m.service}.diff`,
        summary: 'What changed in the state between two instants, with the events that changed it',
        security: bearer,
        parameters: [
          caseIdParam(),
          queryParam('from', INSTANT, 'ISO-8601 instant with a time zone; from ≤ to', true),
          queryParam('to', INSTANT, 'ISO-8601 instant with a time zone', true),
        ],
        responses: { '200': ok('The diff', ref('StateDiff')), ...caseReadErrors },
      },
    };
    if (m.service === COMPLAINTS_SERVICE) continue;
    paths[`${m.basePath}/{caseId}/compliance`] = {
      get: {
        tags,
        operationId: `${m.service}.compliance`,
        summary: 'Compliance report: every legal deadline of the case and its complaints, met / missed / open',
        security: bearer,
        parameters: [caseIdParam()],
        responses: { '200': ok('The report', ref('ComplianceReport')), ...caseReadErrors },
      },
    };
    paths[`${m.basePath}/{caseId}/file`] = {
      get: {
        tags,
        operationId: `${m.service}.caseFile`,
        summary:
          'The administrative case file (Rules §14): JSON, or a printable PDF with `?format=pdf` or `Accept: application/pdf` (labels kk/ru/en)',
        security: bearer,
        parameters: [caseIdParam(), queryParam('format', { type: 'string', enum: ['json', 'pdf'] })],
        responses: {
          '200': {
            description: 'The case file',
            content: {
              'application/json': { schema: ref('CaseFile') },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...caseReadErrors,
        },
      },
    };
  }
  paths['/v1/audit/access-log'] = {
    get: {
      tags: ['Audit'],
      operationId: 'audit.accessLog',
      summary: "Who read which case when (investigators' and auditors' reads); auditors only",
      security: bearer,
      parameters: [
        queryParam('from', DATE, 'Local date (default today); at most 31 days per query'),
        queryParam('to', DATE, 'Local date (default today)'),
        queryParam('sub', { type: 'string', minLength: 1, maxLength: 200 }),
        queryParam('caseId', { type: 'string', minLength: 1, maxLength: 200 }),
        queryParam('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
      ],
      responses: {
        '200': ok('The reads', ref('AccessLogPage')),
        '400': problem('Invalid query parameters (with the failing fields)'),
        ...authErrors,
        '403': problem('The access log is for auditors'),
      },
    },
  };
  return paths;
}
