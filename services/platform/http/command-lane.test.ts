/**
 * The command lane (./command-lane.ts) in isolation: which requests it takes, the order of its steps, which body
 * reader it uses, and that errors reach the app's error handler as routed errors do.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import request from 'supertest';
import type { ServiceModule } from '../service-module';
import { installCommandLane, type CommandLaneOptions } from './command-lane';
import type { CommandHandlers } from './routes/commands';

/** The lane of one module, `/v1/things/cases`, with the given handlers. */
function installThingsLane(
  app: express.Express,
  handlers: CommandHandlers,
  options: Omit<CommandLaneOptions, 'routes'>,
  onError: Parameters<typeof installCommandLane>[2],
): void {
  const module = { basePath: '/v1/things/cases' } as ServiceModule;
  installCommandLane(app, { routes: [{ module, handlers }], ...options }, onError);
}

function laneApp(limit = 1000) {
  const calls: string[] = [];
  const step =
    (name: string): RequestHandler =>
    (_req, _res, next) => {
      calls.push(name);
      next();
    };
  const app = express();
  // The app's problem handler: what errors of the lane reach.
  const problems = (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { type?: string; status?: number; message: string };
    calls.push(`error ${e.type ?? e.message}`);
    res.status(e.status ?? 500).json({ error: e.type ?? e.message });
  };
  installThingsLane(
    app,
    {
      create: async (req, res) => {
        calls.push('create');
        res.status(201).json({ body: req.body as unknown, route: res.locals.route as unknown });
      },
      command: async (req, res) => {
        calls.push(`command ${req.params.caseId} ${req.params.command}`);
        if (req.params.command === 'Fail') throw new Error('handler failed');
        res.json({ body: req.body as unknown, route: res.locals.route as unknown });
      },
    },
    {
      appSteps: [step('request-id'), step('metrics')],
      steps: [step('ip-limit'), step('auth'), step('subject-limit')],
      jsonBody: (req, res, next) => {
        calls.push('express.json');
        express.json({ limit })(req, res, next);
      },
      bodyLimitBytes: limit,
    },
    problems,
  );
  app.use((req: Request, res: Response) => {
    calls.push('router');
    res.status(404).json({ routed: req.path });
  });
  app.use(problems);
  return { app, calls };
}

test('a plain create and a plain command are served by the lane: steps in order, then the handler', async () => {
  const { app, calls } = laneApp();
  const created = await request(app).post('/v1/things/cases').send({ a: 1 });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({ body: { a: 1 }, route: '/v1/things/cases' });
  expect(calls).toEqual(['request-id', 'metrics', 'ip-limit', 'auth', 'subject-limit', 'create']);
  calls.length = 0;
  const sent = await request(app)
    .post('/v1/things/cases/abc/commands/DoIt?x=1')
    .send({ b: [2] });
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ body: { b: [2] }, route: '/v1/things/cases/:caseId/commands/:command' });
  expect(calls).toEqual(['request-id', 'metrics', 'ip-limit', 'auth', 'subject-limit', 'command abc DoIt']);
});

test.each([
  ['another method', 'put', '/v1/things/cases/abc/commands/DoIt'],
  ['another casing', 'post', '/V1/things/cases/abc/commands/DoIt'],
  ['percent-encoding', 'post', '/v1/things/cases/a%20b/commands/DoIt'],
  ['an extra segment', 'post', '/v1/things/cases/abc/commands/DoIt/more'],
  ['not a command path', 'post', '/v1/things/cases/abc/documents/x'],
  ['another module', 'post', '/v1/other/cases'],
])('%s goes on to the router', async (_name, method, path) => {
  const { app, calls } = laneApp();
  const res = await (method === 'put' ? request(app).put(path) : request(app).post(path)).send({ a: 1 });
  expect(res.status).toBe(404);
  expect(calls).toEqual(['router']);
});

test('a trailing slash is taken, as the router takes it', async () => {
  const { app, calls } = laneApp();
  expect((await request(app).post('/v1/things/cases/').send({})).status).toBe(201);
  expect((await request(app).post('/v1/things/cases/abc/commands/DoIt/').send({})).status).toBe(200);
  expect(calls.filter((c) => c === 'router')).toEqual([]);
});

