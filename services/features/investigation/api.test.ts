/**
 * Complaints and the investigator's view over HTTP, on the embedded default through the composition
 * root: a housing assistance case decided on time, a complaint about it lodged by the applicant, forwarded one working
 * day late (Rules §14) and decided (Rules §13); then the complaint view, the case view and timeline with the
 * complaint and the compliance report, the diff, the administrative case file (JSON and PDF) and the access log.
 */
import { startHarness, type Harness } from '../../../test/e2e/harness';
import { APPLICANT_IIN, application, gatewayData } from '../../../domain/housing-assistance/testing/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const HA = '/v1/housing-assistance/cases';
let h: Harness;
const tokens: Record<string, string> = {};
let caseId = '';
let complaintId = '';

const post = (path: string, who: string, body: unknown) =>
  h
    .http()
    .post(path)
    .set('Authorization', `Bearer ${tokens[who]}`)
    .send(body as object);
const get = (path: string, who: string) => h.http().get(path).set('Authorization', `Bearer ${tokens[who]}`);

beforeAll(async () => {
  h = await startHarness();
  tokens.intake = await h.token('intake-operator');
  tokens.officer = await h.token('provider-officer', { providerId: 'akimat-almaty', sub: 'officer-1' });
  tokens.otherOfficer = await h.token('provider-officer', { providerId: 'akimat-astana', sub: 'officer-2' });
  tokens.applicant = await h.token('applicant', { iin: APPLICANT_IIN, sub: 'applicant-1' });
  tokens.reviewer = await h.token('complaint-reviewer', { providerId: 'akimat-almaty', sub: 'reviewer-1' });
  tokens.investigator = await h.token('investigator', { sub: 'investigator-1' });
  tokens.auditor = await h.token('auditor', { sub: 'auditor-1' });

  h.setNow('2026-04-30T05:00:00Z');
  caseId = (await post(HA, 'intake', application()).expect(201)).body.caseId;
  h.setNow('2026-04-30T06:00:00Z');
  await post(`${HA}/${caseId}/commands/AcceptCompleteDocuments`, 'intake', { documents: ['application'] }).expect(200);
  h.setNow('2026-05-04T05:00:00Z');
  await post(`${HA}/${caseId}/commands/RecordGatewayData`, 'officer', gatewayData()).expect(200);
  h.setNow('2026-05-05T05:00:00Z');
  await post(`${HA}/${caseId}/commands/AssignAssistance`, 'officer', { decisionNumber: 'HA-2026-0412' }).expect(200);
}, 60_000);
afterAll(() => h?.close());

const lodge = () => ({
  caseId,
  service: 'housing-assistance',
  providerId: 'akimat-almaty',
  addressee: 'provider-head',
  complainant: { kind: 'applicant', iin: APPLICANT_IIN, fullName: 'Aigerim Serikovna Nurlanova' },
  subject: { kind: 'decision', description: 'The amount of housing assistance', reference: 'HA-2026-0412' },
  grounds: 'The income of the spouse was counted twice.',
});

describe('the complaint process over HTTP (Rules §13–§14)', () => {
  test('the applicant lodges: 201 with the complaint id and the §14 due dates', async () => {
    h.setNow('2026-05-06T05:00:00Z');
    const res = await post('/v1/complaints', 'applicant', lodge()).expect(201);
    complaintId = res.body.caseId;
    expect(complaintId).not.toBe(caseId); // the body's caseId links the case; the complaint has its own id
    expect(res.headers.location).toBe(`/v1/complaints/${complaintId}`);
    expect(res.body.dueDates).toEqual(
      expect.arrayContaining([expect.objectContaining({ deadlineId: 'forward', dueOn: '2026-05-13' })]),
    );
  });

  test('another provider’s officer may not register it; a schema-invalid command is a 400', async () => {
    h.setNow('2026-05-06T06:00:00Z');
    await post(`/v1/complaints/${complaintId}/commands/RegisterComplaint`, 'otherOfficer', {
      registrationNumber: 'X',
    }).expect(403);
    await post(`/v1/complaints/${complaintId}/commands/RegisterComplaint`, 'officer', { number: 'X' }).expect(400);
    await post(`/v1/complaints/${complaintId}/commands/DecideComplaint`, 'reviewer', {
      outcome: 'upheld',
      reasons: 'x',
    }).expect(409);
  });

  test('registered, forwarded one working day late, decided on time', async () => {
    await post(`/v1/complaints/${complaintId}/commands/RegisterComplaint`, 'officer', {
      registrationNumber: 'Ж-0042',
    }).expect(200);
    h.setNow('2026-05-14T05:00:00Z');
    const fwd = await post(`/v1/complaints/${complaintId}/commands/ForwardComplaint`, 'officer', {
      reviewBody: { id: 'qa-almaty', name: 'Quality committee' },
      caseFileReference: `${HA}/${caseId}/file`,
    }).expect(200);
    expect(fwd.body.events.map((e: { type: string }) => e.type)).toContain('DeadlineMissed');
    h.setNow('2026-05-15T05:00:00Z');
    await post(`/v1/complaints/${complaintId}/commands/DecideComplaint`, 'reviewer', {
      outcome: 'partly-upheld',
      reasons: 'Доход супруга учтён дважды; пересчитать.',
    }).expect(200);
  });

  test('GET /v1/complaints/{id} links its case; the list finds it by provider', async () => {
    h.setNow('2026-05-20T05:00:00Z');
    const view = (await get(`/v1/complaints/${complaintId}`, 'officer').expect(200)).body;
    expect(view).toMatchObject({ caseId, status: 'decided', outcome: 'partly-upheld', anyMissed: true });
    expect(view.deadlines.forward).toMatchObject({ state: 'missed', dueOn: '2026-05-13', satisfiedOn: '2026-05-14' });
    const list = (await get('/v1/complaints?providerId=akimat-almaty', 'officer').expect(200)).body;
    expect(list.items.map((c: { id: string }) => c.id)).toContain(complaintId);
  });
});

