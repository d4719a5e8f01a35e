/**
 * Bearer tokens beyond test/e2e/authorization.test.ts (which covers alg none, RS256 against the HS256 default, expiry,
 * nbf, iss, aud, a wrong secret): a tampered payload with the signature kept, other HMAC algorithms, a `kid` pointing
 * elsewhere, an unknown `crit` header, missing or malformed claims, oversized tokens — over HTTP on the embedded
 * default — and, for production (KEZEN_JWKS_URL, docs/HTTP-CONTRACT.md "Auth"), HS/RS confusion with the public key as
 * HMAC secret, a key embedded in the header (`jwk`), a foreign `kid`, against a real JWKS endpoint.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import { createTokenVerifier, type TokenVerifier } from '../../services/platform/auth/verify-token';
import { SECRET, startHarness, type Harness } from '../e2e/harness';

const secret = new TextEncoder().encode(SECRET);
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const parts = (t: string) => t.split('.') as [string, string, string];
const decode = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;

function signed(claims: Record<string, unknown>, header: Record<string, unknown> = {}, alg = 'HS256') {
  return new SignJWT({ roles: ['auditor'], ...claims })
    .setProtectedHeader({ alg, ...header })
    .setSubject('jwt-test')
    .setIssuer('kezen-dev')
    .setAudience('kezen')
    .setExpirationTime('1h')
    .sign(secret);
}

/** A route behind authentication that depends on nothing else: 404 (no such stream) once the token is accepted. */
const PROBE = '/v1/audit/streams/privatization-00000000-0000-4000-8000-000000000000/verify';
async function answer(token: string, path = PROBE) {
  return h.http().get(path).set('Authorization', `Bearer ${token}`);
}

/** HS256 by hand, for headers a JWT library refuses to produce (e.g. an unknown `crit`). */
function rawHs256(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);
const honestPayload = () => ({ sub: 'x', iss: 'kezen-dev', aud: 'kezen', exp: now() + 3600, roles: ['auditor'] });

