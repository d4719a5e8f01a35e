/**
 * Dev-only token minting for the web UI's sign-in picker (web/src/main.ts): mounted only in the embedded default
 * with an HS256 secret (never with KEZEN_JWKS_URL). `npm run token` does the same from the command line.
 */
import { Router, type Request, type Response } from 'express';
import { mintDevToken } from '../../auth/dev-token';
import { ROLES, type Role } from '../../roles';
import { assertValid } from '../validation';
import { DevTokenRequestSchema } from './dev-schemas';

export interface DevRouteDeps {
  secret: string;
  issuer: string;
  audience: string;
  /** Providers to offer in the picker (e.g. those seen in the read models). */
  providers: () => Promise<string[]>;
}

export function devRoutes(deps: DevRouteDeps): Router {
  const router = Router();
  router.get('/roles', async (_req: Request, res: Response) => {
    res.json({ enabled: true, roles: ROLES, providers: await deps.providers() });
  });
  router.post('/token', async (req: Request, res: Response) => {
    assertValid(DevTokenRequestSchema, req.body ?? {}, 'the dev token request');
    const body = (req.body ?? {}) as { role: Role; providerId?: string; iin?: string; sub?: string };
    const providerId = body.providerId ? body.providerId : undefined;
    const iin = body.iin;
    const sub = body.sub ?? `dev:${body.role}${providerId ? `@${providerId}` : ''}`;
    const token = await mintDevToken({
      secret: deps.secret,
      issuer: deps.issuer,
      audience: deps.audience,
      sub,
      roles: [body.role],
      ...(providerId ? { providerId } : {}),
      ...(iin ? { iin } : {}),
    });
    res.json({ token });
  });
  return router;
}
