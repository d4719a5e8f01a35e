/**
 * One registered case of every service, opened over HTTP, and what the read API answers about it: the 201 of its
 * create, its view, its item in the list, its timeline. For the tests that hold every service to one set of shapes
 * (./shared-shapes.test.ts, services/platform/http/openapi.test.ts).
 *
 * Privatization: submitted at the State Corporation (its decision term set at once). Housing assistance: submitted
 * and its complete set of documents accepted (the decision term starts). A complaint about the privatization case,
 * lodged by its applicant and registered by the provider (its registration date is set then, Rules §13).
 */
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { application } from '../../domain/housing-assistance/testing/fixtures';
import type { Harness } from './harness';

export const SERVICES = ['privatization', 'housing-assistance', 'complaints'] as const;
export type Service = (typeof SERVICES)[number];

export interface Answers {
  service: Service;
  base: string;
  id: string;
  /** The 201 body of the create. */
  created: Record<string, unknown>;
  view: Record<string, unknown>;
  /** The case's item in the list of its service. */
  listItem: Record<string, unknown>;
  timeline: Record<string, unknown>;
}

const PROVIDER = 'akimat-astana';

export async function openOneCaseOfEach(h: Harness): Promise<Record<Service, Answers>> {
  const bearer = async (...args: Parameters<Harness['token']>) => `Bearer ${await h.token(...args)}`;
  const intake = await bearer('intake-operator');
  const post = async (path: string, auth: string, body: object) => {
    const res = await h.http().post(path).set('Authorization', auth).send(body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown> & { caseId: string; position: number };
  };

  h.setNow('2026-04-27T05:00:00Z');
  const privatizationBody = validSubmitApplication() as Record<string, unknown>;
  delete privatizationBody.caseId;
  const privatization = await post('/v1/privatization/cases', intake, privatizationBody);

  const housing = await post('/v1/housing-assistance/cases', intake, application());
  h.setNow('2026-04-27T06:00:00Z');
  await post(`/v1/housing-assistance/cases/${housing.caseId}/commands/AcceptCompleteDocuments`, intake, {
    documents: ['application', 'consents'],
  });

  const complaint = await post('/v1/complaints', await bearer('applicant', { iin: TEST_IINS.applicant }), {
    caseId: privatization.caseId,
    service: 'privatization',
    providerId: PROVIDER,
    addressee: 'provider-head',
    complainant: { kind: 'applicant', iin: TEST_IINS.applicant, fullName: 'Seitkali Arman Nurlanuly' },
    subject: { kind: 'inaction', description: 'No answer to the application' },
    grounds: 'The provider has not informed me of the stage of my application.',
  });
  h.setNow('2026-04-27T07:00:00Z');
  const registered = await post(
    `/v1/complaints/${complaint.caseId}/commands/RegisterComplaint`,
    await bearer('provider-officer', { providerId: PROVIDER }),
    { registrationNumber: 'Ж-shapes-1' },
  );

  const reader = await bearer('quality-authority');
  // Every read waits for the read models to have applied the last command (read your own writes).
  const get = async (path: string) => {
    const answer = await h
      .http()
      .get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${registered.position}`)
      .set('Authorization', reader);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown>;
  };
  const read = async (service: Service, base: string, created: Record<string, unknown> & { caseId: string }) => {
    const list = (await get(`${base}?limit=200`)) as { items: Record<string, unknown>[] };
    const listItem = list.items.find((item) => item.id === created.caseId);
    if (!listItem) throw new Error(`${created.caseId} is not in the list of ${base}`);
    return {
      service,
      base,
      id: created.caseId,
      created,
      view: await get(`${base}/${created.caseId}`),
      listItem,
      timeline: await get(`${base}/${created.caseId}/timeline`),
    };
  };
  return {
    privatization: await read('privatization', '/v1/privatization/cases', privatization),
    'housing-assistance': await read('housing-assistance', '/v1/housing-assistance/cases', housing),
    complaints: await read('complaints', '/v1/complaints', complaint),
  };
}
