/**
 * The role × route matrix for EVERY GET route of the OpenAPI description (docs/HTTP-CONTRACT.md
 * "Roles and their reach"): auditors and investigators read everything and change nothing; provider staff reach only
 * their own provider's cases; applicants only cases where they are the applicant or a family member; the monitoring
 * feed and dashboard serve monitoring, audit, the quality authority and provider staff (Rules §11), never applicants;
 * the access log is the auditors'. The expectation is written here from docs/HTTP-CONTRACT.md, not read from the app's
 * policy tables, so the two are checked against each other. Every role's token carries providerId = provider A and the
 * IIN of applicant A. And: the read-only roles are refused on every POST route of the description, appending nothing.
 */
import { privatizationStream } from '../../domain/privatization/stream';
import { TEST_IINS } from '../../domain/privatization/testing/fixtures';
import { ROLES, type Role } from '../../services/platform/roles';
import type { OpenApiDoc } from './openapi-arbitraries';
import { PROVIDER_A, startWorld, type World } from './world';

let w: World;
let doc: OpenApiDoc;
beforeAll(async () => {
  w = await startWorld();
  doc = (await w.h.http().get('/openapi.json')).body as OpenApiDoc;
});
afterAll(async () => w.h.close());

/** docs/HTTP-CONTRACT.md "Roles and their reach": whom each role reaches. */
const READS_ALL: readonly Role[] = [
  'intake-operator',
  'property-body',
  'registrar',
  'quality-authority',
  'auditor',
  'investigator',
  'monitoring',
];
const PROVIDER_STAFF: readonly Role[] = [
  'provider-officer',
  'commission-secretary',
  'provider-head',
  'complaint-reviewer',
];
/** Rules §11 and the dashboard: the monitoring information system's readers and the provider's own staff. */
const MONITORING_READERS: readonly Role[] = [
  'monitoring',
  'auditor',
  'investigator',
  'quality-authority',
  ...PROVIDER_STAFF,
];
const READ_ONLY: readonly Role[] = ['auditor', 'investigator', 'monitoring'];

type Target = 'caseA' | 'haCase' | 'complaintA';
/** The case a templated route is asked about, and whether a token of provider A / applicant A reaches it. */
const REACH: Record<Target, { provider: boolean; applicant: boolean }> = {
  caseA: { provider: true, applicant: true }, // provider A, applicant A
  haCase: { provider: false, applicant: false }, // provider B, another family
  complaintA: { provider: true, applicant: true }, // about case A, to provider A, by applicant A
};

function caseRoute(role: Role, target: Target): number {
  if (READS_ALL.includes(role)) return 200;
  if (PROVIDER_STAFF.includes(role)) return REACH[target].provider ? 200 : 403;
  return REACH[target].applicant ? 200 : 403;
}

/** Every GET route of the description → the concrete URL asked and the expected status for a role. */
function expectation(path: string): { url: (w: World) => string; status: (role: Role) => number } | undefined {
  const caseMatch = /^\/v1\/(privatization\/cases|housing-assistance\/cases|complaints)\/\{caseId\}(\/[a-z-]+)?$/.exec(
    path,
  );
  if (caseMatch) {
    const target: Target =
      caseMatch[1] === 'privatization/cases' ? 'caseA' : caseMatch[1] === 'complaints' ? 'complaintA' : 'haCase';
    const sub = caseMatch[2] ?? '';
    const query =
      sub === '/state'
        ? '?asOf=2026-03-03T00:00:00Z'
        : sub === '/diff'
          ? '?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z'
          : '';
    return { url: (w) => path.replace('{caseId}', w[target]) + query, status: (role) => caseRoute(role, target) };
  }
  if (/^\/v1\/(privatization\/cases|housing-assistance\/cases|complaints)$/.test(path))
    return { url: () => path, status: () => 200 }; // lists are scoped, never refused to a token with its claims
  if (path === '/v1/audit/streams/{streamName}/verify')
    return {
      url: (w) => `/v1/audit/streams/${privatizationStream(w.caseA)}/verify`,
      status: (role) => caseRoute(role, 'caseA'),
    };
  if (path === '/v1/audit/access-log') return { url: () => path, status: (role) => (role === 'auditor' ? 200 : 403) };
  if (path === '/v1/dashboard' || path === '/v1/monitoring/feed')
    return { url: () => path, status: (role) => (MONITORING_READERS.includes(role) ? 200 : 403) };
  const publicRoutes: Record<string, string> = {
    '/healthz': '/healthz',
    '/readyz': '/readyz',
    '/metrics': '/metrics',
    '/openapi.json': '/openapi.json',
    '/docs': '/docs',
    '/docs/init.js': '/docs/init.js',
    '/v1/calendar/deadline': '/v1/calendar/deadline?from=2026-03-02&workingDays=5',
    '/v1/calendar/{year}': '/v1/calendar/2026',
  };
  if (publicRoutes[path]) return { url: () => publicRoutes[path]!, status: () => 200 };
  return undefined;
}

const getRoutes = () => Object.keys(doc.paths).filter((p) => doc.paths[p]!.get);

test('every GET route of the OpenAPI description has a row in the matrix', () => {
  const missing = getRoutes().filter((p) => !expectation(p));
  expect(missing).toEqual([]);
  expect(getRoutes().length).toBeGreaterThanOrEqual(25);
});

describe.each(ROLES.map((r) => [r]))('%s', (role) => {
  test('every GET route: allowed (200) or refused (403 problem+json) as docs/HTTP-CONTRACT.md "Roles and their reach" says', async () => {
    const token = await w.token(role, { providerId: PROVIDER_A, iin: TEST_IINS.applicant });
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const path of getRoutes()) {
      const e = expectation(path)!;
      const res = await w.h.http().get(e.url(w)).set('Authorization', `Bearer ${token}`);
      got[path] = res.status;
      want[path] = e.status(role);
      if (res.status === 403) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(got).toEqual(want);
  });
});

test('secured GET routes without a token → 401 problem+json', async () => {
  for (const path of getRoutes().filter((p) => doc.paths[p]!.get!.security?.length)) {
    const res = await w.h.http().get(expectation(path)!.url(w));
    expect({ path, status: res.status }).toEqual({ path, status: 401 });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }
});

test.each(READ_ONLY.map((r) => [r]))('%s is refused (403) on every POST route, appending nothing', async (role) => {
  const token = await w.token(role, { providerId: PROVIDER_A, iin: TEST_IINS.applicant });
  const posts = Object.keys(doc.paths).filter((p) => doc.paths[p]!.post);
  expect(posts.length).toBeGreaterThan(20);
  const before = await w.h.head();
  for (const path of posts) {
    const url = path.replace(
      '{caseId}',
      path.startsWith('/v1/complaints') ? w.complaintA : path.includes('housing') ? w.haCase : w.caseA,
    );
    const res = await w.h.http().post(url).set('Authorization', `Bearer ${token}`).send({});
    expect({ path, status: res.status }).toEqual({ path, status: 403 });
  }
  expect(await w.h.head()).toBe(before);
});
