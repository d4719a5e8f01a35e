/** httpServerFor: requests and responses arrive with the app's prototypes already, and Express works as ever. */
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { httpServerFor } from './server';

function appUnderTest() {
  const app = express();
  app.set('trust proxy', false);
  app.use(express.json());
  app.get('/echo', (req, res) => {
    res
      .status(200)
      .set('X-Seen', req.get('x-probe') ?? '')
      .json({ app: req.app === app, ip: req.ip });
  });
  app.post('/body', (req, res) => {
    res.status(201).json(req.body);
  });
  app.get('/boom', () => {
    throw new Error('boom');
  });
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ error: 'handled' });
  });
  return app;
}

async function listening(app: express.Express) {
  const server = httpServerFor(app);
  const prototypes: boolean[] = [];
  // Before the app sees the request (and before Express would set the prototypes itself).
  server.prependListener('request', (req, res) => {
    prototypes.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    prototypes,
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

test('every request and response is born with the app’s prototypes', async () => {
  const app = appUnderTest();
  const s = await listening(app);
  try {
    for (let i = 0; i < 3; i++) await request(s.server).get('/echo').expect(200);
    expect(s.prototypes).toEqual([true, true, true]);
  } finally {
    await s.close();
  }
});

test('Express behaves as over app.listen: headers, req.app, req.ip, JSON bodies, errors, 404', async () => {
  const app = appUnderTest();
  const s = await listening(app);
  try {
    const echo = await request(s.server).get('/echo').set('X-Probe', 'p1').expect(200);
    expect(echo.headers['x-seen']).toBe('p1');
    expect(echo.body).toEqual({ app: true, ip: '127.0.0.1' });
    expect(
      (
        await request(s.server)
          .post('/body')
          .send({ a: [1, 2] })
          .expect(201)
      ).body,
    ).toEqual({ a: [1, 2] });
    expect((await request(s.server).get('/boom').expect(500)).body).toEqual({ error: 'handled' });
    await request(s.server).get('/nowhere').expect(404);
  } finally {
    await s.close();
  }
});

test('keep-alive: several requests on one connection each get a fresh request object', async () => {
  const app = appUnderTest();
  const seen: unknown[] = [];
  app.get('/who', (req, res) => {
    seen.push(req);
    res.json({ n: seen.length });
  });
  const s = await listening(app);
  try {
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 1; i <= 3; i++) {
      const body = await fetchJson(s.port, '/who', agent);
      expect(body).toEqual({ n: i });
    }
    agent.destroy();
    expect(new Set(seen).size).toBe(3);
    expect(s.prototypes.every(Boolean)).toBe(true);
  } finally {
    await s.close();
  }
});

async function fetchJson(port: number, path: string, agent: import('node:http').Agent): Promise<unknown> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    }).on('error', reject);
  });
}
