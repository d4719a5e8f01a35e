/**
 * Property-based fuzzing of every route in GET /openapi.json (docs/HTTP-CONTRACT.md "Guarantees": bad input gets a
 * clear problem+json answer and changes nothing). For each path + method, fast-check generates schema-derived and
 * mutated requests — path params (real ids, random uuids, traversal-ish and unicode strings), query params (valid-ish,
 * garbage, unknown, repeated), headers (If-Match and Idempotency-Key garbage, odd Accept), bodies (valid-ish, mutated,
 * wrong types, bad JSON, wrong content types, oversized) — with tokens of every role, none, or garbage. Every answer:
 * no 5xx; an error is application/problem+json with `status` and `code`; a rejected request appended nothing (the
 * event-store head did not move); the server still answers.
 *
 * SECURITY_FUZZ_REQUESTS (default 3000) sets the total; it is spread evenly over the operations.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import fc from 'fast-check';
import { ROLES, type Role } from '../../services/platform/roles';
import { registry } from '../../services/registry';
import { application as haApplication } from '../../domain/housing-assistance/testing/fixtures';
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import {
  anyJson,
  deepMutated,
  mutated,
  nastyString,
  validish,
  type OpenApiDoc,
  type Operation,
  type Schema,
} from './openapi-arbitraries';
import { PROVIDER_A, PROVIDER_B, startWorld, type World } from './world';

const TOTAL = Number(process.env.SECURITY_FUZZ_REQUESTS ?? 3000);

let w: World;
let doc: OpenApiDoc;
const tokens = new Map<string, string>();
beforeAll(async () => {
  w = await startWorld();
  const res = await w.h.http().get('/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as OpenApiDoc;
  for (const role of ROLES) {
    tokens.set(`${role}:A`, await w.token(role, { providerId: PROVIDER_A, iin: TEST_IINS.applicant }));
    tokens.set(`${role}:B`, await w.token(role, { providerId: PROVIDER_B, iin: TEST_IINS.elder }));
  }
}, 60_000);
afterAll(async () => w.h.close());

interface FuzzRequest {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  auth: { kind: 'role'; role: Role; side: 'A' | 'B' } | { kind: 'none' } | { kind: 'garbage'; value: string };
  body?: { kind: 'json'; value: unknown } | { kind: 'raw'; contentType: string; text: string };
}

/** encodeURIComponent that survives lone surrogates (sent as U+FFFD, as a browser would). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
  }
}

/** Header-safe text: what an HTTP client can put on the wire at all. */
const headerText = (a: fc.Arbitrary<string>) => a.filter((s) => /^[\x20-\x7e]{0,1000}$/.test(s) && s.trim() === s);

const ifMatch = fc.oneof(
  fc.constantFrom(
    '"0"',
    '"1"',
    '"7"',
    '*',
    'W/"2"',
    '"-1"',
    '"999999999999999"',
    '"99999999999999999999"',
    'abc',
    '""',
  ),
  headerText(fc.string({ maxLength: 40 })),
);
const idempotencyKey = fc.oneof(fc.uuid(), headerText(fc.string({ maxLength: 250 })), fc.constant('x'.repeat(201)));
const accept = fc.constantFrom('application/json', 'application/pdf', '*/*', 'text/html', 'application/xml', 'garbage');
const auth: fc.Arbitrary<FuzzRequest['auth']> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('role' as const),
      role: fc.constantFrom(...ROLES),
      side: fc.constantFrom('A' as const, 'B' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      value: fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'Bearer ' + 'e'.repeat(5000)),
        headerText(fc.string({ maxLength: 80 })).map((s) => `Bearer ${s}`),
      ),
    }),
  },
);

function pathParam(name: string, schema: Schema | undefined): fc.Arbitrary<string> {
  const ids = () => [w.caseA, w.caseB, w.haCase, w.complaintA];
  const urlSafe = nastyString.filter((s) => s.length > 0 && s.length < 2000).map(enc);
  const raw = fc.constantFrom(
    '..',
    '..%2f..%2fetc',
    '%2e%2e',
    '.',
    'null',
    '0',
    '-1',
    '00000000-0000-0000-0000-000000000000',
  );
  if (name === 'streamName') {
    const stream = fc.tuple(
      fc.constantFrom(...registry.services.map((s) => s.streamPrefix), '', 'x-'),
      fc.constantFrom(...ids()),
    );
    return fc.oneof(
      stream.map(([p, id]) => p + id),
      urlSafe,
      raw,
    );
  }
  if (name === 'year') return fc.oneof(fc.integer({ min: 1990, max: 2100 }).map(String), urlSafe, raw);
  const real =
    schema?.format === 'uuid' || /id$/i.test(name) ? fc.oneof(fc.constantFrom(...ids()), fc.uuid()) : fc.string();
  return fc.oneof({ weight: 3, arbitrary: real }, { weight: 1, arbitrary: urlSafe }, { weight: 1, arbitrary: raw });
}

