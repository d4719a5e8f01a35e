/**
 * `/openapi.json` describes every route the app serves — found by walking the Express router, so a route added
 * later without its description fails here — with its path parameters, request bodies from the same TypeBox
 * schemas that validate, success bodies and problem+json errors; and it describes nothing that is not served.
 * Every member of every service's answers (201, view, list, timeline) is described, the deprecated ones marked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { buildKezen, type Kezen } from '../../composition';
import { loadConfig } from '../config';
import { servedRoutes, type ServedRoute } from './route-walk';
import { undescribed, validatorOf } from './testing/described';
import { startHarness, type Harness } from '../../../test/e2e/harness';
import { openOneCaseOfEach, SERVICES, type Answers, type Service } from '../../../test/e2e/one-case-each';

type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
  'x-dev-only'?: boolean;
  deprecated?: boolean;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const COMMAND = /\/commands\/\{command\}$/;

async function openKezen(env: Record<string, string>): Promise<{ kezen: Kezen; doc: Doc; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kezen-openapi-'));
  const full = {
    KEZEN_DATA_DIR: dataDir,
    KEZEN_JWT_SECRET: 'openapi-test-secret-0123456789abcdef',
    LOG_LEVEL: 'error',
    ...env,
  };
  const kezen = await buildKezen(loadConfig(full), {});
  const res = await request(kezen.app).get('/openapi.json');
  expect(res.status).toBe(200);
  return {
    kezen,
    doc: res.body as Doc,
    async close() {
      await kezen.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The documented operations a served route stands for (a generic `/commands/{command}` = one per command). */
function documentedFor(route: ServedRoute, doc: Doc): [string, Operation | undefined][] {
  if (!COMMAND.test(route.path)) return [[route.path, doc.paths[route.path]?.[route.method]]];
  const prefix = route.path.replace(/\{command\}$/, '');
  return Object.entries(doc.paths)
    .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
    .map(([p, item]) => [p, item[route.method]]);
}

describe('/openapi.json (embedded default with the dev routes)', () => {
  let routes: ServedRoute[] = [];
  let doc: Doc;
  let kezen: Kezen;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ kezen, doc, close } = await openKezen({ KEZEN_DEV_MODE: '1' }));
    routes = servedRoutes(kezen.app);
  });
  afterAll(async () => close());

  test('the router walk finds the routes of every feature', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'get /healthz',
      'post /v1/privatization/cases/{caseId}/commands/{command}',
      'get /v1/privatization/cases/{caseId}/file',
      'get /v1/complaints/{caseId}/diff',
      'get /v1/audit/access-log',
      'get /v1/dashboard',
      'get /v1/monitoring/feed',
      'post /v1/dev/token',
      'get /v1/calendar/{year}',
    ])
      expect(paths).toContain(expected);
  });

  test('every served route is described, with every path parameter and a success response', () => {
    const missing: string[] = [];
    for (const route of routes) {
      const ops = documentedFor(route, doc);
      if (ops.length === 0 || ops.some(([, op]) => !op)) {
        missing.push(`${route.method.toUpperCase()} ${route.path}`);
        continue;
      }
      for (const [path, op] of ops) {
        const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        for (const name of names)
          expect(op!.parameters ?? []).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
        const success = Object.entries(op!.responses).filter(([s]) => /^2\d\d$/.test(s));
        expect(success.length).toBeGreaterThan(0);
        for (const [, r] of success) expect(Object.keys(r.content ?? {}).length).toBeGreaterThan(0);
      }
    }
    expect(missing).toEqual([]);
  });

  test('nothing is described that is not served', () => {
    const served = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const phantom: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item)) {
        const generic = path.replace(/\/commands\/[A-Za-z]+$/, '/commands/{command}');
        if (!served.has(`${method} ${path}`) && !served.has(`${method} ${generic}`)) phantom.push(`${method} ${path}`);
      }
    expect(phantom).toEqual([]);
  });

  test('/v1 routes need the bearer token and answer 401 as problem+json; every error is problem+json', () => {
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const where = `${method} ${path}`;
        if (path.startsWith('/v1/') && !path.startsWith('/v1/calendar') && !op['x-dev-only']) {
          expect({ where, security: op.security }).toEqual({ where, security: [{ bearer: [] }] });
          expect({ where, has401: '401' in op.responses }).toEqual({ where, has401: true });
        }
        for (const [status, r] of Object.entries(op.responses))
          if (/^[45]\d\d$/.test(status))
            expect({ where, status, schema: r.content?.['application/problem+json']?.schema }).toEqual({
              where,
              status,
              schema: { $ref: '#/components/schemas/Problem' },
            });
      }
  });

  test('command bodies are the very TypeBox schemas that validate them', () => {
    for (const m of kezen.modules) {
      const prefix = m.service.replace(/(^|-)([a-z])/g, (_x, _d, c: string) => c.toUpperCase());
      for (const [name, schema] of Object.entries(m.commandSchemas)) {
        expect(doc.components.schemas[`${prefix}.${name}`]).toEqual(JSON.parse(JSON.stringify(schema)));
        const path = name === m.createCommand.name ? m.basePath : `${m.basePath}/{caseId}/commands/${name}`;
        expect(doc.paths[path]?.post?.requestBody?.content['application/json']?.schema).toEqual({
          $ref: `#/components/schemas/${prefix}.${name}`,
        });
      }
    }
  });

  test("a former command name is described as today's operation, deprecated", () => {
    for (const m of kezen.modules)
      for (const [alias, name] of Object.entries(m.commandAliases ?? {})) {
        if (name === m.createCommand.name) continue; // POST {basePath} names no command
        const former = doc.paths[`${m.basePath}/{caseId}/commands/${alias}`]?.post;
        const current = doc.paths[`${m.basePath}/{caseId}/commands/${name}`]?.post;
        expect(former).toEqual({
          ...current,
          operationId: expect.any(String),
          summary: expect.any(String),
          deprecated: true,
        });
        expect(current?.deprecated).toBeUndefined();
      }
    expect(doc.paths['/v1/housing-assistance/cases/{caseId}/commands/AssignHousingAssistance']?.post?.deprecated).toBe(
      true,
    );
  });

  test('the case file is described as JSON and PDF, the monitoring feed as JSON and an event stream', () => {
    expect(Object.keys(doc.paths['/v1/privatization/cases/{caseId}/file']!.get!.responses['200']!.content!)).toEqual([
      'application/json',
      'application/pdf',
    ]);
    expect(Object.keys(doc.paths['/v1/monitoring/feed']!.get!.responses['200']!.content!)).toEqual([
      'application/json',
      'text/event-stream',
    ]);
    expect(doc.paths['/v1/dev/token']!.post!['x-dev-only']).toBe(true);
  });

  test('every query route of the read side takes minPosition', () => {
    for (const path of [
      '/v1/privatization/cases',
      '/v1/privatization/cases/{caseId}',
      '/v1/privatization/cases/{caseId}/timeline',
      '/v1/complaints',
      '/v1/complaints/{caseId}',
      '/v1/dashboard',
    ])
      expect(doc.paths[path]!.get!.parameters).toContainEqual(expect.objectContaining({ name: 'minPosition' }));
  });

  test('every $ref resolves to a component schema', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((r) => !(r in doc.components.schemas))).toEqual([]);
  });
});

