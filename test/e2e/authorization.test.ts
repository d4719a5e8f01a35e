/**
 * The rules of docs/HTTP-CONTRACT.md "Auth" and "Roles and their reach" over HTTP: tokens (alg none, HS/RS confusion,
 * expiry, iss/aud), every role × every command (allowed or 403 — from the module's one matrix), provider isolation,
 * applicant isolation (lists included), read-only roles, IIN masking, and a log scan: no IINs or names in the logs.
 */
import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { PRIVATIZATION_COMMAND_ROLES } from '../../services/features/privatization/module';
import { ROLES } from '../../services/platform/roles';
import { SECRET, startHarness, type Harness } from './harness';

const BASE = '/v1/privatization/cases';
let h: Harness;
let caseId: string;

beforeAll(async () => {
  h = await startHarness();
  const intake = await h.token('intake-operator');
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId;
  const res = await h.http().post(BASE).set('Authorization', `Bearer ${intake}`).send(body);
  expect(res.status).toBe(201);
  caseId = res.body.caseId;
});
afterAll(async () => h.close());

const get = (path: string, token?: string) => {
  const r = h.http().get(path);
  return token ? r.set('Authorization', `Bearer ${token}`) : r;
};

describe('tokens', () => {
  const sign = (
    claims: Record<string, unknown>,
    opts: { iss?: string; aud?: string; exp?: string | number; nbf?: string | number } = {},
  ) => {
    const jwt = new SignJWT({ roles: ['auditor'], ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('t')
      .setIssuer(opts.iss ?? 'kezen-dev')
      .setAudience(opts.aud ?? 'kezen')
      .setExpirationTime(opts.exp ?? '1h');
    if (opts.nbf !== undefined) jwt.setNotBefore(opts.nbf);
    return jwt.sign(new TextEncoder().encode(SECRET));
  };
  const path = () => `${BASE}/${caseId}/state`;

  test('no token → 401 problem+json', async () => {
    const res = await get(path());
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 401, code: 'missing-token' });
  });
  test('a valid token → 200', async () => expect((await get(path(), await sign({}))).status).toBe(200));
  test.each([
    ['expired', () => sign({}, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['not yet valid (nbf)', () => sign({}, { nbf: Math.floor(Date.now() / 1000) + 3600 })],
    ['wrong issuer', () => sign({}, { iss: 'someone-else' })],
    ['wrong audience', () => sign({}, { aud: 'other' })],
    ['unknown role', () => sign({ roles: ['superuser'] })],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({ roles: ['auditor'] })
          .setSubject('t')
          .setIssuer('kezen-dev')
          .setAudience('kezen')
          .setExpirationTime('1h')
          .encode(),
    ],
    [
      'RS256 (algorithm confusion: only HS256 is accepted in the embedded default)',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT({ roles: ['auditor'] })
          .setProtectedHeader({ alg: 'RS256' })
          .setSubject('t')
          .setIssuer('kezen-dev')
          .setAudience('kezen')
          .setExpirationTime('1h')
          .sign(privateKey);
      },
    ],
    [
      'a wrong secret',
      () =>
        new SignJWT({ roles: ['auditor'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('t')
          .setIssuer('kezen-dev')
          .setAudience('kezen')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('not-the-secret-not-the-secret-xx')),
    ],
  ])('%s → 401', async (_name, make) => {
    const res = await get(path(), await make());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('every role × every command: allowed by the matrix, or 403 (and nothing appended)', () => {
  const pairs = Object.keys(PRIVATIZATION_COMMAND_ROLES)
    .filter((c) => c !== 'SubmitApplication')
    .flatMap((command) => ROLES.map((role) => [role, command] as const));
  test.each(pairs)('%s → %s', async (role, command) => {
    const token = await h.token(role, { providerId: 'akimat-astana', iin: TEST_IINS.applicant });
    const before = await h.head();
    // A body with an unknown field: a role that may send the command passes the role gate and fails the schema (400);
    // a role that may not is refused first (403).
    const res = await h
      .http()
      .post(`${BASE}/${caseId}/commands/${command}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ probe: 'an unknown field fails every schema' });
    const allowed = (PRIVATIZATION_COMMAND_ROLES[command] ?? []).includes(role);
    if (allowed) expect(res.status).not.toBe(403);
    else expect(res.status).toBe(403);
    expect(await h.head()).toBe(before);
  });

  test.each(ROLES.map((r) => [r]))('%s → SubmitApplication', async (role) => {
    const token = await h.token(role, { providerId: 'akimat-astana', iin: TEST_IINS.applicant });
    const res = await h.http().post(BASE).set('Authorization', `Bearer ${token}`).send({});
    if (PRIVATIZATION_COMMAND_ROLES.SubmitApplication!.includes(role)) expect(res.status).toBe(400);
    else expect(res.status).toBe(403);
  });
});

describe('provider and applicant isolation', () => {
  test("provider staff of another provider can neither act on nor read the case, nor list another provider's cases", async () => {
    const other = await h.token('provider-officer', { providerId: 'akimat-almaty' });
    const before = await h.head();
    const act = await h
      .http()
      .post(`${BASE}/${caseId}/commands/RecordGatewayData`)
      .set('Authorization', `Bearer ${other}`)
      .send({ kind: 'identity', subjectIin: TEST_IINS.applicant, available: true, reference: 'X' });
    expect(act.status).toBe(403);
    expect(await h.head()).toBe(before);
    expect((await get(`${BASE}/${caseId}/state`, other)).status).toBe(403);
    expect((await get(`${BASE}/${caseId}/timeline`, other)).status).toBe(403);
    expect((await get(`${BASE}?providerId=akimat-astana`, other)).status).toBe(403);
  });
  test('provider staff of the case provider may act', async () => {
    const own = await h.token('provider-officer', { providerId: 'akimat-astana' });
    const act = await h
      .http()
      .post(`${BASE}/${caseId}/commands/RecordGatewayData`)
      .set('Authorization', `Bearer ${own}`)
      .send({ kind: 'identity', subjectIin: TEST_IINS.applicant, available: true, reference: 'GW-1' });
    expect(act.status).toBe(200);
  });
  test('an applicant reads only cases where they are the applicant or a family member; only the applicant acts', async () => {
    const stranger = await h.token('applicant', { iin: TEST_IINS.elder });
    const spouse = await h.token('applicant', { iin: TEST_IINS.spouse });
    const applicant = await h.token('applicant', { iin: TEST_IINS.applicant });
    expect((await get(`${BASE}/${caseId}/state`, stranger)).status).toBe(403);
    expect((await get(`${BASE}/${caseId}/state`, spouse)).status).toBe(200);
    expect((await get(`${BASE}/${caseId}/state`, applicant)).status).toBe(200);
    const before = await h.head();
    const withdraw = await h
      .http()
      .post(`${BASE}/${caseId}/commands/WithdrawApplication`)
      .set('Authorization', `Bearer ${spouse}`)
      .send({});
    expect(withdraw.status).toBe(403);
    expect(await h.head()).toBe(before);
  });
  test('an applicant cannot submit in the name of another person', async () => {
    const stranger = await h.token('applicant', { iin: TEST_IINS.elder });
    const body = validSubmitApplication({ channel: 'portal' }) as Record<string, unknown>;
    delete body.caseId;
    const res = await h.http().post(BASE).set('Authorization', `Bearer ${stranger}`).send(body);
    expect(res.status).toBe(403);
  });
  test('auditors and investigators read everything; IINs and names are masked for the auditor only', async () => {
    const auditor = await h.token('auditor');
    const investigator = await h.token('investigator');
    const masked = await get(`${BASE}/${caseId}/state`, auditor);
    expect(masked.status).toBe(200);
    expect(JSON.stringify(masked.body)).not.toContain(TEST_IINS.applicant);
    expect(JSON.stringify(masked.body)).not.toContain('Seitkali');
    const clear = await get(`${BASE}/${caseId}/state`, investigator);
    expect(JSON.stringify(clear.body)).toContain(TEST_IINS.applicant);
  });
});

describe('logs', () => {
  test('the log output of this suite contains no IINs and no names (docs/HTTP-CONTRACT.md "Personal data")', () => {
    const text = h.logs.join('');
    expect(text.length).toBeGreaterThan(1000);
    for (const iin of Object.values(TEST_IINS)) expect(text).not.toContain(iin);
    for (const name of ['Seitkali', 'Arman', 'Aigerim', 'Omarova']) expect(text).not.toContain(name);
    // No bare 12-digit run (a uuid group of 12 digits is not an IIN: it follows a "-").
    expect(text).not.toMatch(/(?<![\w-])\d{12}(?!\w)/);
  });
});
