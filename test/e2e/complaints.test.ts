/**
 * Complaints over HTTP (Rules §13–§14): a complaint is about a real case, lodged with that case's provider, by its
 * applicant or a family member (or their representative on a power of attorney); provider staff take in, register,
 * satisfy and forward complaints only about their own provider's cases. Every refusal appends nothing.
 */
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { startHarness, type Harness } from './harness';

const CASES = '/v1/privatization/cases';
const COMPLAINTS = '/v1/complaints';
let h: Harness;
let caseId: string;

beforeAll(async () => {
  h = await startHarness();
  const body = validSubmitApplication() as Record<string, unknown>;
  delete body.caseId;
  const res = await h
    .http()
    .post(CASES)
    .set('Authorization', `Bearer ${await h.token('intake-operator')}`)
    .send(body);
  expect(res.status).toBe(201);
  caseId = res.body.caseId;
});
afterAll(async () => h.close());

type Complainant = Record<string, unknown>;
const inPerson = (iin: string): Complainant => ({ kind: 'applicant', iin, fullName: 'Seitkali Arman Nurlanuly' });
const representative = (iin: string, applicantIin: string): Complainant => ({
  kind: 'representative',
  iin,
  fullName: 'Omarova Saule Kairatovna',
  applicantIin,
  powerOfAttorney: { number: 'POA-2026-17', issuedOn: '2026-02-20', notarised: true, notary: 'Notary of Astana' },
});
const lodgeBody = (complainant: Complainant, over: Record<string, unknown> = {}) => ({
  caseId,
  service: 'privatization',
  providerId: 'akimat-astana',
  addressee: 'provider-head',
  complainant,
  subject: { kind: 'inaction', description: 'No answer to the application' },
  grounds: 'The provider has not informed me of the stage of my application.',
  ...over,
});

async function lodge(token: string, body: object) {
  return h.http().post(COMPLAINTS).set('Authorization', `Bearer ${token}`).send(body);
}

describe('LodgeComplaint: who may complain about which case (Rules §13–§14)', () => {
  test('the applicant of the case complains in person → 201', async () => {
    const res = await lodge(
      await h.token('applicant', { iin: TEST_IINS.applicant }),
      lodgeBody(inPerson(TEST_IINS.applicant)),
    );
    expect(res.status).toBe(201);
  });

  test('a family member on the application complains → 201', async () => {
    const res = await lodge(
      await h.token('applicant', { iin: TEST_IINS.spouse }),
      lodgeBody(inPerson(TEST_IINS.spouse)),
    );
    expect(res.status).toBe(201);
  });

  test("a representative on a power of attorney complains for the case's applicant → 201", async () => {
    const token = await h.token('applicant', { iin: TEST_IINS.elder });
    const res = await lodge(token, lodgeBody(representative(TEST_IINS.elder, TEST_IINS.applicant)));
    expect(res.status).toBe(201);
  });

  test.each([
    [
      'a stranger about somebody else’s case',
      () => h.token('applicant', { iin: TEST_IINS.elder }),
      () => lodgeBody(inPerson(TEST_IINS.elder)),
      403,
      'not-a-party',
    ],
    [
      'a representative of a person who is not a party of the case',
      () => h.token('applicant', { iin: TEST_IINS.spouse }),
      () => lodgeBody(representative(TEST_IINS.spouse, TEST_IINS.elder)),
      403,
      'not-a-party',
    ],
    [
      'a representative without a power of attorney',
      () => h.token('applicant', { iin: TEST_IINS.elder }),
      () => {
        const c = representative(TEST_IINS.elder, TEST_IINS.applicant);
        delete c.powerOfAttorney;
        return lodgeBody(c);
      },
      400,
      'schema-invalid',
    ],
    [
      'the applicant naming another provider than the case’s (Rules §14)',
      () => h.token('applicant', { iin: TEST_IINS.applicant }),
      () => lodgeBody(inPerson(TEST_IINS.applicant), { providerId: 'akimat-almaty' }),
      422,
      'provider-mismatch',
    ],
    [
      'a complaint about a case that does not exist',
      () => h.token('applicant', { iin: TEST_IINS.applicant }),
      () => lodgeBody(inPerson(TEST_IINS.applicant), { caseId: '7d3c9a70-1111-4222-8333-944455556666' }),
      422,
      'case-not-found',
    ],
    [
      "another provider's staff taking in a complaint about this case",
      () => h.token('provider-officer', { providerId: 'akimat-almaty' }),
      () => lodgeBody(inPerson(TEST_IINS.applicant), { providerId: 'akimat-almaty' }),
      403,
      'forbidden',
    ],
  ] as const)('%s → refused, nothing appended', async (_name, token, body, status, code) => {
    const before = await h.head();
    const res = await lodge(await token(), body());
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status, code });
    if (status !== 400) expect(res.body.rule).toMatch(/^Rules §1[34]$/);
    expect(await h.head()).toBe(before);
  });

  test("the case's own provider staff take in a complaint handed to them → 201", async () => {
    const res = await lodge(
      await h.token('provider-officer', { providerId: 'akimat-astana' }),
      lodgeBody(inPerson(TEST_IINS.applicant)),
    );
    expect(res.status).toBe(201);
  });
});

describe("provider staff register, satisfy and forward only their own provider's complaints (Rules §14)", () => {
  let complaintId: string;
  beforeAll(async () => {
    const res = await lodge(
      await h.token('applicant', { iin: TEST_IINS.applicant }),
      lodgeBody(inPerson(TEST_IINS.applicant)),
    );
    expect(res.status).toBe(201);
    complaintId = res.body.caseId;
  });
  const send = async (token: string, command: string, body: object) =>
    h
      .http()
      .post(`${COMPLAINTS}/${complaintId}/commands/${command}`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);

  test.each([
    ['RegisterComplaint', { registrationNumber: 'Ж-0001' }],
    ['SatisfyComplaint', { measure: { kind: 'administrative-action', description: 'Informed in writing' } }],
    ['ForwardComplaint', { reviewBody: { id: 'qa-astana', name: 'Quality committee' }, caseFileReference: 'file-1' }],
  ])("another provider's staff: %s → 403, nothing appended", async (command, body) => {
    const other = await h.token('provider-head', { providerId: 'akimat-almaty' });
    const before = await h.head();
    const res = await send(other, command, body);
    expect(res.status).toBe(403);
    expect(await h.head()).toBe(before);
  });

  test("the case's provider registers it → 200", async () => {
    const own = await h.token('provider-officer', { providerId: 'akimat-astana' });
    expect((await send(own, 'RegisterComplaint', { registrationNumber: 'Ж-0002' })).status).toBe(200);
  });
});
