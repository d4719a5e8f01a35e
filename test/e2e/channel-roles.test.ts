/**
 * Channel vs role (Rules §4, §6–§7; Annex 1 item 2): at the State Corporation the operator submits the application
 * (he identifies the applicant and issues the receipt, §6); on the portal the applicant submits it in person from the
 * personal cabinet (§7). Any other pairing is a 403 citing the rule, and nothing is appended.
 */
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import { startHarness, type Harness } from './harness';

const BASE = '/v1/privatization/cases';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const submit = async (token: string, channel: string) => {
  const body = validSubmitApplication({ channel: channel as never }) as Record<string, unknown>;
  delete body.caseId;
  return h.http().post(BASE).set('Authorization', `Bearer ${token}`).send(body);
};

describe('SubmitApplication: who may submit through which channel', () => {
  test('Rules §6: the State Corporation operator submits through the State Corporation → 201', async () => {
    const res = await submit(await h.token('intake-operator'), 'state-corporation');
    expect(res.status).toBe(201);
  });

  test('Rules §7: the applicant in person submits through the portal → 201', async () => {
    const res = await submit(await h.token('applicant', { iin: TEST_IINS.applicant }), 'portal');
    expect(res.status).toBe(201);
  });

  test.each([
    ['an applicant through the State Corporation', 'applicant', TEST_IINS.applicant, 'state-corporation', 'Rules §6'],
    [
      'an applicant through the duty department',
      'applicant',
      TEST_IINS.applicant,
      'state-corporation-duty',
      'Rules §6',
    ],
    ['the State Corporation operator through the portal', 'intake-operator', undefined, 'portal', 'Rules §7'],
    ['another person through the portal', 'applicant', TEST_IINS.elder, 'portal', 'Rules §7'],
    ['the operator through the provider', 'intake-operator', undefined, 'provider', 'Annex 1 item 2'],
  ] as const)('%s → 403 citing the rule, nothing appended', async (_name, role, iin, channel, rule) => {
    const token = await h.token(role, iin ? { iin } : {});
    const before = await h.head();
    const res = await submit(token, channel);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 403, code: 'channel-not-allowed', rule });
    expect(res.body.detail).toContain(rule.startsWith('Rules') ? 'Rules §4' : rule);
    expect(await h.head()).toBe(before);
  });
});
