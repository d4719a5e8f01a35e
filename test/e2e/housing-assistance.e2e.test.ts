/**
 * The housing assistance service over HTTP on the embedded default (SQLite event store and read store), through the
 * shared platform: submission at the State Corporation, acceptance of the complete set (HA Rules §13 term), gateway
 * data, assignment with the amount, the result; authorisation, bad input, rule errors, the case view, timeline,
 * list and time travel.
 */
import { housingAssistanceStream } from '../../domain/housing-assistance/stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { buildKezen, type Kezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import type { Role } from '../../services/platform/roles';
import {
  APPLICANT_IIN,
  CHILD_IIN,
  SPOUSE_IIN,
  application,
  gatewayData,
} from '../../domain/housing-assistance/testing/fixtures';

const SECRET = 'housing-assistance-e2e-secret-0123456789abcdef';
const BASE = '/v1/housing-assistance/cases';

let kezen: Kezen;
let dataDir: string;
let now = new Date('2026-04-30T05:00:00Z');
let logs = '';

const token = (sub: string, roles: Role[], extra: { providerId?: string; iin?: string } = {}) =>
  mintDevToken({ secret: SECRET, issuer: 'kezen-dev', audience: 'kezen', sub, roles, name: `Test ${sub}`, ...extra });

let intake: string;
let officer: string;
let otherOfficer: string;
let auditor: string;
let spouse: string;
let stranger: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kezen-ha-e2e-'));
  const env = { KEZEN_DATA_DIR: dataDir, KEZEN_JWT_SECRET: SECRET, LOG_LEVEL: 'info', KEZEN_TRUST_STORE: '' };
  const logDestination = new Writable({
    write(chunk, _enc, cb) {
      logs += String(chunk);
      cb();
    },
  });
  kezen = await buildKezen(loadConfig(env), { clock: () => now, logDestination });
  await kezen.start();
  intake = await token('operator-1', ['intake-operator']);
  officer = await token('officer-1', ['provider-officer'], { providerId: 'akimat-almaty' });
  otherOfficer = await token('officer-2', ['provider-officer'], { providerId: 'akimat-astana' });
  auditor = await token('auditor-1', ['auditor']);
  spouse = await token('spouse', ['applicant'], { iin: SPOUSE_IIN });
  stranger = await token('stranger', ['applicant'], { iin: '900101300018' });
});