describe('the investigator’s view', () => {
  test('the case view lists the complaint and links it', async () => {
    const view = (await get(`${HA}/${caseId}`, 'investigator').expect(200)).body;
    expect(view.complaints).toEqual([
      expect.objectContaining({ complaintId, href: `/v1/complaints/${complaintId}`, status: 'decided' }),
    ]);
  });

  test('the timeline merges the complaint’s entries and carries the compliance report: one met, one missed', async () => {
    const t = (await get(`${HA}/${caseId}/timeline`, 'investigator').expect(200)).body;
    expect(t.entries.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['AssistanceAssigned', 'ComplaintForwarded', 'ComplaintDecided']),
    );
    const positions = t.entries.map((e: { position: number }) => e.position);
    expect(positions).toEqual([...positions].sort((a: number, b: number) => a - b));
    expect(t.complianceReport.totals).toEqual({ met: 2, missed: 1, cancelled: 1, open: 0 });
    expect(t.complianceReport.rows.find((r: { deadlineId: string }) => r.deadlineId === 'forward')).toMatchObject({
      state: 'missed',
      workingDaysUsed: 4,
      workingDaysAllowed: 3,
    });
  });

  test('diff between acceptance and the decision lists the events and the state changes; bad instants are a 400', async () => {
    const d = (
      await get(`${HA}/${caseId}/diff?from=2026-04-30T06:30:00Z&to=2026-05-05T06:00:00Z`, 'investigator').expect(200)
    ).body;
    expect(d.events.map((e: { type: string }) => e.type)).toEqual([
      'GatewayDataRecorded',
      'AssistanceAssigned',
      'DeadlineSatisfied',
    ]);
    expect(d.changes.length).toBeGreaterThan(0);
    await get(`${HA}/${caseId}/diff?from=yesterday&to=2026-05-05T06:00:00Z`, 'investigator').expect(400);
  });

  test('the administrative case file as JSON and as PDF (Accept header and ?format=pdf)', async () => {
    const json = (await get(`${HA}/${caseId}/file`, 'investigator').expect(200)).body;
    expect(json).toMatchObject({
      kind: 'administrative-case-file',
      caseId,
      regulationVersions: ['order-115-2025'],
      integrity: { allValid: true },
    });
    const pdf = await get(`${HA}/${caseId}/file`, 'investigator')
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const text = (await pdfParse(pdf.body as Buffer)).text.replace(/\s+/g, '');
    for (const fact of [caseId, 'Әкімшілікіс', 'Административноедело', 'partly-upheld', 'HA-2026-0412'])
      expect(text).toContain(fact);
    await get(`${HA}/${caseId}/file?format=pdf`, 'investigator')
      .expect(200)
      .expect('Content-Type', /application\/pdf/);
  });

  test('provider staff of another provider may not read the file', async () => {
    await get(`${HA}/${caseId}/file`, 'otherOfficer').expect(403);
  });

  test('the access log: the investigator’s and auditor’s reads are recorded; the officer’s are not; only auditors query it', async () => {
    await get(`${HA}/${caseId}/state?asOf=2026-05-01T00:00:00Z`, 'auditor').expect(200);
    const log = (await get('/v1/audit/access-log?from=2026-05-20&to=2026-05-20', 'auditor').expect(200)).body;
    const resources = log.items.map((e: { sub: string; resource: string }) => `${e.sub} ${e.resource}`);
    expect(resources).toEqual(
      expect.arrayContaining([
        `investigator-1 GET /v1/housing-assistance/cases/${caseId}`,
        `investigator-1 GET /v1/housing-assistance/cases/${caseId}/timeline`,
        `investigator-1 GET /v1/housing-assistance/cases/${caseId}/diff`,
        `investigator-1 GET /v1/housing-assistance/cases/${caseId}/file`,
        `auditor-1 GET /v1/housing-assistance/cases/${caseId}/state`,
      ]),
    );
    expect(log.items.find((e: { resource: string }) => e.resource.endsWith('/state'))).toMatchObject({
      caseId,
      service: 'housing-assistance',
      query: { asOf: '2026-05-01T00:00:00Z' },
      at: '2026-05-20T05:00:00.000Z',
    });
    expect(resources.some((r: string) => r.startsWith('officer-1'))).toBe(false);
    const byCase = (
      await get(`/v1/audit/access-log?from=2026-05-20&to=2026-05-20&caseId=${complaintId}`, 'auditor').expect(200)
    ).body;
    expect(byCase.items).toEqual([]);
    const byCaseOfHa = (
      await get(`/v1/audit/access-log?from=2026-05-20&to=2026-05-20&caseId=${caseId}&sub=auditor-1`, 'auditor').expect(
        200,
      )
    ).body;
    expect(byCaseOfHa.items.map((e: { resource: string }) => e.resource)).toEqual([`GET ${HA}/${caseId}/state`]);
    await get('/v1/audit/access-log', 'investigator').expect(403);
    await get('/v1/audit/access-log?from=2026-01-01&to=2026-05-20', 'auditor').expect(400);
  });
});
