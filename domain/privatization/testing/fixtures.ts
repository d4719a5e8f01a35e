/**
 * Test fixtures for the privatization case, reused by the HTTP and demo engineers: valid IINs, a test signing key
 * and trust store, a DecisionContext on the real calendar and regulation, valid SubmitApplication bodies per track
 * and form, and signed bodies for the decision, refusal and result. TEST key material only.
 */
import { sign } from 'crypto';
import { createCalendar } from '../../calendar';
import { defaultRegulations } from '../../regulation';
import type { Actor } from '../../../contracts/envelope';
import type { PrivatizationForm, RefusalGround, Track } from '../../../contracts/privatization';
import type { DecisionContext, SignatureData } from '../../shared/decider';
import { createTrustStoreVerifier } from '../../shared/signature-verifier';
import {
  applicationPayload,
  consentPayload,
  decisionPayload,
  reasonedRefusalPayload,
  resultPayload,
  type ApplicationTerms,
} from '../signing';
import type { PrivatizationCommandData } from '../types';
import * as keys from './test-keys';

/** Valid IINs (check digit, birth date, century/sex digit), built with domain/shared/iin.ts makeIin. */
export const TEST_IINS = {
  applicant: '850314301011', // male, born 1985-03-14
  spouse: '871102402029', // female, born 1987-11-02
  adultChild: '040620603031', // female, born 2004-06-20
  minorChild: '150901504043', // male, born 2015-09-01
  elder: '520130405052', // female, born 1952-01-30
} as const;

export const TEST_TRUST_STORE: readonly string[] = [keys.TEST_CA_CERT];
export const testSignatureVerifier = () => createTrustStoreVerifier({ trusted: TEST_TRUST_STORE });

const SIGNERS = {
  head: {
    name: 'Head of Provider TEST',
    cert: keys.TEST_HEAD_CERT,
    key: keys.TEST_HEAD_KEY,
    serial: keys.TEST_HEAD_SERIAL,
    alg: 'ECDSA-SHA256',
  },
  member: {
    name: 'Family member TEST',
    cert: keys.TEST_MEMBER_CERT,
    key: keys.TEST_MEMBER_KEY,
    serial: keys.TEST_MEMBER_SERIAL,
    alg: 'RSA-SHA256',
  },
  rogue: {
    name: 'Rogue signer',
    cert: keys.TEST_ROGUE_CERT,
    key: keys.TEST_ROGUE_KEY,
    serial: keys.TEST_ROGUE_SERIAL,
    alg: 'ECDSA-SHA256',
  },
} as const;
export type TestSigner = keyof typeof SIGNERS;

/** Signs a canonical payload with a test key (what an EDS client does). */
export function signPayload(signer: TestSigner, payload: string, signedAt: string): SignatureData {
  const s = SIGNERS[signer];
  return {
    signer: s.name,
    certificateSerial: s.serial,
    signedAt,
    algorithm: s.alg,
    value: sign('sha256', Buffer.from(payload, 'utf8'), s.key).toString('base64'),
    certificate: s.cert,
  };
}

export const TEST_ACTOR: Actor = { sub: 'user:test-officer', roles: ['provider-officer'], providerId: 'akimat-astana' };

const calendar = createCalendar();
const regulations = defaultRegulations();
const signatures = testSignatureVerifier();

/** A DecisionContext at `now` on the real Kazakhstan calendar and the default regulation registry. */
export function testContext(now: string, overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { now, actor: TEST_ACTOR, calendar, regulations, signatures, ...overrides };
}

export const TEST_FORMS = {
  free: { kind: 'free' },
  residualValue: { kind: 'residual-value' },
  instalments: { kind: 'instalments', termMonths: 12, initialPayment: 500000 },
} as const satisfies Record<string, PrivatizationForm>;

export const TEST_CASE_ID = '3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f';

export interface SubmitOptions {
  caseId?: string;
  track?: Track;
  form?: PrivatizationForm;
  channel?: 'state-corporation' | 'state-corporation-duty' | 'portal';
  /** When the family members signed their consents (must not be after the submission). */
  signedAt?: string;
  personalDataConsent?: boolean;
}

