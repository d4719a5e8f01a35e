/**
 * EDS signatures of the provider's head for generated cases, made with the TEST key parsed once (the fixtures'
 * signPayload parses the PEM key on every call, which dominated the generator's profile). Same payloads, same key,
 * same certificate: the real trust-store verifier checks them in the decider.
 */
import { createPrivateKey, sign } from 'node:crypto';
import type { RefusalGround } from '../../contracts/privatization';
import { decisionPayload, reasonedRefusalPayload, resultPayload } from '../../domain/privatization';
import { TEST_IINS } from '../../domain/privatization/testing/fixtures';
import { TEST_HEAD_CERT, TEST_HEAD_KEY, TEST_HEAD_SERIAL } from '../../domain/privatization/testing/test-keys';
import type { SignatureData } from '../../domain/shared/decider';

const headKey = createPrivateKey(TEST_HEAD_KEY);
const ADDRESS = 'Astana, Yesil district, Mangilik El 10, flat 25';

function headSignature(payload: string, signedAt: string): SignatureData {
  return {
    signer: 'Head of Provider TEST',
    certificateSerial: TEST_HEAD_SERIAL,
    signedAt,
    algorithm: 'ECDSA-SHA256',
    value: sign('sha256', Buffer.from(payload, 'utf8'), headKey).toString('base64'),
    certificate: TEST_HEAD_CERT,
  };
}

export const decisionBody = (caseId: string, decisionNumber: string, signedAt: string) => ({
  decisionNumber,
  signature: headSignature(
    decisionPayload({ caseId, decisionNumber, applicantIin: TEST_IINS.applicant, dwellingAddress: ADDRESS }),
    signedAt,
  ),
});

export const refusalBody = (caseId: string, grounds: RefusalGround[], reasoning: string, signedAt: string) => ({
  grounds,
  reasoning,
  signature: headSignature(reasonedRefusalPayload({ caseId, grounds, reasoning }), signedAt),
});

export const cabinetResultBody = (
  caseId: string,
  resultKind: 'privatization-contract' | 'reasoned-refusal',
  reference: string,
  signedAt: string,
) => ({
  delivery: {
    channel: 'personal-cabinet' as const,
    signature: headSignature(resultPayload({ caseId, resultKind, reference }), signedAt),
  },
});
