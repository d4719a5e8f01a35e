/**
 * The command lane (services/platform/http/command-lane.ts) answers exactly as the router does: every command below is sent
 * twice, once on the plain path (taken by the lane) and once on the same path in upper case (Express matches paths
 * without regard to case, the lane only the exact path, so that request goes through the router) — the same
 * status, problem code, headers and answer, good input and bad.
 */
import { validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { identityDataSteps } from '../../domain/privatization/testing/case-script';
import { startHarness, type Harness } from './harness';

let h: Harness;
let intake: string;
let officer: string;
beforeAll(async () => {
  h = await startHarness();
  intake = await h.token('intake-operator');
  officer = await h.token('provider-officer', { providerId: 'akimat-astana' });
});
afterAll(() => h.close());

const BASE = '/v1/privatization/cases';
const ROUTED = BASE.toUpperCase();
const submission = () => {
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId;
  return body;
};
/** Headers whose values differ between any two answers. */
const VARYING = new Set(['date', 'x-request-id', 'etag', 'location', 'content-length', 'ratelimit']);
const shape = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, VARYING.has(k) ? typeof v : v]));

async function caseVia(base: string) {
  const res = await h.http().post(base).set('Authorization', `Bearer ${intake}`).send(submission());
  return { res, caseId: (res.body as { caseId: string }).caseId };
}

test('a create answers the same on both paths (201, Location, ETag, headers, body members)', async () => {
  const lane = await caseVia(BASE);
  const routed = await caseVia(ROUTED);
  expect(lane.res.status).toBe(201);
  expect(routed.res.status).toBe(201);
  expect(shape(lane.res.headers)).toEqual(shape(routed.res.headers));
  expect(lane.res.headers.location).toBe(`${BASE}/${lane.caseId}`);
  expect(routed.res.headers.location).toBe(`${BASE}/${routed.caseId}`);
  expect(Object.keys(lane.res.body as object).sort()).toEqual(Object.keys(routed.res.body as object).sort());
});

test('a command answers the same on both paths, and both are appended', async () => {
  const [a, b] = [await caseVia(BASE), await caseVia(BASE)];
  const step = identityDataSteps()[0]!;
  const lane = await h
    .http()
    .post(`${BASE}/${a.caseId}/commands/${step.type}`)
    .set('Authorization', `Bearer ${officer}`)
    .send(step.data);
  const routed = await h
    .http()
    .post(`${ROUTED}/${b.caseId}/commands/${step.type}`)
    .set('Authorization', `Bearer ${officer}`)
    .send(step.data);
  expect(lane.status).toBe(200);
  expect(routed.status).toBe(200);
  expect(shape(lane.headers)).toEqual(shape(routed.headers));
  const strip = (body: { events: { eventId: string; position: number; recordedAt: string }[] }) =>
    body.events.map(({ eventId: _i, position: _p, recordedAt: _r, ...rest }) => rest);
  expect(strip(lane.body)).toEqual(strip(routed.body));
});

describe('bad input: the same problem on both paths, nothing appended', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await caseVia(BASE)).caseId;
  });
  const step = identityDataSteps()[1]!;
  const cases: [string, (base: string) => Promise<import('supertest').Response>][] = [
    ['no token', (base) => h.http().post(`${base}/${caseId}/commands/${step.type}`).send(step.data)],
    [
      'a role that may not send it',
      (base) =>
        h
          .http()
          .post(`${base}/${caseId}/commands/${step.type}`)
          .set('Authorization', `Bearer ${intake}`)
          .send(step.data),
    ],
    [
      'malformed JSON',
      (base) =>
        h
          .http()
          .post(`${base}/${caseId}/commands/${step.type}`)
          .set('Authorization', `Bearer ${officer}`)
          .type('application/json')
          .send('{"kind":'),
    ],
    [
      'a JSON scalar',
      (base) =>
        h
          .http()
          .post(`${base}/${caseId}/commands/${step.type}`)
          .set('Authorization', `Bearer ${officer}`)
          .type('application/json')
          .send('"identity"'),
    ],
    [
      'an unknown field',
      (base) =>
        h
          .http()
          .post(`${base}/${caseId}/commands/${step.type}`)
          .set('Authorization', `Bearer ${officer}`)
          .send({ ...step.data, extra: 1 }),
    ],
    [
      'an unknown command',
      (base) =>
        h.http().post(`${base}/${caseId}/commands/DoSomething`).set('Authorization', `Bearer ${officer}`).send({}),
    ],
    [
      'a body over the limit',
      (base) =>
        h
          .http()
          .post(`${base}/${caseId}/commands/${step.type}`)
          .set('Authorization', `Bearer ${officer}`)
          .send({ ...step.data, reference: 'x'.repeat(300 * 1024) }),
    ],
    [
      'a charset body-parser refuses',
      (base) =>
        h
          .http()
          .post(`${base}/${caseId}/commands/${step.type}`)
          .set('Authorization', `Bearer ${officer}`)
          .set('Content-Type', 'application/json; charset=klingon')
          .send(JSON.stringify(step.data)),
    ],
  ];
  test.each(cases)('%s', async (_name, send) => {
    const before = await h.head();
    const lane = await send(BASE);
    const routed = await send(ROUTED);
    expect(lane.status).toBeGreaterThanOrEqual(400);
    expect([lane.status, lane.body.code, lane.type]).toEqual([routed.status, routed.body.code, routed.type]);
    expect(await h.head()).toBe(before);
  });
});

test('a body with a byte-order mark is accepted on both paths', async () => {
  const [a, b] = [await caseVia(BASE), await caseVia(BASE)];
  const step = identityDataSteps()[0]!;
  const send = (path: string) =>
    h
      .http()
      .post(path)
      .set('Authorization', `Bearer ${officer}`)
      .type('application/json')
      .send(`\ufeff${JSON.stringify(step.data)}`);
  const lane = await send(`${BASE}/${a.caseId}/commands/${step.type}`);
  const routed = await send(`${ROUTED}/${b.caseId}/commands/${step.type}`);
  expect([lane.status, routed.status]).toEqual([200, 200]);
});

test("the lane's requests are measured under the route's template", async () => {
  const metrics = await h.http().get('/metrics');
  expect(metrics.text).toMatch(/route="\/v1\/privatization\/cases\/:caseId\/commands\/:command"/);
  expect(metrics.text).toMatch(/route="\/v1\/privatization\/cases",status="201"/);
});

test('a lane request is in the access log under its request id, as a routed one', async () => {
  const { caseId } = await caseVia(BASE);
  const step = identityDataSteps()[2]!;
  const res = await h
    .http()
    .post(`${BASE}/${caseId}/commands/${step.type}`)
    .set('Authorization', `Bearer ${officer}`)
    .set('X-Request-Id', 'lane-log-check-1')
    .send(step.data);
  expect(res.headers['x-request-id']).toBe('lane-log-check-1');
  const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.reqId === 'lane-log-check-1');
  expect(line).toMatchObject({ msg: 'request completed', res: { statusCode: 200 }, roles: ['provider-officer'] });
});