/** Valid bodies from the domain fixtures, deep-mutated so that requests reach the deciders' rules (409/422). */
function seedsOf(path: string): unknown[] {
  const submit = validSubmitApplication() as unknown as Record<string, unknown>;
  delete submit.caseId;
  const gateway = { kind: 'identity', subjectIin: TEST_IINS.applicant, available: true, reference: 'GW-FUZZ' };
  const seeds: Record<string, unknown[]> = {
    '/v1/privatization/cases': [submit],
    '/v1/housing-assistance/cases': [haApplication()],
    '/v1/complaints': [
      {
        caseId: w.caseA,
        service: 'privatization',
        providerId: PROVIDER_A,
        addressee: 'provider-head',
        complainant: { kind: 'applicant', iin: TEST_IINS.applicant, fullName: 'Seitkali Arman Nurlanuly' },
        subject: { kind: 'inaction', description: 'No answer' },
        grounds: 'No answer to the application.',
      },
    ],
    '/v1/privatization/cases/{caseId}/commands/RecordGatewayData': [gateway],
  };
  return seeds[path] ?? [];
}

/** Who may send each seeded body (docs/HTTP-CONTRACT.md roles; Rules §4, §6–§7 channels; Rules §13 complainants). */
const SEED_SENDERS: Record<string, { role: Role; side: 'A' | 'B' }> = {
  '/v1/privatization/cases': { role: 'intake-operator', side: 'A' },
  '/v1/housing-assistance/cases': { role: 'intake-operator', side: 'A' },
  '/v1/complaints': { role: 'applicant', side: 'A' },
  '/v1/privatization/cases/{caseId}/commands/RecordGatewayData': { role: 'provider-officer', side: 'A' },
};

function bodyOf(path: string, schema: Schema | undefined): fc.Arbitrary<FuzzRequest['body']> {
  const seeds = seedsOf(path);
  const fromSeeds = seeds.length > 0 ? fc.oneof(fc.constantFrom(...seeds), ...seeds.map(deepMutated)) : undefined;
  const good = schema ? validish(doc, schema) : anyJson;
  const json = (a: fc.Arbitrary<unknown>) => a.map((value) => ({ kind: 'json' as const, value }));
  const raw = (contentType: fc.Arbitrary<string>, text: fc.Arbitrary<string>) =>
    fc.record({ kind: fc.constant('raw' as const), contentType, text });
  return fc.oneof(
    ...(fromSeeds ? [{ weight: 6, arbitrary: json(fromSeeds) }] : []),
    { weight: 3, arbitrary: json(good) },
    { weight: 3, arbitrary: json(mutated(good)) },
    { weight: 1, arbitrary: json(anyJson) },
    {
      weight: 1,
      arbitrary: raw(
        fc.constantFrom('application/json', 'application/problem+json'),
        fc.oneof(
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,',
            'nul',
            '"\\ud800"',
            '{"__proto__":{"x":1}}',
            '{"constructor":{"prototype":{"x":1}}}',
          ),
          fc.string({ maxLength: 50 }),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: raw(
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          'application/xml',
          'garbage/garbage',
        ),
        fc.string({ maxLength: 100 }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        kind: 'raw' as const,
        contentType: 'application/json',
        text: JSON.stringify({ pad: 'x'.repeat(300_000) }),
      }),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function requestOf(path: string, method: string, op: Operation): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => pathParam(p.name, p.schema))).map((values) => {
    let out = path;
    pathParams.forEach((p, i) => (out = out.replace(`{${p.name}}`, values[i]!)));
    return out;
  });
  const queryValue = (schema: Schema | undefined, name: string) =>
    // minPosition beyond the log head makes a read wait up to 2 s for the projector (by design, bounded): the fuzz
    // asks for positions that exist, and garbage, so the run stays within its time budget.
    name === 'minPosition'
      ? fc.oneof(
          fc.integer({ min: 0, max: 3 }).map(String),
          nastyString.filter((s) => s.length < 3000 && !/^\d+$/.test(s)),
        )
      : fc.oneof(
          {
            weight: 3,
            arbitrary: (schema ? validish(doc, schema) : fc.string()).map((v) =>
              typeof v === 'string' ? v : JSON.stringify(v),
            ),
          },
          { weight: 2, arbitrary: nastyString.filter((s) => s.length < 3000) },
        );
  const queryArb = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(
          queryValue(p.schema, p.name).map((v) => [p.name, v] as [string, string]),
          { freq: 2 },
        ),
      ),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 })), { freq: 4 }),
      fc.boolean(),
    )
    .map((parts) => {
      const repeat = parts.pop() as boolean;
      const pairs = (parts as ([string, string] | null)[]).filter((p): p is [string, string] => p !== null);
      // A repeated parameter arrives as an array: a classic handler crash.
      if (repeat && pairs.length > 0) pairs.push(pairs[0]!);
      return pairs;
    });
  const headersArb = fc
    .record(
      {
        'If-Match': ifMatch,
        'Idempotency-Key': idempotencyKey,
        Accept: accept,
        'X-Request-Id': headerText(fc.string({ maxLength: 120 })),
      },
      { requiredKeys: [] },
    )
    .map((h) => h as Record<string, string>);
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const body = method === 'post' ? bodyOf(path, schema) : fc.constant(undefined);
  const general = fc.record({
    method: fc.constant(method),
    path: pathArb,
    query: queryArb,
    headers: headersArb,
    auth,
    body,
  });
  const seeds = method === 'post' ? seedsOf(path) : [];
  const sender = SEED_SENDERS[path];
  if (seeds.length === 0 || !sender) return general;
  // Half the runs: the fixture body (or a deep mutation of it) from the role that may send it, on case A — so the
  // request reaches the decider, and a rule it breaks (409/422) must still append nothing.
  const seeded = fc.record({
    method: fc.constant(method),
    path: fc.constant(path.replace('{caseId}', w.caseA)),
    query: fc.constant([] as [string, string][]),
    headers: fc.oneof(fc.constant({} as Record<string, string>), headersArb),
    auth: fc.constant({ kind: 'role' as const, ...sender }),
    body: fc
      .oneof(fc.constantFrom(...seeds), ...seeds.map(deepMutated))
      .map((value) => ({ kind: 'json' as const, value })),
  });
  return fc.oneof(general, seeded);
}

