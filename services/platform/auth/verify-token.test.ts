/**
 * The verified-token cache must not change what is accepted: a cached token is still refused once it expires
 * (exp checked against the clock on every request), and a token that never verified is never served from it.
 */
import { SignJWT } from 'jose';
import { createTokenVerifier } from './verify-token';

const secret = 'test-secret-0123456789abcdef0123456789';
const options = { secret, issuer: 'kezen-dev', audience: 'kezen', clockToleranceSeconds: 0 };
const T0 = Date.parse('2026-03-02T09:00:00Z');

const sign = (claims: { exp: number; nbf?: number }, key = secret) =>
  new SignJWT({ roles: ['provider-officer'], providerId: 'akimat-astana', ...(claims.nbf ? { nbf: claims.nbf } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('officer-1')
    .setIssuer('kezen-dev')
    .setAudience('kezen')
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(key));

describe('token verification with the verified-token cache', () => {
  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  test('a token verified once is refused after its exp, as on the first request', async () => {
    const verify = createTokenVerifier(options);
    const token = await sign({ exp: T0 / 1000 + 60 });
    expect((await verify(token)).sub).toBe('officer-1');
    expect((await verify(token)).roles).toEqual(['provider-officer']);
    jest.setSystemTime(T0 + 61_000);
    await expect(verify(token)).rejects.toMatchObject({ code: 'token-expired' });
  });

  test('a token not yet valid (nbf) is refused even if it was never cached, and accepted from its nbf', async () => {
    const verify = createTokenVerifier(options);
    const token = await sign({ nbf: T0 / 1000 + 30, exp: T0 / 1000 + 600 });
    await expect(verify(token)).rejects.toMatchObject({ code: 'token-claims' });
    jest.setSystemTime(T0 + 31_000);
    expect((await verify(token)).sub).toBe('officer-1');
  });

  test('a token with a bad signature is refused every time', async () => {
    const verify = createTokenVerifier(options);
    const forged = await sign({ exp: T0 / 1000 + 60 }, 'another-secret-0123456789abcdef01234');
    await expect(verify(forged)).rejects.toMatchObject({ code: 'token-invalid' });
    await expect(verify(forged)).rejects.toMatchObject({ code: 'token-invalid' });
  });

  test('the principal served from the cache cannot be changed by a request', async () => {
    const verify = createTokenVerifier(options);
    const token = await sign({ exp: T0 / 1000 + 60 });
    const p = await verify(token);
    expect(() => (p.roles as string[]).push('auditor')).toThrow();
    expect((await verify(token)).roles).toEqual(['provider-officer']);
  });
});
