/**
 * Bearer-token verification with jose. Embedded default: HS256 with a shared secret; production: RS256/ES256
 * against a JWKS URL. The accepted algorithms are pinned per mode, so `alg: none` and HS/RS confusion (an HS256
 * token signed with the public key) are refused; exp, nbf, iss and aud are checked.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isRole, type Role } from '../roles';
import type { Principal } from './principal';

export class Unauthenticated extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'Unauthenticated';
  }
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** HS256 secret (embedded default). */
  secret?: string;
  /** RS256/ES256 key set (production). Takes precedence over `secret`. */
  jwksUrl?: string;
  /** Seconds of clock skew tolerated for exp/nbf. */
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const IIN = /^[0-9]{12}$/;
const MAX_CACHED_TOKENS = 10_000;

export function principalFromClaims(payload: JWTPayload): Principal {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub === '')
    throw new Unauthenticated('The token has no subject (sub)', 'token-claims');
  const rawRoles = payload.roles;
  if (!Array.isArray(rawRoles) || rawRoles.length === 0 || !rawRoles.every((r) => typeof r === 'string' && isRole(r)))
    throw new Unauthenticated('The token must carry `roles`: a non-empty array of kezen roles', 'token-claims');
  const roles = rawRoles as Role[];
  const providerId = payload.providerId;
  if (providerId !== undefined && (typeof providerId !== 'string' || providerId === ''))
    throw new Unauthenticated('The claim `providerId` must be a non-empty string', 'token-claims');
  const iin = payload.iin;
  if (iin !== undefined && (typeof iin !== 'string' || !IIN.test(iin)))
    throw new Unauthenticated('The claim `iin` must be 12 digits', 'token-claims');
  const name = typeof payload.name === 'string' ? payload.name : undefined;
  return { sub, roles, ...(name ? { name } : {}), ...(providerId ? { providerId } : {}), ...(iin ? { iin } : {}) };
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ['RS256', 'ES256'];
  } else if (options.secret) {
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256'];
  } else {
    throw new Error('Token verification needs KEZEN_JWKS_URL or an HS256 secret');
  }
  const tolerance = options.clockToleranceSeconds ?? 5;
  // Verified tokens by their raw text (HS256 only: the secret cannot change while the process runs, whereas a JWKS
  // may rotate a key out). A client sends the same token with every request, and the signature check, claim parsing
  // and principal building showed in every command's profile. Only successes are cached, and exp/nbf are checked
  // against the clock on every hit exactly as jose does; a token that fails them is verified afresh for the precise
  // error.
  const verified = options.jwksUrl ? undefined : new Map<string, { principal: Principal; exp: number; nbf?: number }>();
  return async (token) => {
    const hit = verified?.get(token);
    if (hit) {
      const now = Math.floor(Date.now() / 1000);
      if (hit.exp > now - tolerance && (hit.nbf === undefined || hit.nbf <= now + tolerance)) return hit.principal;
      verified!.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: tolerance,
        requiredClaims: ['sub', 'exp'],
      });
      const principal = principalFromClaims(payload);
      if (verified) {
        // Shared by every request with this token: frozen, so no request can change another's principal.
        Object.freeze(principal.roles);
        Object.freeze(principal);
        if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value as string);
        verified.set(token, {
          principal,
          exp: payload.exp!,
          ...(payload.nbf !== undefined ? { nbf: payload.nbf } : {}),
        });
      }
      return principal;
    } catch (e) {
      if (e instanceof Unauthenticated) throw e;
      if (e instanceof joseErrors.JWTExpired) throw new Unauthenticated('The token has expired', 'token-expired');
      if (e instanceof joseErrors.JWTClaimValidationFailed)
        throw new Unauthenticated(`The token's claim "${e.claim}" is not acceptable (${e.reason})`, 'token-claims');
      if (e instanceof joseErrors.JOSEAlgNotAllowed)
        throw new Unauthenticated(
          'The token is signed with an algorithm this server does not accept',
          'token-algorithm',
        );
      throw new Unauthenticated('The token is not valid', 'token-invalid');
    }
  };
}
