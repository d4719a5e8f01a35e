/**
 * Read your own writes (docs/HTTP-CONTRACT.md "Read your own writes"): a client that posts a command and immediately
 * reads with `minPosition` = the position the command returned sees its write on every query route — case view,
 * list, timeline, complaint view and list, the case view's complaints, the dashboard. The projector is held back
 * (not started) until the reads are in flight, so a route that ignored minPosition would answer before the write
 * is projected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { APPLICANT_IIN, application } from '../../domain/housing-assistance/testing/fixtures';
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import { buildKezen, type Kezen } from '../../services/composition';
import { loadConfig } from '../../services/platform/config';
import type { Role } from '../../services/platform/roles';
import { SECRET } from './harness';

const token = (role: Role, claims: { providerId?: string; iin?: string } = {}) =>
  mintDevToken({
    secret: SECRET,
    issuer: 'kezen-dev',
    audience: 'kezen',
    sub: `ryw:${role}`,
    roles: [role],
    ...claims,
  });

interface Service {
  name: string;
  base: string;
  submit: () => Record<string, unknown>;
  providerId: string;
  applicantIin: string;
}

const SERVICES: Service[] = [
  {
    name: 'housing-assistance',
    base: '/v1/housing-assistance/cases',
    submit: () => application() as unknown as Record<string, unknown>,
    providerId: 'akimat-almaty',
    applicantIin: APPLICANT_IIN,
  },
  {
    name: 'privatization',
    base: '/v1/privatization/cases',
    submit: () => {
      const body = validSubmitApplication() as Record<string, unknown>;
      delete body.caseId;
      return body;
    },
    providerId: 'akimat-astana',
    applicantIin: TEST_IINS.applicant,
  },
];

async function readYourWrites(service: Service): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kezen-ryw-'));
  const env = { KEZEN_DATA_DIR: dataDir, KEZEN_JWT_SECRET: SECRET, LOG_LEVEL: 'error' };
  const kezen: Kezen = await buildKezen(loadConfig(env), { clock: () => new Date('2026-04-30T05:00:00Z') });
  // Not started: the projector applies nothing until the reads are waiting.
  try {
    const http = () => request(kezen.app);
    const intake = await token('intake-operator');
    const created = await http().post(service.base).set('Authorization', `Bearer ${intake}`).send(service.submit());
    expect(created.status).toBe(201);
    const caseId = created.body.caseId as string;
    const applicant = await token('applicant', { iin: service.applicantIin });
    const lodged = await http()
      .post('/v1/complaints')
      .set('Authorization', `Bearer ${applicant}`)
      .send({
        caseId,
        service: service.name,
        providerId: service.providerId,
        addressee: 'provider-head',
        complainant: { kind: 'applicant', iin: service.applicantIin, fullName: 'Seitkali Arman Nurlanuly' },
        subject: { kind: 'inaction', description: 'No answer' },
        grounds: 'No answer to my application.',
      });
    expect(lodged.status).toBe(201);
    const complaintId = lodged.body.caseId as string;
    const position = lodged.body.position as number;
    expect(position).toBeGreaterThan(created.body.position);

    const qa = await token('quality-authority');
    const monitoring = await token('monitoring');
    const read = (path: string, who: string) =>
      http()
        .get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`)
        .set('Authorization', `Bearer ${who}`)
        .then((r) => r);
    const reads = Promise.all([
      read(`${service.base}/${caseId}`, qa),
      read(service.base, qa),
      read(`${service.base}/${caseId}/timeline`, qa),
      read(`/v1/complaints/${complaintId}`, qa),
      read('/v1/complaints', qa),
      read(`/v1/dashboard?service=${service.name}`, monitoring),
    ]);
    let settled = false;
    void reads.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 150));
    // Every read is still waiting for the projector (a route ignoring minPosition would have answered already).
    expect(settled).toBe(false);
    await kezen.start();
    const [view, list, timeline, complaint, complaints, dashboard] = await reads;

    expect(view.status).toBe(200);
    expect(view.body.complaints).toEqual([expect.objectContaining({ complaintId })]);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).toContain('ComplaintLodged');
    expect(complaint.status).toBe(200);
    expect(complaint.body).toMatchObject({ caseId });
    expect(complaints.body.items).toHaveLength(1);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.totals.cases).toBe(1);
    expect(dashboard.body.position).toBeGreaterThanOrEqual(position);

    for (const path of [service.base, '/v1/complaints', '/v1/dashboard']) {
      const res = await http().get(`${path}?minPosition=-1`).set('Authorization', `Bearer ${monitoring}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid-query', fields: [{ path: 'minPosition' }] });
    }
  } finally {
    await kezen.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('minPosition on every query route: a command, then an immediate read, sees the write', () => {
  test('housing assistance case, its complaint, the dashboard', () => readYourWrites(SERVICES[0]!));
  test('privatization case, its complaint, the dashboard', () => readYourWrites(SERVICES[1]!));
});

describe('minPosition not reached within the wait: a retryable 503, never a stale 200', () => {
  test('the projector stays stopped: list and case view answer 503 projection-behind with Retry-After', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kezen-ryw-behind-'));
    const env = { KEZEN_DATA_DIR: dataDir, KEZEN_JWT_SECRET: SECRET, LOG_LEVEL: 'error' };
    const kezen: Kezen = await buildKezen(loadConfig(env), { clock: () => new Date('2026-04-30T05:00:00Z') });
    try {
      const http = () => request(kezen.app);
      const service = SERVICES[1]!;
      const created = await http()
        .post(service.base)
        .set('Authorization', `Bearer ${await token('intake-operator')}`)
        .send(service.submit());
      expect(created.status).toBe(201);
      const qa = await token('quality-authority');
      for (const path of [
        `${service.base}?minPosition=${created.body.position}`,
        `${service.base}/${created.body.caseId}`,
      ]) {
        const res = await http().get(path).set('Authorization', `Bearer ${qa}`);
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.headers['retry-after']).toBe('1');
        expect(res.body).toMatchObject({ code: 'projection-behind', minPosition: created.body.position });
      }
      await kezen.start();
      const res = await http()
        .get(`${service.base}/${created.body.caseId}?minPosition=${created.body.position}`)
        .set('Authorization', `Bearer ${qa}`);
      expect(res.status).toBe(200);
    } finally {
      await kezen.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