export type SubmitApplicationData = PrivatizationCommandData<'SubmitApplication'>;

/** A valid SubmitApplication: applicant, adult spouse and adult child (consents signed), a minor child. */
export function validSubmitApplication(o: SubmitOptions = {}): SubmitApplicationData {
  const form = o.form ?? TEST_FORMS.free;
  const track = o.track ?? 'communal-fund';
  const channel = o.channel ?? 'state-corporation';
  const signedAt = o.signedAt ?? '2025-06-01T04:00:00Z';
  const address = 'Astana, Yesil district, Mangilik El 10, flat 25';
  const terms: ApplicationTerms = { applicantIin: TEST_IINS.applicant, dwellingAddress: address, form };
  const adult = (iin: string, fullName: string, kinship: 'spouse' | 'child') => ({
    iin,
    fullName,
    kinship,
    adult: true,
    consent: { consentsToForm: true, signature: signPayload('member', consentPayload(terms, iin), signedAt) },
  });
  return {
    caseId: o.caseId ?? TEST_CASE_ID,
    channel,
    providerId: 'akimat-astana',
    track,
    form,
    applicant: {
      iin: TEST_IINS.applicant,
      fullName: 'Seitkali Arman Nurlanuly',
      identityDocument: { number: '045678912', issuedOn: '2019-05-20', issuer: 'MIA RK' },
      categories: [],
    },
    dwelling: { address, areaSqm: 64.5 },
    tenancy: { kind: 'lease-contract', number: 'LC-2011-0457', date: '2011-09-15' },
    familyMembers: [
      adult(TEST_IINS.spouse, 'Seitkali Aigerim Bolatkyzy', 'spouse'),
      adult(TEST_IINS.adultChild, 'Seitkali Dana Armankyzy', 'child'),
      { iin: TEST_IINS.minorChild, fullName: 'Seitkali Timur Armanuly', kinship: 'child', adult: false },
    ],
    consents: { legallyProtectedSecrets: true, personalData: o.personalDataConsent ?? true },
    documentsSubmitted: ['8.1', '8.3', '8.8'],
    ...(channel === 'portal'
      ? {
          applicantSignature: signPayload(
            'member',
            applicationPayload({ ...terms, providerId: 'akimat-astana', track }),
            signedAt,
          ),
        }
      : { intakeEmployee: 'Omarova Saule Kairatovna' }),
  };
}

/** A signed AdoptPrivatizationDecision body. */
export function signedDecision(caseId: string, decisionNumber: string, signedAt: string, signer: TestSigner = 'head') {
  const payload = decisionPayload({
    caseId,
    decisionNumber,
    applicantIin: TEST_IINS.applicant,
    dwellingAddress: 'Astana, Yesil district, Mangilik El 10, flat 25',
  });
  return { decisionNumber, signature: signPayload(signer, payload, signedAt) };
}

/** A signed IssueReasonedRefusal body. */
export function signedRefusal(caseId: string, grounds: RefusalGround[], reasoning: string, signedAt: string) {
  return {
    grounds,
    reasoning,
    signature: signPayload('head', reasonedRefusalPayload({ caseId, grounds, reasoning }), signedAt),
  };
}

/** A signed personal-cabinet result (Rules §7). */
export function signedCabinetResult(
  caseId: string,
  resultKind: 'privatization-contract' | 'reasoned-refusal',
  reference: string,
  signedAt: string,
) {
  return {
    delivery: {
      channel: 'personal-cabinet' as const,
      signature: signPayload('head', resultPayload({ caseId, resultKind, reference }), signedAt),
    },
  };
}

export const TEST_COMMISSION = [
  { memberId: 'm1', fullName: 'Akhmetov Serik', role: 'chair' as const },
  { memberId: 'm2', fullName: 'Bekova Aliya', role: 'secretary' as const },
  { memberId: 'm3', fullName: 'Zhumabayev Nurlan', role: 'member' as const },
];