describe('embedded default (HS256): every forged or malformed token → 401 problem+json', () => {
  test('control: an honest token is accepted (hand-made and by the library)', async () => {
    expect((await answer(await signed({}))).status).toBe(404);
    expect((await answer(rawHs256({ alg: 'HS256', typ: 'JWT' }, honestPayload()))).status).toBe(404);
  });

  const forged: [string, () => Promise<string>][] = [
    [
      'tampered payload, signature kept (provider-officer → auditor)',
      async () => {
        const [hd, , sig] = parts(await signed({ roles: ['provider-officer'], providerId: 'akimat-astana' }));
        const payload = decode(parts(await signed({ roles: ['provider-officer'], providerId: 'akimat-astana' }))[1]);
        return `${hd}.${b64({ ...payload, roles: ['auditor'] })}.${sig}`;
      },
    ],
    [
      'tampered payload, signature kept (providerId changed)',
      async () => {
        const t = await signed({ roles: ['provider-officer'], providerId: 'akimat-astana' });
        const [hd, pl, sig] = parts(t);
        return `${hd}.${b64({ ...decode(pl), providerId: 'akimat-almaty' })}.${sig}`;
      },
    ],
    [
      'tampered payload, signature kept (exp pushed forward)',
      async () => {
        const [hd, pl, sig] = parts(await signed({}));
        return `${hd}.${b64({ ...decode(pl), exp: 4_102_444_800 })}.${sig}`;
      },
    ],
    [
      'header switched to alg none, signature kept',
      async () => {
        const [, pl, sig] = parts(await signed({}));
        return `${b64({ alg: 'none' })}.${pl}.${sig}`;
      },
    ],
    [
      'signature stripped',
      async () =>
        `${parts(await signed({}))
          .slice(0, 2)
          .join('.')}.`,
    ],
    ['HS512 with the right secret (algorithm not pinned?)', () => signed({}, {}, 'HS512')],
    ['HS384 with the right secret', () => signed({}, {}, 'HS384')],
    [
      'kid pointing at a file, signed with an empty-ish key',
      () =>
        new SignJWT({ roles: ['auditor'] })
          .setProtectedHeader({ alg: 'HS256', kid: '../../../../dev/null' })
          .setSubject('x')
          .setIssuer('kezen-dev')
          .setAudience('kezen')
          .setExpirationTime('1h')
          .sign(new Uint8Array(32)),
    ],
    [
      'an unknown critical header (crit)',
      async () => rawHs256({ alg: 'HS256', crit: ['kezen-unknown'], 'kezen-unknown': true }, honestPayload()),
    ],
    ['crit that is not an array', async () => rawHs256({ alg: 'HS256', crit: 'exp' }, honestPayload())],
    [
      'a header that is not JSON',
      async () => `${Buffer.from('{alg:HS256').toString('base64url')}.${b64(honestPayload())}.x`,
    ],
    [
      'a payload that is a JSON array',
      async () => rawHs256({ alg: 'HS256' }, [] as unknown as Record<string, unknown>),
    ],
    ['exp as a string', async () => rawHs256({ alg: 'HS256' }, { ...honestPayload(), exp: String(now() + 3600) })],
    [
      'no exp claim',
      () =>
        new SignJWT({ roles: ['auditor'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer('kezen-dev')
          .setAudience('kezen')
          .sign(secret),
    ],
    [
      'no sub claim',
      () =>
        new SignJWT({ roles: ['auditor'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('kezen-dev')
          .setAudience('kezen')
          .setExpirationTime('1h')
          .sign(secret),
    ],
    ['roles is a string, not an array', () => signed({ roles: 'auditor' })],
    ['roles empty', () => signed({ roles: [] })],
    ['iin claim not 12 digits', () => signed({ roles: ['applicant'], iin: '85031430101' })],
    ['providerId claim not a string', () => signed({ roles: ['provider-officer'], providerId: ['akimat-astana'] })],
    [
      'issuer as an array smuggling the right one',
      async () => rawHs256({ alg: 'HS256' }, { ...honestPayload(), iss: ['evil', 'kezen-dev'] }),
    ],
    [
      'an oversized forged token (12 kB of claims, signature of another payload)',
      async () => {
        const [hd, , sig] = parts(await signed({}));
        return `${hd}.${b64({ ...honestPayload(), pad: 'x'.repeat(12_000) })}.${sig}`;
      },
    ],
    ['three dots of garbage', async () => 'a.b.c'],
    ['a JWE-shaped token (five parts)', async () => 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaa.bbbb.cccc'],
  ];
  test.each(forged)('%s', async (_name, make) => {
    const before = await h.head();
    const res = await answer(await make());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401 });
    expect(typeof res.body.code).toBe('string');
    expect(await h.head()).toBe(before);
  });

  test('a token beyond the HTTP header limit is refused before the app (431), never accepted', async () => {
    const res = await answer(await signed({ pad: 'x'.repeat(40_000) }));
    expect([401, 431]).toContain(res.status);
  });

  test('an applicant token carrying a providerId claim is not widened to provider staff (feed, dashboard: 403)', async () => {
    const t = await signed({ roles: ['applicant'], iin: '850314301011', providerId: 'akimat-astana' });
    expect((await answer(t, '/v1/monitoring/feed')).status).toBe(403);
    expect((await answer(t, '/v1/dashboard')).status).toBe(403);
  });
});

describe('production (JWKS, RS256/ES256): key confusion against a real JWKS endpoint', () => {
  let server: Server;
  let verify: TokenVerifier;
  let privateKey: KeyLike;
  let publicPem: string;
  let jwk: Record<string, unknown>;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'kezen-1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    verify = createTokenVerifier({
      issuer: 'kezen-dev',
      audience: 'kezen',
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    });
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  const claims = (jwt: SignJWT) =>
    jwt.setSubject('p').setIssuer('kezen-dev').setAudience('kezen').setExpirationTime('1h');

  test('control: RS256 signed by the published key is accepted', async () => {
    const t = await claims(
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'RS256', kid: 'kezen-1' }),
    ).sign(privateKey);
    await expect(verify(t)).resolves.toMatchObject({ sub: 'p', roles: ['auditor'] });
  });
  test('HS256 signed with the public key (PEM) as the HMAC secret → refused', async () => {
    const t = await claims(
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'HS256', kid: 'kezen-1' }),
    ).sign(new TextEncoder().encode(publicPem));
    await expect(verify(t)).rejects.toMatchObject({ name: 'Unauthenticated' });
  });
  test('HS256 signed with the JWK JSON as the HMAC secret → refused', async () => {
    const t = await claims(new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'HS256' })).sign(
      new TextEncoder().encode(JSON.stringify(jwk)),
    );
    await expect(verify(t)).rejects.toMatchObject({ name: 'Unauthenticated' });
  });
  test("an attacker's key embedded in the header (jwk) → refused", async () => {
    const evil = await generateKeyPair('RS256');
    const t = await claims(
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(evil.publicKey) }),
    ).sign(evil.privateKey);
    await expect(verify(t)).rejects.toMatchObject({ name: 'Unauthenticated' });
  });
  test('the published kid on a token signed by another key → refused', async () => {
    const evil = await generateKeyPair('RS256');
    const t = await claims(
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'RS256', kid: 'kezen-1' }),
    ).sign(evil.privateKey);
    await expect(verify(t)).rejects.toMatchObject({ name: 'Unauthenticated' });
  });
  test('a kid that is not published, with a jku pointing elsewhere → refused', async () => {
    const evil = await generateKeyPair('RS256');
    const t = await claims(
      new SignJWT({ roles: ['auditor'] }).setProtectedHeader({
        alg: 'RS256',
        kid: 'evil',
        jku: 'http://127.0.0.1:1/evil.json',
      }),
    ).sign(evil.privateKey);
    await expect(verify(t)).rejects.toMatchObject({ name: 'Unauthenticated' });
  });
  test('a tampered payload on a genuine RS256 token → refused', async () => {
    const t = await claims(
      new SignJWT({ roles: ['provider-officer'], providerId: 'a' }).setProtectedHeader({
        alg: 'RS256',
        kid: 'kezen-1',
      }),
    ).sign(privateKey);
    const [hd, pl, sig] = parts(t);
    await expect(verify(`${hd}.${b64({ ...decode(pl), roles: ['auditor'] })}.${sig}`)).rejects.toMatchObject({
      name: 'Unauthenticated',
    });
  });
});
