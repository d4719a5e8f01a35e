/**
 * Provider and applicant isolation on every query (docs/HTTP-CONTRACT.md "Roles and their reach": provider staff act
 * and read only on their own provider's cases; applicants see only cases where they are the applicant or a family
 * member; Rules §11: the monitoring feed goes to the monitoring system — monitoring reads all, provider staff only
 * their own, applicants nothing). Each read route is asked by an outsider (403 or absent from lists) and by an insider
 * (200).
 */
import { TEST_IINS } from '../../domain/privatization/testing/fixtures';
import { APPLICANT_IIN as HA_APPLICANT_IIN } from '../../domain/housing-assistance/testing/fixtures';
import { B_APPLICANT, COMPLAINTS, HA, PRIV, PROVIDER_A, PROVIDER_B, startWorld, type World } from './world';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => w.h.close());

const get = (path: string, token: string, accept?: string) => {
  const r = w.h.http().get(path).set('Authorization', `Bearer ${token}`);
  return accept ? r.set('Accept', accept) : r;
};

const AS_OF = '2026-03-02T06:00:00Z';
const DIFF = '?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z';

/** Every per-case read of a case under `base`; complaints have no file/compliance (services/features/investigation). */
function caseReads(base: string, id: string, complaint = false): string[] {
  const reads = [
    `${base}/${id}`,
    `${base}/${id}/timeline`,
    `${base}/${id}/state?asOf=${AS_OF}`,
    `${base}/${id}/diff${DIFF}`,
  ];
  const stream = base === PRIV ? 'privatization' : base === HA ? 'housing-assistance' : 'complaint';
  reads.push(`/v1/audit/streams/${stream}-${id}/verify`);
  if (!complaint) reads.push(`${base}/${id}/file`, `${base}/${id}/file?format=pdf`, `${base}/${id}/compliance`);
  return reads;
}

describe('per-case reads: outsiders get 403, insiders 200', () => {
  const table = (): [string, () => Promise<string>, () => string[], number][] => [
    [
      "provider B's officer, case of provider A",
      () => w.token('provider-officer', { providerId: PROVIDER_B }),
      () => caseReads(PRIV, w.caseA),
      403,
    ],
    [
      "provider A's officer, case of provider A",
      () => w.token('provider-officer', { providerId: PROVIDER_A }),
      () => caseReads(PRIV, w.caseA),
      200,
    ],
    [
      "provider A's head, case of provider B",
      () => w.token('provider-head', { providerId: PROVIDER_A }),
      () => caseReads(PRIV, w.caseB),
      403,
    ],
    [
      "provider A's officer, housing case of provider B",
      () => w.token('provider-officer', { providerId: PROVIDER_A }),
      () => caseReads(HA, w.haCase),
      403,
    ],
    [
      "provider B's officer, housing case of provider B",
      () => w.token('provider-officer', { providerId: PROVIDER_B }),
      () => caseReads(HA, w.haCase),
      200,
    ],
    [
      "provider B's complaint reviewer, complaint to provider A",
      () => w.token('complaint-reviewer', { providerId: PROVIDER_B }),
      () => caseReads(COMPLAINTS, w.complaintA, true),
      403,
    ],
    [
      "provider A's complaint reviewer, complaint to provider A",
      () => w.token('complaint-reviewer', { providerId: PROVIDER_A }),
      () => caseReads(COMPLAINTS, w.complaintA, true),
      200,
    ],
    [
      'provider staff without a providerId claim',
      () => w.token('provider-officer'),
      () => caseReads(PRIV, w.caseA),
      403,
    ],
    [
      "applicant B, applicant A's case",
      () => w.token('applicant', { iin: B_APPLICANT.iin }),
      () => caseReads(PRIV, w.caseA),
      403,
    ],
    [
      "applicant A, applicant B's case",
      () => w.token('applicant', { iin: TEST_IINS.applicant }),
      () => caseReads(PRIV, w.caseB),
      403,
    ],
    [
      'applicant A, own case',
      () => w.token('applicant', { iin: TEST_IINS.applicant }),
      () => caseReads(PRIV, w.caseA),
      200,
    ],
    [
      'a family member of case A',
      () => w.token('applicant', { iin: TEST_IINS.spouse }),
      () => caseReads(PRIV, w.caseA),
      200,
    ],
    [
      "applicant A, someone else's housing case",
      () => w.token('applicant', { iin: TEST_IINS.applicant }),
      () => caseReads(HA, w.haCase),
      403,
    ],
    [
      'the housing applicant, own housing case',
      () => w.token('applicant', { iin: HA_APPLICANT_IIN }),
      () => caseReads(HA, w.haCase),
      200,
    ],
    [
      "applicant B, applicant A's complaint",
      () => w.token('applicant', { iin: B_APPLICANT.iin }),
      () => caseReads(COMPLAINTS, w.complaintA, true),
      403,
    ],
    [
      'applicant A, own complaint',
      () => w.token('applicant', { iin: TEST_IINS.applicant }),
      () => caseReads(COMPLAINTS, w.complaintA, true),
      200,
    ],
    ['an applicant token without an iin claim', () => w.token('applicant'), () => caseReads(PRIV, w.caseA), 403],
  ];
  test.each(table())('%s → %s on every read', async (_name, token, reads, expected) => {
    const t = await token();
    for (const path of reads()) {
      const res = await get(path, t);
      expect({ path, status: res.status }).toEqual({ path, status: expected });
      if (expected === 403) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (path.includes('format=pdf') && expected === 200) expect(res.headers['content-type']).toMatch(/pdf/);
    }
  });
});

