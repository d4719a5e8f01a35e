/**
 * Dev-only token minting for the web UI's sign-in picker (web/src/main.ts): mounted only in the embedded default
 * with an HS256 secret (never with KEZEN_JWKS_URL). `npm run token` does the same from the command line.
 */
import { Router, type Request, type Response } from 'express';
import { mintDevToken } from '../../auth/dev-token';
import { ROLES, isRole } from '../../platform/roles';
import { badRequest } from '../problem';

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
    const body = (req.body ?? {}) as { role?: unknown; providerId?: unknown; iin?: unknown; sub?: unknown };
    if (typeof body.role !== 'string' || !isRole(body.role))
      throw badRequest('schema-invalid', 'role must be a kezen role', [
        { path: '/role', message: `one of ${ROLES.join(', ')}` },
      ]);
    const providerId = typeof body.providerId === 'string' && body.providerId ? body.providerId : undefined;
    const iin = typeof body.iin === 'string' && /^\d{12}$/.test(body.iin) ? body.iin : undefined;
    const sub =
      typeof body.sub === 'string' && body.sub ? body.sub : `dev:${body.role}${providerId ? `@${providerId}` : ''}`;
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
