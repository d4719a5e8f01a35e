/**
 * The default EDS verifier (Rules §7, §9.1: the commission's decision is signed with the EDS of the provider's head).
 *
 * It accepts RSA-SHA256 and ECDSA-SHA256 (DER) signatures over the canonical JSON of the signed payload, made with
 * a certificate that is in the configured trust store or issued by a CA certificate in it (one level), valid at the
 * signing time, whose serial matches the recorded `certificateSerial`; or with a bare public key listed in the trust
 * store. Verification is deterministic, so it may live in the pure core; the trust store is injected (composition).
 *
 * National PKI (NCA RK, pki.gov.kz): implement `SignatureVerifier` in `services/` (it needs I/O: OCSP/CRL checks of
 * the NCA RK certificates, GOST 34.310 signatures via the NCA's kalkan library or its HTTP signing/verification
 * service) and pass it as `context.signatures` from the composition root instead of this one. The decider only calls
 * `verify({ payload, signature })` and records the signature data it was given.
 *
 * `crypto` is Node's built-in (no I/O is done here: verify and X509 parsing are pure computations).
 */
import { X509Certificate, createPublicKey, verify, type KeyObject } from 'crypto';
import type { SignatureData, SignatureVerifier } from './decider';

/** Canonical JSON: object keys sorted (UTF-16 order), no whitespace, `undefined` members dropped. What gets signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('Non-finite number in canonical JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface TrustStoreOptions {
  /** PEM certificates (CA or end-entity) and/or PEM public keys that are trusted. */
  trusted: readonly string[];
}

interface Anchor {
  cert?: X509Certificate;
  keyDer: string;
}

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).toString('base64');
const normSerial = (s: string) =>
  s
    .replace(/[^0-9a-f]/gi, '')
    .replace(/^0+/, '')
    .toUpperCase();

function parseAnchor(pem: string): Anchor {
  if (pem.includes('BEGIN CERTIFICATE')) {
    const cert = new X509Certificate(pem);
    return { cert, keyDer: spki(cert.publicKey) };
  }
  return { keyDer: spki(createPublicKey(pem)) };
}

export function createTrustStoreVerifier(options: TrustStoreOptions): SignatureVerifier {
  const anchors = options.trusted.map(parseAnchor);
  const trustedKeys = new Set(anchors.map((a) => a.keyDer));

  // Parsing a certificate and checking its chain is costly next to the rest of a command, and the same few signer
  // certificates come back with every signed command, so the parsed certificates and chain verdicts are kept, bounded.
  const chainCache = new Map<string, { cert: X509Certificate; self: string; chained: boolean }>();
  function parsedCertificate(material: string) {
    const hit = chainCache.get(material);
    if (hit) return hit;
    const cert = new X509Certificate(material);
    const self = spki(cert.publicKey);
    const chained = anchors.some(
      (a) => a.cert !== undefined && a.cert.ca && cert.checkIssued(a.cert) && cert.verify(a.cert.publicKey),
    );
    if (chainCache.size >= 256) chainCache.clear();
    const entry = { cert, self, chained };
    chainCache.set(material, entry);
    return entry;
  }

  function signerKey(signature: SignatureData): { key: KeyObject } | { reason: string } {
    const material = signature.certificate;
    if (!material.includes('BEGIN CERTIFICATE')) {
      let key: KeyObject;
      try {
        key = createPublicKey(material);
      } catch {
        return { reason: 'unreadable public key' };
      }
      return trustedKeys.has(spki(key)) ? { key } : { reason: 'public key not in the trust store' };
    }
    let parsed: ReturnType<typeof parsedCertificate>;
    try {
      parsed = parsedCertificate(material);
    } catch {
      return { reason: 'unreadable certificate' };
    }
    const { cert } = parsed;
    if (normSerial(cert.serialNumber) !== normSerial(signature.certificateSerial)) {
      return { reason: `certificate serial ${cert.serialNumber} does not match ${signature.certificateSerial}` };
    }
    const signedAt = Date.parse(signature.signedAt);
    if (!(signedAt >= Date.parse(cert.validFrom) && signedAt <= Date.parse(cert.validTo))) {
      return { reason: 'certificate not valid at the signing time' };
    }
    const trusted = trustedKeys.has(parsed.self) || parsed.chained;
    return trusted ? { key: cert.publicKey } : { reason: 'certificate does not chain to the trust store' };
  }

  return {
    verify({ payload, signature }) {
      const found = signerKey(signature);
      if ('reason' in found) return { valid: false, reason: found.reason };
      const keyType = found.key.asymmetricKeyType;
      const expected = signature.algorithm === 'RSA-SHA256' ? 'rsa' : 'ec';
      if (keyType !== expected)
        return { valid: false, reason: `algorithm ${signature.algorithm} does not fit a ${keyType} key` };
      let ok = false;
      try {
        ok = verify('sha256', Buffer.from(payload, 'utf8'), found.key, Buffer.from(signature.value, 'base64'));
      } catch {
        ok = false;
      }
      return ok ? { valid: true } : { valid: false, reason: 'signature does not match the payload' };
    },
  };
}
