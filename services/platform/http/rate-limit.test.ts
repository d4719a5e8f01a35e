import express from 'express';
import request from 'supertest';
import { fixedWindowRateLimit } from './rate-limit';

function app(countOnly?: (res: express.Response) => boolean) {
  const a = express();
  a.use(
    fixedWindowRateLimit({
      windowMs: 60_000,
      limit: 2,
      key: (req) => String(req.query.who),
      ...(countOnly ? { countOnly } : {}),
      onLimited: (_req, res) => void res.status(429).send('slow down'),
    }),
  );
  a.get('/', (req, res) => void res.status(req.query.fail ? 401 : 200).send('ok'));
  return a;
}

describe('fixed-window rate limit', () => {
  afterEach(() => jest.useRealTimers());

  test('limit per key with draft-8 headers; a new window after windowMs', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T05:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const a = app();
    const first = await request(a).get('/?who=a');
    expect(first.status).toBe(200);
    expect(first.headers.ratelimit).toBe('"2-in-1min"; r=1; t=60');
    expect(first.headers['ratelimit-policy']).toMatch(/^"2-in-1min"; q=2; w=60; pk=:[A-Za-z0-9+/=]+:$/);
    expect((await request(a).get('/?who=a')).status).toBe(200);
    const limited = await request(a).get('/?who=a');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await request(a).get('/?who=b')).status).toBe(200);
    jest.setSystemTime(new Date('2026-03-02T05:01:00Z'));
    expect((await request(a).get('/?who=a')).status).toBe(200);
  });

  test('countOnly: only the requests it accepts stay counted', async () => {
    const a = app((res) => res.statusCode === 401);
    for (let i = 0; i < 5; i += 1) expect((await request(a).get('/?who=ip')).status).toBe(200);
    expect((await request(a).get('/?who=ip&fail=1')).status).toBe(401);
    expect((await request(a).get('/?who=ip&fail=1')).status).toBe(401);
    expect((await request(a).get('/?who=ip')).status).toBe(429);
  });
});
