import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPayload } from '../../../domain/privatization/testing/fixtures';
import { TEST_CA_CERT, TEST_HEAD_CERT } from '../../../domain/privatization/testing/test-keys';
import type { SignatureVerifier } from '../../../domain/shared/decider';
import { signatureVerifierFromEnv } from './trust-store-file';

const payload = '{"decision":"approved"}';
const signedAt = '2026-03-02T09:00:00.000Z';
const valid = (v: SignatureVerifier, signer: 'head' | 'member') =>
  v.verify({ payload, signature: signPayload(signer, payload, signedAt) }).valid;

describe('signatureVerifierFromEnv (KEZEN_TRUST_STORE)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kezen-trust-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('unset: the TEST CA, with a warning', () => {
    const warn = jest.fn();
    const v = signatureVerifierFromEnv({ KEZEN_TRUST_STORE: ' ' }, { warn } as never);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('TEST CA'));
    expect(valid(v, 'head')).toBe(true);
    expect(valid(v, 'member')).toBe(true);
  });

  it('a directory: its .pem/.crt files only (other files are skipped)', () => {
    writeFileSync(join(dir, 'ca.pem'), TEST_CA_CERT);
    writeFileSync(join(dir, 'README.txt'), 'not a certificate');
    const warn = jest.fn();
    const v = signatureVerifierFromEnv({ KEZEN_TRUST_STORE: dir }, { warn } as never);
    expect(warn).not.toHaveBeenCalled();
    expect(valid(v, 'head')).toBe(true);
  });

  it('listed files: only they are trusted; a file that is no PEM fails start-up', () => {
    // The head's own certificate, not the CA: the member's certificate (issued by the CA) is no longer trusted.
    writeFileSync(join(dir, 'head.crt'), TEST_HEAD_CERT);
    const v = signatureVerifierFromEnv({ KEZEN_TRUST_STORE: join(dir, 'head.crt') }, { warn: jest.fn() } as never);
    expect(valid(v, 'head')).toBe(true);
    expect(valid(v, 'member')).toBe(false);

    writeFileSync(join(dir, 'README.txt'), 'not a certificate');
    expect(() =>
      signatureVerifierFromEnv({ KEZEN_TRUST_STORE: `${join(dir, 'head.crt')},${join(dir, 'README.txt')}` }, {
        warn: jest.fn(),
      } as never),
    ).toThrow();
  });
});
