/**
 * The default EDS verifier: RSA-SHA256 / ECDSA-SHA256 over canonical JSON, certificates chained to the configured
 * trust store, serial and validity checked. Uses the TEST key material of domain/privatization/testing.
 */
import { createPublicKey, generateKeyPairSync, sign } from 'crypto';
import { signPayload, TEST_TRUST_STORE } from '../privatization/testing/fixtures';
import { TEST_HEAD_CERT, TEST_MEMBER_CERT } from '../privatization/testing/test-keys';
import { canonicalJson, createTrustStoreVerifier } from './signature-verifier';

const verifier = createTrustStoreVerifier({ trusted: TEST_TRUST_STORE });
const payload = canonicalJson({ type: 'privatization-decision', caseId: 'c1', decisionNumber: 'HC-1' });

describe('canonicalJson', () => {
  test('sorts keys at every level, drops undefined members, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":null,"z":true}]},"b":1}',
    );
  });
  test('rejects non-finite numbers', () => {
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
  });
});

describe('createTrustStoreVerifier', () => {
  test('accepts an ECDSA (head) and an RSA (member) signature by certificates issued by the trusted CA', () => {
    expect(verifier.verify({ payload, signature: signPayload('head', payload, '2026-03-06T04:00:00Z') })).toEqual({
      valid: true,
    });
    expect(verifier.verify({ payload, signature: signPayload('member', payload, '2026-03-06T04:00:00Z') })).toEqual({
      valid: true,
    });
  });

  test('rejects a changed payload', () => {
    const signature = signPayload('head', payload, '2026-03-06T04:00:00Z');
    expect(verifier.verify({ payload: payload.replace('HC-1', 'HC-2'), signature })).toMatchObject({
      valid: false,
      reason: 'signature does not match the payload',
    });
  });

  test('rejects a certificate outside the trust store', () => {
    // The rogue certificate is self-signed and valid from 24 November 2026.
    expect(
      verifier.verify({ payload, signature: signPayload('rogue', payload, '2026-12-01T04:00:00Z') }),
    ).toMatchObject({
      valid: false,
      reason: 'certificate does not chain to the trust store',
    });
  });

  test('rejects a recorded serial that is not the certificate’s, and a signing time outside its validity', () => {
    const s = signPayload('head', payload, '2026-03-06T04:00:00Z');
    expect(verifier.verify({ payload, signature: { ...s, certificateSerial: '01' } })).toMatchObject({ valid: false });
    expect(verifier.verify({ payload, signature: { ...s, signedAt: '2019-12-31T23:59:59Z' } })).toMatchObject({
      valid: false,
      reason: 'certificate not valid at the signing time',
    });
  });

  test('rejects an algorithm that does not fit the key, and a mangled signature value', () => {
    const s = signPayload('head', payload, '2026-03-06T04:00:00Z');
    expect(verifier.verify({ payload, signature: { ...s, algorithm: 'RSA-SHA256' } })).toMatchObject({ valid: false });
    expect(verifier.verify({ payload, signature: { ...s, value: 'AAAA' } })).toMatchObject({ valid: false });
  });

  test('an end-entity certificate or a bare public key can be trusted directly', () => {
    const direct = createTrustStoreVerifier({ trusted: [TEST_MEMBER_CERT] });
    expect(direct.verify({ payload, signature: signPayload('member', payload, '2026-03-06T04:00:00Z') })).toEqual({
      valid: true,
    });
    expect(direct.verify({ payload, signature: signPayload('head', payload, '2026-03-06T04:00:00Z') })).toMatchObject({
      valid: false,
    });
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const byKey = createTrustStoreVerifier({ trusted: [pem] });
    const signature = {
      signer: 'Key holder',
      certificateSerial: 'n/a',
      signedAt: '2026-03-06T04:00:00Z',
      algorithm: 'ECDSA-SHA256' as const,
      value: sign('sha256', Buffer.from(payload), privateKey).toString('base64'),
      certificate: pem,
    };
    expect(byKey.verify({ payload, signature })).toEqual({ valid: true });
    expect(createTrustStoreVerifier({ trusted: [TEST_HEAD_CERT] }).verify({ payload, signature })).toMatchObject({
      valid: false,
      reason: 'public key not in the trust store',
    });
    expect(createPublicKey(pem).asymmetricKeyType).toBe('ec');
  });
});