describe('every member of every service’s answers is described', () => {
  let h: Harness;
  let doc: Doc;
  let answers: Record<Service, Answers>;
  beforeAll(async () => {
    h = await startHarness();
    doc = (await h.http().get('/openapi.json')).body as Doc;
    answers = await openOneCaseOfEach(h);
  });
  afterAll(() => h.close());

  const schemaOf = (path: string, method: string, status: string) =>
    doc.paths[path]![method]!.responses[status]!.content!['application/json']!.schema;

  test.each(SERVICES)('%s: the 201, the view, a list item and the timeline', (service) => {
    const a = answers[service];
    const list = schemaOf(a.base, 'get', '200') as { $ref: string };
    const listSchema = doc.components.schemas[list.$ref.split('/').pop()!] as {
      properties: { items: { items: unknown } };
    };
    const cases: [string, unknown, unknown][] = [
      ['201', schemaOf(a.base, 'post', '201'), a.created],
      ['view', schemaOf(`${a.base}/{caseId}`, 'get', '200'), a.view],
      ['list item', listSchema.properties.items.items, a.listItem],
      ['timeline', schemaOf(`${a.base}/{caseId}/timeline`, 'get', '200'), a.timeline],
    ];
    const validate = validatorOf(doc);
    for (const [answer, schema, value] of cases) {
      expect({ answer, undescribed: undescribed(doc, schema, value) }).toEqual({ answer, undescribed: [] });
      expect({ answer, invalid: validate(schema, value) }).toEqual({ answer, invalid: [] });
    }
  });

  test('the older names kept for compatibility are marked deprecated (docs/HTTP-CONTRACT.md "Deprecated fields")', () => {
    const member = (component: string, name: string) => {
      const s = doc.components.schemas[component] as { allOf?: { properties?: Record<string, unknown> }[] };
      return s.allOf?.find((p) => p.properties?.[name])?.properties?.[name] as { deprecated?: boolean };
    };
    for (const [component, name] of <[string, string][]>[
      ['HousingAssistance.CaseView', 'registeredOn'],
      ['HousingAssistance.CaseView', 'memberIins'],
      ['HousingAssistance.CaseView', 'deadlines'],
      ['Complaints.CaseView', 'registeredOn'],
      ['Complaints.CaseView', 'deadlines'],
      ['Privatization.CaseView', 'deadlines'],
      ['Privatization.Timeline', 'deadlines'],
    ])
      expect({ component, name, deprecated: member(component, name)?.deprecated }).toEqual({
        component,
        name,
        deprecated: true,
      });
    const summary = doc.components.schemas.CaseComplaintSummary as {
      properties: Record<string, { deprecated?: boolean }>;
    };
    expect([summary.properties.registeredOn?.deprecated, summary.properties.deadlines?.deprecated]).toEqual([
      true,
      true,
    ]);
  });
});

test('without the dev routes mounted, they are not described', async () => {
  const { kezen, doc, close } = await openKezen({});
  try {
    expect(servedRoutes(kezen.app).some((r) => r.path.startsWith('/v1/dev'))).toBe(false);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/v1/dev'))).toEqual([]);
  } finally {
    await close();
  }
});
