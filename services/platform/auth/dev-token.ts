/**
 * Dev tokens for the embedded default (HS256): `npm run token`, the demo, the e2e tests and the web UI's dev picker.
 * The secret comes from KEZEN_JWT_SECRET or `<dataDir>/dev-secret`, which main.ts writes when it generates one.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Role } from '../roles';

export interface DevTokenInput {
  secret: string;
  issuer: string;
  audience: string;
  sub: string;
  roles: readonly Role[];
  name?: string;
  providerId?: string;
  iin?: string;
  /** e.g. `8h` (default), `15m`. */
  expiresIn?: string;
}

export async function mintDevToken(input: DevTokenInput): Promise<string> {
  const claims: Record<string, unknown> = { roles: [...input.roles] };
  if (input.name) claims.name = input.name;
  if (input.providerId) claims.providerId = input.providerId;
  if (input.iin) claims.iin = input.iin;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.sub)
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(input.secret));
}

export const devSecretPath = (dataDir: string) => join(dataDir, 'dev-secret');

/** Reads `<dataDir>/dev-secret`, if any. */
export function readDevSecret(dataDir: string): string | undefined {
  const path = devSecretPath(dataDir);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
}

/** The HS256 secret of the embedded default: env, else the persisted one, else a new random one (persisted, 0600). */
export function resolveDevSecret(dataDir: string, fromEnv?: string): { secret: string; generated: boolean } {
  if (fromEnv) return { secret: fromEnv, generated: false };
  const existing = readDevSecret(dataDir);
  if (existing) return { secret: existing, generated: false };
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(devSecretPath(dataDir), `${secret}\n`, { mode: 0o600 });
  chmodSync(devSecretPath(dataDir), 0o600);
  return { secret, generated: true };
}