describe('lists: nobody sees a case out of reach, on any page (cursors followed)', () => {
  async function allPages(base: string, token: string, query = ''): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const q = `?limit=1${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await get(`${base}${q}`, token);
      expect(res.status).toBe(200);
      items.push(...(res.body.items as Record<string, unknown>[]));
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    return items;
  }
  // A complaint's own id is `complaintId` (its `caseId` names the case complained about).
  const ids = (items: Record<string, unknown>[]) => items.map((i) => i.complaintId ?? i.caseId);

  test("provider staff list only their own provider's housing cases and complaints", async () => {
    const a = await w.token('provider-officer', { providerId: PROVIDER_A });
    const b = await w.token('provider-officer', { providerId: PROVIDER_B });
    expect(ids(await allPages(HA, a))).toEqual([]);
    expect(ids(await allPages(HA, b))).toEqual([w.haCase]);
    expect(ids(await allPages(COMPLAINTS, b))).toEqual([]);
    expect(ids(await allPages(COMPLAINTS, a))).toEqual([w.complaintA]);
    expect((await get(`${HA}?providerId=${PROVIDER_B}`, a)).status).toBe(403);
  });
  test("provider staff list only their own provider's privatization cases", async () => {
    const a = await w.token('provider-officer', { providerId: PROVIDER_A });
    const b = await w.token('provider-officer', { providerId: PROVIDER_B });
    expect(ids(await allPages(PRIV, a))).toEqual([w.caseA]);
    expect(ids(await allPages(PRIV, b))).toEqual([w.caseB]);
    expect((await get(`${PRIV}?providerId=${PROVIDER_A}`, b)).status).toBe(403);
  });
  test('a cursor minted for one principal reveals nothing to another', async () => {
    const all = await w.token('auditor');
    const first = await get(`${PRIV}?limit=1`, all);
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string | undefined;
    expect(cursor).toBeTruthy();
    const b = await w.token('provider-officer', { providerId: PROVIDER_B });
    const res = await get(`${PRIV}?limit=10&cursor=${encodeURIComponent(cursor!)}`, b);
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) for (const i of res.body.items) expect(i.providerId).toBe(PROVIDER_B);
  });
  test('applicants list only housing cases and complaints where they are a party', async () => {
    const a = await w.token('applicant', { iin: TEST_IINS.applicant });
    const bApplicant = await w.token('applicant', { iin: B_APPLICANT.iin });
    const haApplicant = await w.token('applicant', { iin: HA_APPLICANT_IIN });
    expect(ids(await allPages(HA, a))).toEqual([]);
    expect(ids(await allPages(HA, haApplicant))).toEqual([w.haCase]);
    expect(ids(await allPages(COMPLAINTS, bApplicant))).toEqual([]);
    expect(ids(await allPages(COMPLAINTS, a))).toEqual([w.complaintA]);
  });
  test('applicants list only privatization cases where they are a party', async () => {
    const a = await w.token('applicant', { iin: TEST_IINS.applicant });
    const spouse = await w.token('applicant', { iin: TEST_IINS.spouse });
    const bApplicant = await w.token('applicant', { iin: B_APPLICANT.iin });
    const haApplicant = await w.token('applicant', { iin: HA_APPLICANT_IIN });
    expect(ids(await allPages(PRIV, a))).toEqual([w.caseA]);
    expect(ids(await allPages(PRIV, spouse))).toEqual([w.caseA]);
    expect(ids(await allPages(PRIV, bApplicant))).toEqual([w.caseB]);
    expect(ids(await allPages(PRIV, haApplicant))).toEqual([]);
  });
  test('read-everything roles see both providers', async () => {
    for (const role of ['auditor', 'investigator', 'monitoring'] as const) {
      const t = await w.token(role);
      expect(ids(await allPages(PRIV, t)).sort()).toEqual([w.caseA, w.caseB].sort());
    }
  });
});

describe('dashboard, monitoring feed, access log', () => {
  test("provider staff get their own provider's dashboard whatever providerId they ask for; applicants 403", async () => {
    const b = await w.token('provider-officer', { providerId: PROVIDER_B });
    const own = await get('/v1/dashboard', b);
    const asked = await get(`/v1/dashboard?providerId=${PROVIDER_A}`, b);
    expect(own.status).toBe(200);
    expect(asked.status).toBe(200);
    const monitoring = await w.token('monitoring');
    const ofB = await get(`/v1/dashboard?providerId=${PROVIDER_B}`, monitoring);
    const ofA = await get(`/v1/dashboard?providerId=${PROVIDER_A}`, monitoring);
    const strip = (b: Record<string, unknown>) => JSON.stringify({ ...b, position: 0, generatedAt: 0, asOf: 0 });
    expect(strip(asked.body)).toEqual(strip(ofB.body));
    expect(strip(asked.body)).not.toEqual(strip(ofA.body));
    const applicant = await get('/v1/dashboard', await w.token('applicant', { iin: TEST_IINS.applicant }));
    expect(applicant.status).toBe(403);
    expect(applicant.headers['content-type']).toMatch(/problem\+json/);
  });

  async function feedItems(token: string): Promise<Record<string, unknown>[]> {
    const res = await get('/v1/monitoring/feed?limit=1000', token);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  test('the feed (JSON): monitoring reads every provider, provider staff only their own, applicants nothing', async () => {
    const monitoring = await w.token('monitoring');
    // The feed runner is asynchronous: wait until both providers' messages are there.
    let all: Record<string, unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      all = await feedItems(monitoring);
      const providers = new Set(all.map((m) => m.providerId));
      if (providers.has(PROVIDER_A) && providers.has(PROVIDER_B)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(new Set(all.map((m) => m.providerId))).toEqual(new Set([PROVIDER_A, PROVIDER_B]));
    const b = await feedItems(await w.token('provider-officer', { providerId: PROVIDER_B }));
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((m) => m.providerId === PROVIDER_B)).toBe(true);
    expect(b.length).toBe(all.filter((m) => m.providerId === PROVIDER_B).length);
    for (const [role, claims] of [
      ['applicant', { iin: TEST_IINS.applicant }],
      ['provider-officer', {}],
      ['intake-operator', {}],
    ] as const) {
      const res = await get('/v1/monitoring/feed', await w.token(role, claims));
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
  });

  test("the feed (SSE): provider staff's live stream carries only their own provider's messages", async () => {
    const b = await w.token('provider-officer', { providerId: PROVIDER_B });
    const text = await new Promise<string>((resolve, reject) => {
      let body = '';
      const req = w.h
        .http()
        .get('/v1/monitoring/feed')
        .set('Authorization', `Bearer ${b}`)
        .set('Accept', 'text/event-stream')
        .buffer(false)
        .parse((res, done) => {
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          res.on('end', () => done(null, body));
          setTimeout(() => {
            (res as unknown as { destroy(): void }).destroy();
            done(null, body);
          }, 400);
        });
      req.then(
        () => resolve(body),
        (e: Error) => (body ? resolve(body) : reject(e)),
      );
    });
    const messages = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.providerId === PROVIDER_B)).toBe(true);
    const applicant = await get(
      '/v1/monitoring/feed',
      await w.token('applicant', { iin: TEST_IINS.applicant }),
      'text/event-stream',
    );
    expect(applicant.status).toBe(403);
  });

  test('the access log is for auditors only', async () => {
    for (const role of ['investigator', 'monitoring', 'provider-head', 'applicant', 'quality-authority'] as const) {
      const res = await get(
        '/v1/audit/access-log',
        await w.token(role, { providerId: PROVIDER_A, iin: TEST_IINS.applicant }),
      );
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect((await get('/v1/audit/access-log', await w.token('auditor'))).status).toBe(200);
  });
});
