/**
 * The public HTTP contract end to end on the embedded default (docs/HTTP-CONTRACT.md): a track-1
 * lifecycle through the API, time travel, the audit chain, If-Match (412) and Idempotency-Key, and the bad-input
 * table — every rejection checked to have appended nothing (the log head does not move).
 */
import { privatizationStream } from '../../domain/privatization/stream';
import {
  adoptDecision,
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../../domain/privatization/testing/case-script';
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { receiptNumberOf } from '../../domain/privatization/application/submit';
import { startHarness, type Harness } from './harness';

const BASE = '/v1/privatization/cases';
let h: Harness;
let intake: string;
let officer: string;
let secretary: string;
let head: string;

beforeAll(async () => {
  h = await startHarness();
  intake = await h.token('intake-operator');
  officer = await h.token('provider-officer', { providerId: 'akimat-astana' });
  secretary = await h.token('commission-secretary', { providerId: 'akimat-astana' });
  head = await h.token('provider-head', { providerId: 'akimat-astana' });
});
afterAll(async () => {
  if (process.env.E2E_DEBUG) console.log(h.logs.filter((l) => l.includes('"level":"error"')).join(''));
  await h.close();
});

const submitBody = () => {
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId; // the API assigns it
  return body;
};

async function send(token: string, caseId: string, name: string, data: unknown, headers: Record<string, string> = {}) {
  const req = h.http().post(`${BASE}/${caseId}/commands/${name}`).set('Authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send(data as object);
}

describe('Track 1 lifecycle over HTTP (Rules §5, §6, §9.1, Annex 1 item 3.1)', () => {
  let caseId: string;
  let afterRegistration: string;

  test('POST /cases → 201 with caseId, Location, registration date, due dates and the receipt (Rules §5, §6)', async () => {
    h.setNow('2026-03-02T05:00:00Z');
    const res = await h.http().post(BASE).set('Authorization', `Bearer ${intake}`).send(submitBody());
    expect(res.status).toBe(201);
    caseId = res.body.caseId;
    expect(res.headers.location).toBe(`${BASE}/${caseId}`);
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
    expect(res.body).toMatchObject({
      registrationDate: '2026-03-02',
      dueDates: [expect.objectContaining({ deadlineId: 'decision', dueOn: '2026-04-01' })],
      receipt: { receiptNumber: receiptNumberOf(caseId, '2026-03-02'), resultDate: '2026-04-01' },
    });
    expect(res.body.position).toBeGreaterThan(0);
    afterRegistration = '2026-03-02T12:00:00.000Z';
  });

  test('stage 2 through the commands route: gateway data, review, commission, votes, decision', async () => {
    h.setNow('2026-03-03T05:00:00Z');
    for (const c of identityDataSteps()) expect((await send(officer, caseId, c.type, c.data)).status).toBe(200);
    h.setNow('2026-03-04T05:00:00Z');
    expect((await send(officer, caseId, reviewCompliant.type, reviewCompliant.data)).status).toBe(200);
    h.setNow('2026-03-05T05:00:00Z');
    expect((await send(secretary, caseId, formCommission.type, formCommission.data)).status).toBe(200);
    for (const v of votes('for', 'for', 'against'))
      expect((await send(secretary, caseId, v.type, v.data)).status).toBe(200);
    h.setNow('2026-03-06T05:00:00Z');
    const decision = adoptDecision(caseId, '2026-03-06T04:30:00Z');
    const res = await send(head, caseId, decision.type, decision.data);
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toContain('PrivatizationDecisionAdopted');
  });

  test('contract and result (Annex 1 item 3, Rules §6)', async () => {
    h.setNow('2026-03-10T05:00:00Z');
    for (const c of dwellingDataSteps()) expect((await send(officer, caseId, c.type, c.data)).status).toBe(200);
    h.setNow('2026-03-11T05:00:00Z');
    const contract = await send(head, caseId, 'SignContract', {
      contractNumber: 'PC-2026-31',
      contractForm: 'electronic',
    });
    expect(contract.status).toBe(200);
    h.setNow('2026-03-12T05:00:00Z');
    const result = await send(intake, caseId, 'IssueResult', {
      delivery: {
        channel: 'state-corporation',
        receiptNumber: receiptNumberOf(caseId, '2026-03-02'),
        recipient: 'applicant',
        identityVerifiedBy: 'identity-document',
      },
    });
    expect(result.status).toBe(200);
    const state = await h.http().get(`${BASE}/${caseId}/state`).set('Authorization', `Bearer ${officer}`);
    expect(state.body.state).toMatchObject({ status: 'contracted', resultIssued: true });
  });

  test('case view, timeline and list read the privatization read models; a case owing no deadline is not overdue', async () => {
    const view = await h.http().get(`${BASE}/${caseId}`).set('Authorization', `Bearer ${officer}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ caseId, providerId: 'akimat-astana', overdue: false, openDueOn: null });
    const timeline = await h.http().get(`${BASE}/${caseId}/timeline`).set('Authorization', `Bearer ${officer}`);
    expect(timeline.status).toBe(200);
    const types = (timeline.body.steps as { type: string }[]).map((s) => s.type);
    expect(types).toEqual(expect.arrayContaining(['ApplicationRegistered', 'DeadlineSet', 'ContractSigned']));
    expect(timeline.body.complianceReport).toBeDefined();
    const ids = async (query: string) => {
      const res = await h.http().get(`${BASE}?${query}`).set('Authorization', `Bearer ${officer}`);
      expect(res.status).toBe(200);
      return (res.body.items as { caseId: string }[]).map((i) => i.caseId);
    };
    // ?overdue=false means "not overdue", which includes a case with no deadline owed (openDueOn null).
    expect(await ids('overdue=false&limit=200')).toContain(caseId);
    expect(await ids('overdue=true&limit=200')).not.toContain(caseId);
  });

  test('time travel: state?asOf= just after registration equals the state folded from the events up to then', async () => {
    const res = await h
      .http()
      .get(`${BASE}/${caseId}/state?asOf=${afterRegistration}`)
      .set('Authorization', `Bearer ${officer}`);
    expect(res.status).toBe(200);
    // Business time by default: the events that had OCCURRED by then, folded with the decider's own evolve.
    const module = h.kezen.modules[0]!;
    const events = await h.kezen.eventStore.readStream(privatizationStream(caseId));
    const folded = events
      .filter((e) => Date.parse(e.metadata.occurredAt) <= Date.parse(afterRegistration))
      .reduce((s, e) => module.decider.evolve(s, e), module.decider.initialState);
    expect(res.body.by).toBe('occurredAt');
    expect(res.body.state).toEqual(JSON.parse(JSON.stringify(folded)));
    expect(res.body.state).toMatchObject({ status: 'registered' });
    const badAxis = await h
      .http()
      .get(`${BASE}/${caseId}/state?asOf=${afterRegistration}&by=validFrom`)
      .set('Authorization', `Bearer ${officer}`);
    expect(badAxis.status).toBe(400);
    const before = await h
      .http()
      .get(`${BASE}/${caseId}/state?asOf=2000-01-01T00:00:00Z`)
      .set('Authorization', `Bearer ${officer}`);
    expect(before.status).toBe(404);
  });

  test('the audit route verifies the hash chain of the stream', async () => {
    const auditor = await h.token('auditor');
    const res = await h
      .http()
      .get(`/v1/audit/streams/${privatizationStream(caseId)}/verify`)
      .set('Authorization', `Bearer ${auditor}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true });
    expect(res.body.checked).toBeGreaterThan(10);
  });
});

describe('If-Match, Idempotency-Key (docs/HTTP-CONTRACT.md "Commands")', () => {
  let caseId: string;
  let revision: number;
  beforeAll(async () => {
    h.setNow('2026-03-02T05:00:00Z');
    const res = await h.http().post(BASE).set('Authorization', `Bearer ${intake}`).send(submitBody());
    caseId = res.body.caseId;
    revision = res.body.revision;
  });

  test('a stale If-Match is answered 412 and appends nothing', async () => {
    const before = await h.head();
    const step = identityDataSteps()[0]!;
    const res = await send(officer, caseId, step.type, step.data, { 'If-Match': `"${revision - 1}"` });
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'revision-mismatch', status: 412 });
    expect(await h.head()).toBe(before);
    const ok = await send(officer, caseId, step.type, step.data, { 'If-Match': `"${revision}"` });
    expect(ok.status).toBe(200);
    expect(ok.body.revision).toBeGreaterThan(revision);
  });

  test('a retried command with the same Idempotency-Key returns the first answer and appends nothing', async () => {
    const step = identityDataSteps()[1]!;
    const first = await send(officer, caseId, step.type, step.data, { 'Idempotency-Key': 'retry-1' });
    expect(first.status).toBe(200);
    const before = await h.head();
    const again = await send(officer, caseId, step.type, step.data, { 'Idempotency-Key': 'retry-1' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ revision: first.body.revision, position: first.body.position, replayed: true });
    expect(await h.head()).toBe(before);
  });

  test('a retried create with the same Idempotency-Key names the same case and appends nothing', async () => {
    const first = await h
      .http()
      .post(BASE)
      .set('Authorization', `Bearer ${intake}`)
      .set('Idempotency-Key', 'create-1')
      .send(submitBody());
    expect(first.status).toBe(201);
    const before = await h.head();
    const again = await h
      .http()
      .post(BASE)
      .set('Authorization', `Bearer ${intake}`)
      .set('Idempotency-Key', 'create-1')
      .send(submitBody());
    expect(again.status).toBe(201);
    expect(again.body.caseId).toBe(first.body.caseId);
    expect(await h.head()).toBe(before);
  });
});

