/**
 * The security suite's world: the e2e harness (composition root on a temp data dir) seeded with cases of two providers
 * and three applicants, one housing-assistance case and one complaint, so every isolation rule of docs/HTTP-CONTRACT.md
 * "Roles and their reach" has something to hide. Tokens per principal; every personal datum used, for the scans.
 */
import { TEST_IINS, validSubmitApplication } from '../../domain/privatization/testing/fixtures';
import {
  APPLICANT_IIN as HA_APPLICANT_IIN,
  CHILD_IIN as HA_CHILD_IIN,
  SPOUSE_IIN as HA_SPOUSE_IIN,
  application as haApplication,
} from '../../domain/housing-assistance/testing/fixtures';
import type { Role } from '../../services/platform/roles';
import { startHarness, type Harness } from '../e2e/harness';

export const PRIV = '/v1/privatization/cases';

export const HA = '/v1/housing-assistance/cases';
export const COMPLAINTS = '/v1/complaints';

/** Provider A (Astana) and provider B (Almaty). */
export const PROVIDER_A = 'akimat-astana';
export const PROVIDER_B = 'akimat-almaty';

/** The applicant of case B: a person with no family, so the A-family's consents are not needed. */
export const B_APPLICANT = { iin: TEST_IINS.elder, fullName: 'Zhakupova Gulnar Serikovna' };

/** Every IIN the world holds (the scans look for each of them). */
export const ALL_IINS: readonly string[] = [...Object.values(TEST_IINS), HA_APPLICANT_IIN, HA_SPOUSE_IIN, HA_CHILD_IIN];
/** Distinctive parts of every name the world holds. */
export const ALL_NAMES: readonly string[] = [
  'Seitkali',
  'Aigerim',
  'Armankyzy',
  'Omarova',
  'Zhakupova',
  'Gulnar',
  'Nurlanova',
  'Daniyar',
  'Alikhan',
];

export interface World {
  h: Harness;
  /** Privatization case of provider A; applicant TEST_IINS.applicant, spouse and children as family. */
  caseA: string;
  /** Privatization case of provider B; applicant B_APPLICANT. */
  caseB: string;
  /** Housing-assistance case of provider B (akimat-almaty); applicant HA_APPLICANT_IIN. */
  haCase: string;
  /** Complaint about case A, lodged by its applicant with provider A. */
  complaintA: string;
  /** Bearer token of a role; provider staff get `providerId`, applicants `iin`. */
  token(role: Role, claims?: { providerId?: string; iin?: string }): Promise<string>;
}

function privatizationBody(provider: string, applicant?: { iin: string; fullName: string }) {
  const body = validSubmitApplication() as unknown as Record<string, unknown>;
  delete body.caseId;
  body.providerId = provider;
  if (applicant) {
    body.applicant = { ...(body.applicant as Record<string, unknown>), ...applicant };
    body.familyMembers = [];
  }
  return body;
}

export async function startWorld(): Promise<World> {
  const h = await startHarness();
  const intake = await h.token('intake-operator');
  const create = async (path: string, body: unknown) => {
    const res = await h
      .http()
      .post(path)
      .set('Authorization', `Bearer ${intake}`)
      .send(body as object);
    if (res.status !== 201) throw new Error(`seeding ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.caseId as string;
  };
  const caseA = await create(PRIV, privatizationBody(PROVIDER_A));
  const caseB = await create(PRIV, privatizationBody(PROVIDER_B, B_APPLICANT));
  const haCase = await create(HA, haApplication());
  const applicantA = await h.token('applicant', { iin: TEST_IINS.applicant });
  const lodged = await h
    .http()
    .post(COMPLAINTS)
    .set('Authorization', `Bearer ${applicantA}`)
    .send({
      caseId: caseA,
      service: 'privatization',
      providerId: PROVIDER_A,
      addressee: 'provider-head',
      complainant: { kind: 'applicant', iin: TEST_IINS.applicant, fullName: 'Seitkali Arman Nurlanuly' },
      subject: { kind: 'inaction', description: 'No answer to the application' },
      grounds: 'The provider has not informed me of the stage of my application.',
    });
  if (lodged.status !== 201) throw new Error(`seeding complaint: ${lodged.status} ${JSON.stringify(lodged.body)}`);
  // Let the projections and the feed catch up with the seed, so reads see it.
  await h.kezen.projector.waitForPosition(await h.head(), 5000);
  return {
    h,
    caseA,
    caseB,
    haCase,
    complaintA: lodged.body.caseId as string,
    token: (role, claims = {}) =>
      h.token(role, {
        ...(claims.providerId ? { providerId: claims.providerId } : {}),
        ...(claims.iin ? { iin: claims.iin } : {}),
      }),
  };
}