describe('the body', () => {
  test.each([
    ['malformed JSON', '{"a":', 'entity.parse.failed'],
    ['a JSON string (strict: objects and arrays only)', '"text"', 'entity.parse.failed'],
    ['a JSON number', ' 12', 'entity.parse.failed'],
  ])('%s → body-parser’s parse error, nothing handled', async (_name, raw, type) => {
    const { app, calls } = laneApp();
    const res = await request(app).post('/v1/things/cases/abc/commands/DoIt').type('application/json').send(raw);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: type });
    expect(calls).toEqual(['request-id', 'metrics', `error ${type}`]);
  });

  test('a byte-order mark is dropped, as body-parser drops it', async () => {
    const { app } = laneApp();
    const res = await request(app)
      .post('/v1/things/cases/abc/commands/DoIt')
      .type('application/json')
      .send('\ufeff{"a":1}');
    expect(res.body.body).toEqual({ a: 1 });
  });

  test.each([
    ['another charset', { 'content-type': 'application/json; charset=latin1' }, '{"a":1}'],
    ['+json media type', { 'content-type': 'application/merge-patch+json' }, '{"a":1}'],
    ['over the limit', { 'content-type': 'application/json' }, `{"a":"${'x'.repeat(2000)}"}`],
    ['an empty body', { 'content-type': 'application/json' }, ''],
  ])('%s → read by express.json, as routed', async (_name, headers, raw) => {
    const { app, calls } = laneApp();
    await request(app).post('/v1/things/cases/abc/commands/DoIt').set(headers).send(raw);
    expect(calls[2]).toBe('express.json');
  });

  test('a plain JSON body within the limit is read by the lane itself', async () => {
    const { app, calls } = laneApp();
    await request(app).post('/v1/things/cases/abc/commands/DoIt').send({ a: 1 });
    expect(calls).not.toContain('express.json');
  });
});

test("a step's error and a handler's throw go to the app's error handler", async () => {
  const { app, calls } = laneApp();
  const failed = await request(app).post('/v1/things/cases/abc/commands/Fail').send({});
  expect(failed.status).toBe(500);
  expect(calls.at(-1)).toBe('error handler failed');
});

describe('ahead of the app (installCommandLane)', () => {
  function aheadApp() {
    const calls: string[] = [];
    const app = express();
    installThingsLane(
      app,
      {
        create: async (req, res) => {
          calls.push('create');
          // Express's request and response, set up by the lane: req.get, res.status().json(), res.locals.
          res.status(201).json({ host: req.get('host') !== undefined, route: res.locals.route as unknown });
        },
        command: async () => {
          calls.push('command');
          throw new Error('handler failed');
        },
      },
      {
        appSteps: [],
        steps: [],
        jsonBody: express.json(),
        bodyLimitBytes: 1000,
      },
      (error, _req, res) => {
        calls.push(`onError ${(error as Error).message}`);
        res.status(418).json({ error: (error as Error).message });
      },
    );
    app.use((req, res) => {
      calls.push(`express ${req.method} ${req.path}`);
      res.status(404).json({});
    });
    return { app, calls };
  }

  test('a command never enters Express; the request and response are Express’s all the same', async () => {
    const { app, calls } = aheadApp();
    const res = await request(app).post('/v1/things/cases').send({ a: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ host: true, route: '/v1/things/cases' });
    expect(calls).toEqual(['create']);
  });

  test('what the lane declines goes through Express', async () => {
    const { app, calls } = aheadApp();
    await request(app).get('/v1/things/cases');
    await request(app).post('/v1/other');
    expect(calls).toEqual(['express GET /v1/things/cases', 'express POST /v1/other']);
  });

  test("an error in the lane goes to the app's problem handler, not into Express", async () => {
    const { app, calls } = aheadApp();
    const res = await request(app).post('/v1/things/cases/abc/commands/DoIt').send({});
    expect(res.status).toBe(418);
    expect(calls).toEqual(['command', 'onError handler failed']);
  });
});