describe('Bad input is answered 400 with problem+json and changes nothing (docs/HTTP-CONTRACT.md "Errors")', () => {
  let caseId: string;
  beforeAll(async () => {
    const res = await h.http().post(BASE).set('Authorization', `Bearer ${intake}`).send(submitBody());
    caseId = res.body.caseId;
  });
  const bad = () => {
    const b = submitBody() as Record<string, unknown> & {
      applicant: Record<string, unknown>;
      tenancy: Record<string, unknown>;
    };
    return b;
  };
  const cases: [string, () => { path: string; body: string | object; code: string; status?: number }][] = [
    ['malformed JSON', () => ({ path: BASE, body: '{"channel": ', code: 'malformed-json' })],
    ['a wrong type', () => ({ path: BASE, body: { ...bad(), track: 42 }, code: 'schema-invalid' })],
    ['an unknown field', () => ({ path: BASE, body: { ...bad(), favouriteColour: 'blue' }, code: 'unknown-field' })],
    [
      'an impossible date (31 February)',
      () => {
        const b = bad();
        b.tenancy = { ...b.tenancy, date: '2011-02-31' };
        return { path: BASE, body: b, code: 'schema-invalid' };
      },
    ],
    [
      'an impossible IIN (check digit)',
      () => {
        const b = bad();
        b.applicant = {
          ...b.applicant,
          iin: `${TEST_IINS.applicant.slice(0, 11)}${(Number(TEST_IINS.applicant[11]) + 1) % 10}`,
        };
        return { path: BASE, body: b, code: 'invalid-iin' };
      },
    ],
    [
      'an unknown command',
      () => ({ path: `${BASE}/${caseId}/commands/PaintTheDwelling`, body: {}, code: 'unknown-command' }),
    ],
    [
      'an oversized body',
      () => ({ path: BASE, body: { ...bad(), padding: 'x'.repeat(300_000) }, code: 'body-too-large', status: 413 }),
    ],
  ];
  test.each(cases)('%s', async (_name, make) => {
    const c = make();
    const before = await h.head();
    const req = h.http().post(c.path).set('Authorization', `Bearer ${intake}`).set('Content-Type', 'application/json');
    const res = await req.send(typeof c.body === 'string' ? c.body : JSON.stringify(c.body));
    expect(res.status).toBe(c.status ?? 400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: c.code,
      status: c.status ?? 400,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(await h.head()).toBe(before);
  });

  test('the failing fields are named', async () => {
    const res = await h
      .http()
      .post(BASE)
      .set('Authorization', `Bearer ${intake}`)
      .send({ ...bad(), track: 42, extra: 1 });
    expect(res.body.fields).toEqual(
      expect.arrayContaining([
        { path: '/extra', message: 'unknown field' },
        expect.objectContaining({ path: '/track' }),
      ]),
    );
  });

  test('a command out of order is 409 (InvalidState) and appends nothing', async () => {
    const before = await h.head();
    const res = await send(head, caseId, 'SignContract', { contractNumber: 'PC-1', contractForm: 'electronic' });
    expect(res.status).toBe(409);
    expect(await h.head()).toBe(before);
  });
});
