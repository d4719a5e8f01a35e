/**
 * Transport hardening: helmet's headers on every kind of answer (JSON, problem+json, the API page, the
 * OpenAPI document, metrics) and no X-Powered-By; and the per-token rate limit (docs/HTTP-CONTRACT.md "Errors": 429
 * problem+json) — configured low through KEZEN_RATE_LIMIT_PER_MINUTE — for one token subject only, others unaffected,
 * nothing appended by a refused command.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import { buildKezen, type Kezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import type { Role } from '../../services/platform/roles';

const SECRET = 'security-secret-0123456789abcdef0123';
const LIMIT = 5;
let kezen: Kezen;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kezen-sec-'));
  const env = { KEZEN_DATA_DIR: dataDir, KEZEN_JWT_SECRET: SECRET, KEZEN_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  kezen = await buildKezen(loadConfig(env), {
    logDestination: sink,
    clock: () => new Date('2026-03-02T05:00:00Z'),
  });
  await kezen.start();
});
afterAll(async () => {
  await kezen.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const token = (sub: string, role: Role = 'auditor') =>
  mintDevToken({ secret: SECRET, issuer: 'kezen-dev', audience: 'kezen', sub, roles: [role] });
const http = () => request(kezen.app);

describe('helmet headers', () => {
  const answers: [string, () => Promise<request.Response>][] = [
    [
      'a JSON query',
      async () =>
        http()
          .get('/v1/housing-assistance/cases?limit=1')
          .set('Authorization', `Bearer ${await token('h-1')}`),
    ],
    ['a problem+json 401', () => http().get('/v1/housing-assistance/cases')],
    ['a problem+json 404', () => http().get('/no/such/route')],
    ['the OpenAPI document', () => http().get('/openapi.json')],
    ['the API page', () => http().get('/docs')],
    ['metrics', () => http().get('/metrics')],
    ['health', () => http().get('/healthz')],
  ];
  test.each(answers)('%s', async (_name, ask) => {
    const res = await ask();
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'|frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toMatch(/^(SAMEORIGIN|DENY)$/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
  test('a request id sent with header-injection characters is not echoed', async () => {
    const res = await http().get('/healthz').set('X-Request-Id', 'abc<script>');
    expect(res.headers['x-request-id']).not.toContain('<');
  });
});

describe(`rate limit (${LIMIT} per minute per token subject)`, () => {
  test('after the limit one subject gets 429 problem+json; another subject is unaffected', async () => {
    const noisy = await token('noisy');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++)
      statuses.push(
        (await http().get('/v1/housing-assistance/cases?limit=1').set('Authorization', `Bearer ${noisy}`)).status,
      );
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    const limited = await http().get('/v1/housing-assistance/cases').set('Authorization', `Bearer ${noisy}`);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(limited.headers['ratelimit-policy'] ?? limited.headers.ratelimit).toBeDefined();
    // A fresh token for the same subject does not reset the count: the key is the subject, not the token string.
    const again = await http()
      .get('/v1/housing-assistance/cases')
      .set('Authorization', `Bearer ${await token('noisy')}`);
    expect(again.status).toBe(429);
    const quiet = await http()
      .get('/v1/housing-assistance/cases')
      .set('Authorization', `Bearer ${await token('quiet')}`);
    expect(quiet.status).toBe(200);
  });

  test('a command refused by the rate limit appends nothing', async () => {
    const intake = await token('intake-flood', 'intake-operator');
    const body = validSubmitApplication() as unknown as Record<string, unknown>;
    delete body.caseId;
    for (let i = 0; i < LIMIT; i++)
      await http().get('/v1/housing-assistance/cases').set('Authorization', `Bearer ${intake}`);
    const before = await kezen.eventStore.headPosition();
    const res = await http().post('/v1/privatization/cases').set('Authorization', `Bearer ${intake}`).send(body);
    expect(res.status).toBe(429);
    expect(await kezen.eventStore.headPosition()).toBe(before);
  });

  test('failed authentications are counted per IP: after the limit even a valid token from that IP waits', async () => {
    // The earlier requests of this file with valid tokens are not counted (only 401s are); the helmet checks sent one
    // request without a token, so the IP has at most LIMIT - 1 failures left.
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++)
      statuses.push((await http().get('/v1/housing-assistance/cases').set('Authorization', 'Bearer a.b.c')).status);
    expect(statuses).toEqual([...Array(LIMIT - 1).fill(401), 429, 429]);
    const res = await http()
      .get('/v1/housing-assistance/cases')
      .set('Authorization', `Bearer ${await token('late')}`);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