async function send(r: FuzzRequest) {
  const qs = r.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const url = qs ? `${r.path}?${qs}` : r.path;
  const agent = w.h.http();
  const req = r.method === 'post' ? agent.post(url) : agent.get(url);
  for (const [k, v] of Object.entries(r.headers)) req.set(k, v);
  if (r.auth.kind === 'role') req.set('Authorization', `Bearer ${tokens.get(`${r.auth.role}:${r.auth.side}`)}`);
  if (r.auth.kind === 'garbage') req.set('Authorization', r.auth.value);
  if (r.body?.kind === 'json')
    return req.set('Content-Type', 'application/json').send(JSON.stringify(r.body.value) ?? 'null');
  if (r.body?.kind === 'raw') return req.set('Content-Type', r.body.contentType).send(r.body.text);
  return req;
}

const describeRequest = (r: FuzzRequest) =>
  JSON.stringify({ ...r, body: r.body && JSON.stringify(r.body).slice(0, 400) }).slice(0, 1500);

test('every operation of the OpenAPI description answers fuzzed requests without 5xx, with problem+json, appending nothing when rejected', async () => {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([m]) => m === 'get' || m === 'post')
      .map(([method, op]) => ({ path, method, op })),
  );
  expect(operations.length).toBeGreaterThan(20);
  const numRuns = Math.max(10, Math.ceil(TOTAL / operations.length));
  const counts = { requests: 0, byStatus: new Map<number, number>() };
  for (const { path, method, op } of operations) {
    await fc.assert(
      fc.asyncProperty(requestOf(path, method, op), async (r) => {
        const before = await w.h.head();
        const t0 = Date.now();
        const res = await send(r);
        if (process.env.SECURITY_FUZZ_VERBOSE && Date.now() - t0 > 300)
          console.log(`slow ${Date.now() - t0} ms: ${method} ${describeRequest(r).slice(0, 400)} → ${res.status}`);
        counts.requests++;
        counts.byStatus.set(res.status, (counts.byStatus.get(res.status) ?? 0) + 1);
        const where = `${method.toUpperCase()} ${path}: ${describeRequest(r)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        if (res.status >= 500) throw new Error(`5xx: ${where}`);
        if (res.status >= 400) {
          if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
            throw new Error(`not problem+json: ${where}`);
          if (res.body.status !== res.status || typeof res.body.code !== 'string' || res.body.code === '')
            throw new Error(`problem without status/code: ${where}`);
          const after = await w.h.head();
          if (after !== before) {
            // Auditors' and investigators' case reads are recorded before they are answered (the access log,
            // `access-log-<day>` streams): that is the only trace a refused request may leave.
            const appended = await w.h.kezen.eventStore.readAll(before, after - before);
            const foreign = appended.filter((e) => !e.streamName.startsWith('access-log-'));
            if (foreign.length > 0)
              throw new Error(`a rejected request appended ${foreign.map((e) => e.type).join(', ')}: ${where}`);
          }
        }
      }),
      { numRuns, endOnFailure: true },
    );
  }
  expect(counts.requests).toBeGreaterThanOrEqual(Math.min(TOTAL, numRuns * operations.length) * 0.99);
  // Still alive and consistent after the storm.
  expect((await w.h.http().get('/healthz')).status).toBe(200);
  const verify = await w.h
    .http()
    .get(`/v1/audit/streams/${privatizationStream(w.caseA)}/verify`)
    .set('Authorization', `Bearer ${tokens.get('auditor:A')}`);
  expect(verify.status).toBe(200);
  expect(verify.body.valid).toBe(true);
  if (process.env.SECURITY_FUZZ_VERBOSE)
    console.log(counts.requests, 'requests', Object.fromEntries([...counts.byStatus].sort((a, b) => a[0] - b[0])));
}, 120_000);
