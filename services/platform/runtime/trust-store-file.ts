/**
 * The EDS trust store of the running service (Rules §7, §9.1), env `KEZEN_TRUST_STORE`: comma-separated PEM files
 * (.pem/.crt) or directories of them, read here at the edge; the verifier itself is pure (domain/shared).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { SignatureVerifier } from '../../../domain/shared/decider';
import { createTrustStoreVerifier } from '../../../domain/shared/signature-verifier';
import { TEST_CA_CERT } from '../../../domain/privatization/testing/test-keys';

/** Unset: the TEST CA (development only, with a warning). A listed path that cannot be read or parsed fails start-up. */
export function signatureVerifierFromEnv(env: NodeJS.ProcessEnv, logger: Pick<Logger, 'warn'>): SignatureVerifier {
  const spec = env.KEZEN_TRUST_STORE?.trim();
  if (!spec) {
    logger.warn('KEZEN_TRUST_STORE is unset: EDS signatures are verified against the TEST CA (development only)');
    return createTrustStoreVerifier({ trusted: [TEST_CA_CERT] });
  }
  const files = spec.split(',').flatMap((p) => {
    const path = resolve(p.trim());
    return existsSync(path) && !path.endsWith('.pem') && !path.endsWith('.crt')
      ? readdirSync(path)
          .filter((f) => /\.(pem|crt)$/.test(f))
          .map((f) => join(path, f))
      : [path];
  });
  return createTrustStoreVerifier({ trusted: files.map((f) => readFileSync(f, 'utf8')) });
}