afterAll(async () => {
  await kezen?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, bearer: string, body: unknown) =>
  request(kezen.app)
    .post(path)
    .set('Authorization', `Bearer ${bearer}`)
    .send(body as object);
const get = (path: string, bearer: string) => request(kezen.app).get(path).set('Authorization', `Bearer ${bearer}`);
const command = (caseId: string, name: string, bearer: string, body: unknown) =>
  post(`${BASE}/${caseId}/commands/${name}`, bearer, body);

describe('housing assistance over HTTP: the full lifecycle', () => {
  let caseId = '';
  let lastPosition = 0;

  test('the State Corporation submits: 201 with the case id, its location and the registration date (Rules §5)', async () => {
    now = new Date('2026-04-30T05:00:00Z');
    const res = await post(BASE, intake, application()).expect(201);
    caseId = res.body.caseId;
    expect(res.headers.location).toBe(`${BASE}/${caseId}`);
    expect(res.body).toMatchObject({ registrationDate: '2026-04-30', revision: 0 });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['ApplicationSubmitted']);
  });

  test('accepting the complete set starts the 6-working-day term across the May holidays: due 13 May 2026 (HA Rules §13)', async () => {
    now = new Date('2026-04-30T06:00:00Z');
    const res = await command(caseId, 'AcceptCompleteDocuments', intake, {
      documents: ['application', 'consents'],
    }).expect(200);
    const set = res.body.events.find((e: { type: string }) => e.type === 'DeadlineSet');
    expect(set.data.deadline).toMatchObject({
      deadlineId: 'decision',
      triggeredOn: '2026-04-30',
      dueOn: '2026-05-13',
      days: 6,
    });
  });

  test('another provider’s officer and an auditor may not act on the case; nothing is appended', async () => {
    now = new Date('2026-05-04T05:00:00Z');
    await command(caseId, 'RecordGatewayData', otherOfficer, gatewayData()).expect(403);
    await command(caseId, 'RecordGatewayData', auditor, gatewayData()).expect(403);
    const events = await kezen.eventStore.readStream(housingAssistanceStream(caseId));
    expect(events).toHaveLength(3);
  });

  test('bad input is answered with 400 and the failing field, and changes nothing', async () => {
    const res = await command(caseId, 'RecordGatewayData', officer, { ...gatewayData(), salary: 1 }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const badKind = gatewayData({
      incomes: [
        { memberIin: SPOUSE_IIN, kind: 'lottery' as never, period: { from: '2026-01', to: '2026-03' }, amountTiyn: 1 },
      ],
    });
    await command(caseId, 'RecordGatewayData', officer, badKind).expect(400);
    expect(await kezen.eventStore.readStream(housingAssistanceStream(caseId))).toHaveLength(3);
  });

  test('a command out of order is a 409 with the stage it needs', async () => {
    const res = await command(caseId, 'IssueResult', officer, { deliveredVia: 'personal-cabinet' }).expect(409);
    expect(JSON.stringify(res.body)).toContain('assigned');
  });

  test('the provider’s officer records the gateway data and assigns: the amount with its calculation', async () => {
    await command(caseId, 'RecordGatewayData', officer, gatewayData()).expect(200);
    now = new Date('2026-05-06T05:00:00Z');
    const res = await command(caseId, 'AssignAssistance', officer, { decisionNumber: 'HA-2026-0001' }).expect(200);
    const assigned = res.body.events.find((e: { type: string }) => e.type === 'AssistanceAssigned');
    expect(assigned.data).toMatchObject({
      amountTiyn: 1_153_000,
      late: false,
      parameters: { edition: { parametersId: 'almaty-city-2026-01' } },
    });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['AssistanceAssigned', 'DeadlineSatisfied']);
  });

  test('the result is issued', async () => {
    now = new Date('2026-05-07T05:00:00Z');
    const res = await command(caseId, 'IssueResult', officer, { deliveredVia: 'personal-cabinet' }).expect(200);
    lastPosition = res.body.position;
    expect(res.body.revision).toBe(6);
  });

  test('the case view: stage, status, the decision deadline met, the amount', async () => {
    const res = await get(`${BASE}/${caseId}?minPosition=${lastPosition}`, officer).expect(200);
    expect(res.body).toMatchObject({
      caseId,
      status: 'result-issued',
      stage: 'result-issued',
      registeredOn: '2026-04-30',
      overdue: false,
      decision: { outcome: 'assigned', amountTiyn: 1_153_000 },
      deadlines: { decision: { dueOn: '2026-05-13', state: 'met', satisfiedOn: '2026-05-06' } },
    });
  });

  test('the timeline lists every step with its rule', async () => {
    const res = await get(`${BASE}/${caseId}/timeline?minPosition=${lastPosition}`, officer).expect(200);
    const entries = res.body.entries as { type: string; rule?: string }[];
    expect(entries.map((e) => e.type)).toEqual([
      'ApplicationSubmitted',
      'CompleteDocumentsAccepted',
      'DeadlineSet',
      'GatewayDataRecorded',
      'AssistanceAssigned',
      'DeadlineSatisfied',
      'ResultIssued',
    ]);
    expect(entries.find((e) => e.type === 'AssistanceAssigned')?.rule).toBe('HA Rules §13');
  });

  test('the list filters by provider and stage; provider staff see only their own provider', async () => {
    const mine = await get(
      `${BASE}?providerId=akimat-almaty&stage=result-issued&minPosition=${lastPosition}`,
      officer,
    ).expect(200);
    expect(mine.body.items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    await get(`${BASE}?providerId=akimat-almaty`, otherOfficer).expect(403);
    const theirs = await get(`${BASE}?minPosition=${lastPosition}`, otherOfficer).expect(200);
    expect(theirs.body.items).toEqual([]);
  });

  test('a family member sees the case; a stranger does not', async () => {
    await get(`${BASE}/${caseId}?minPosition=${lastPosition}`, spouse).expect(200);
    const res = await get(`${BASE}/${caseId}`, stranger);
    expect([403, 404]).toContain(res.status);
  });

  test('time travel: the state as it was after acceptance, before the gateway data (business time)', async () => {
    const res = await get(`${BASE}/${caseId}/state?asOf=2026-04-30T13:00:00Z`, officer).expect(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.state).toMatchObject({ status: 'documents-accepted', acceptedOn: '2026-04-30' });
  });
});

describe('housing assistance over HTTP: rules and refusals', () => {
  test('an adult family member without consent: 422 with the rule', async () => {
    now = new Date('2025-12-29T04:00:00Z');
    const members = application().family.members.map((m) =>
      m.kinship === 'spouse' ? { ...m, consent: undefined } : m,
    );
    const res = await post(BASE, intake, application({ family: { members } })).expect(422);
    expect(res.body.rule).toMatch(/consent/);
  });

  test('across New Year: accepted 29 December 2025, due 9 January 2026; a reasoned refusal on 12 January is late and records the breach', async () => {
    now = new Date('2025-12-29T04:00:00Z');
    const created = await post(BASE, intake, application()).expect(201);
    const caseId = created.body.caseId as string;
    now = new Date('2025-12-29T06:00:00Z');
    const accepted = await command(caseId, 'AcceptCompleteDocuments', intake, { documents: ['application'] }).expect(
      200,
    );
    expect(accepted.body.events[1].data.deadline.dueOn).toBe('2026-01-09');
    now = new Date('2026-01-12T05:00:00Z');
    const reasons = [
      { ground: 'unreliable-documents', explanation: 'The lease contract does not exist in the registry.' },
    ];
    const refused = await command(caseId, 'RefuseAssistance', officer, { reasons }).expect(200);
    expect(refused.body.events.map((e: { type: string }) => e.type)).toEqual([
      'AssistanceRefused',
      'DeadlineMissed',
      'DeadlineSatisfied',
    ]);
    const view = await get(`${BASE}/${caseId}?minPosition=${refused.body.position}`, officer).expect(200);
    expect(view.body).toMatchObject({
      status: 'refused',
      stage: 'refusal',
      anyMissed: true,
      decision: { outcome: 'refused', reasons },
    });
  });

  test('no IIN or name of the family appears in the logs', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [APPLICANT_IIN, SPOUSE_IIN, CHILD_IIN, 'Nurlanova', 'Nurlanov'])
      expect(logs).not.toContain(secret);
  });
});
