/**
 * No personal data where it does not belong (docs/HTTP-CONTRACT.md "Personal data"; Rules §11: the monitoring messages
 * carry stages and dates, not people): after a session that puts every IIN and name of the test data through the API —
 * in bodies, in URLs, in query strings, in bad requests that fail — the logs, the /metrics output and the monitoring
 * feed (JSON and SSE) contain none of them. And IINs and names are masked in every case read for the roles that do not
 * need them (auditor, monitoring — services/platform/roles.ts), JSON and PDF alike, while the investigator
 * reconstructing a case sees them in clear.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { TEST_IINS } from '../../domain/privatization/testing/fixtures';
import { ALL_IINS, ALL_NAMES, COMPLAINTS, HA, PRIV, startWorld, type World } from './world';

// pdf-parse 1.x: the library entry (its index runs a self-test when it has no parent module).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

let w: World;
beforeAll(async () => {
  w = await startWorld();
  // Personal data in every place a client can put it, including requests that fail.
  const officer = await w.token('provider-officer', { providerId: 'akimat-astana' });
  const send = (path: string, body: unknown) =>
    w.h
      .http()
      .post(path)
      .set('Authorization', `Bearer ${officer}`)
      .send(body as object);
  await send(`${PRIV}/${w.caseA}/commands/RecordGatewayData`, {
    kind: 'identity',
    subjectIin: TEST_IINS.applicant,
    available: true,
    reference: 'GW-1',
  });
  await send(`${PRIV}/${w.caseA}/commands/RecordGatewayData`, { kind: 'identity', subjectIin: 'Seitkali Arman' });
  for (const iin of ALL_IINS) {
    await w.h.http().get(`${PRIV}/${iin}`).set('Authorization', `Bearer ${officer}`);
    await w.h.http().get(`${PRIV}?providerId=${iin}&stage=${iin}`).set('Authorization', `Bearer ${officer}`);
    await w.h
      .http()
      .get(`/v1/audit/streams/${privatizationStream(iin)}/verify`)
      .set('Authorization', `Bearer ${officer}`);
  }
  await w.h
    .http()
    .post(PRIV)
    .set('Authorization', `Bearer ${await w.token('intake-operator')}`)
    .set('Content-Type', 'application/json')
    .send(`{"applicant":{"iin":"${TEST_IINS.spouse}","fullName":"Seitkali Aigerim"`);
  // An applicant whose token subject is their IIN (eGov identities): the subject is logged, masked.
  const bySubject = await w.h.token('applicant', { iin: TEST_IINS.applicant, sub: TEST_IINS.applicant });
  await w.h.http().get(`${PRIV}/${w.caseA}`).set('Authorization', `Bearer ${bySubject}`);
  await w.h.kezen.projector.waitForPosition(await w.h.head(), 5000);
});
afterAll(async () => w.h.close());

function expectNoPersonalData(where: string, text: string) {
  for (const iin of ALL_IINS) expect({ where, iin, found: text.includes(iin) }).toEqual({ where, iin, found: false });
  for (const name of ALL_NAMES)
    expect({ where, name, found: text.includes(name) }).toEqual({ where, name, found: false });
}

test('the logs carry no IIN and no name', () => {
  const text = w.h.logs.join('');
  expect(text.length).toBeGreaterThan(5000);
  expectNoPersonalData('logs', text);
});

test('/metrics carries no IIN, no name, and no raw ids in route labels', async () => {
  const res = await w.h.http().get('/metrics');
  expect(res.status).toBe(200);
  expectNoPersonalData('metrics', res.text);
  expect(res.text).not.toContain(w.caseA);
});

test('the monitoring feed (JSON and SSE) carries no IIN and no name (Rules §11)', async () => {
  const monitoring = await w.token('monitoring');
  const page = await w.h.http().get('/v1/monitoring/feed?limit=1000').set('Authorization', `Bearer ${monitoring}`);
  expect(page.status).toBe(200);
  expect(page.body.items.length).toBeGreaterThanOrEqual(3);
  expectNoPersonalData('feed JSON', JSON.stringify(page.body));
  const sse = await new Promise<string>((resolve) => {
    let body = '';
    void w.h
      .http()
      .get('/v1/monitoring/feed')
      .set('Authorization', `Bearer ${monitoring}`)
      .set('Accept', 'text/event-stream')
      .buffer(false)
      .parse((res, done) => {
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        setTimeout(() => {
          (res as unknown as { destroy(): void }).destroy();
          done(null, body);
          resolve(body);
        }, 300);
      })
      .catch(() => resolve(body));
  });
  expect(sse).toContain('data: ');
  expectNoPersonalData('feed SSE', sse);
});

/** Every case read that shows people. */
const reads = (w: World) => [
  `${PRIV}/${w.caseA}`,
  `${PRIV}/${w.caseA}/timeline`,
  `${PRIV}/${w.caseA}/state?asOf=2026-03-03T00:00:00Z`,
  `${PRIV}/${w.caseA}/diff?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z`,
  `${PRIV}/${w.caseA}/file`,
  `${PRIV}/${w.caseA}/compliance`,
  `${PRIV}?limit=100`,
  `${HA}/${w.haCase}`,
  `${HA}/${w.haCase}/state?asOf=2026-03-03T00:00:00Z`,
  `${HA}/${w.haCase}/file`,
  `${HA}?limit=100`,
  `${COMPLAINTS}/${w.complaintA}`,
  `${COMPLAINTS}/${w.complaintA}/state?asOf=2026-03-03T00:00:00Z`,
  `${COMPLAINTS}?limit=100`,
];

describe.each([['auditor'], ['monitoring']] as const)('%s: IINs and names masked in every case read', (role) => {
  test('JSON reads', async () => {
    const token = await w.token(role);
    for (const path of reads(w)) {
      const res = await w.h.http().get(path).set('Authorization', `Bearer ${token}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expectNoPersonalData(`${role} ${path}`, JSON.stringify(res.body));
    }
  });
  test('the case file as PDF', async () => {
    const token = await w.token(role);
    for (const path of [`${PRIV}/${w.caseA}/file?format=pdf`, `${HA}/${w.haCase}/file?format=pdf`]) {
      const res = await w.h
        .http()
        .get(path)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const { text } = await pdfParse(res.body as Buffer);
      expect(text.length).toBeGreaterThan(100);
      expectNoPersonalData(`${role} ${path}`, text.replace(/\s+/g, ' '));
    }
  });
});

test('the investigator reconstructing a case sees IINs in clear (the role needs them)', async () => {
  const res = await w.h
    .http()
    .get(`${PRIV}/${w.caseA}/file`)
    .set('Authorization', `Bearer ${await w.token('investigator')}`);
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).toContain(TEST_IINS.applicant);
});
