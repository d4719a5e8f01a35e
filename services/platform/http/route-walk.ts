/**
 * Every route an Express 5 app serves, found by walking its router tree (router 2.x keeps each layer's `rawPath`):
 * the OpenAPI completeness test compares this list with `/openapi.json`, so a new route cannot miss its docs.
 * Middleware without a route (static files, the access log, authentication) is not a route and is not listed.
 */
import type { Express } from 'express';

export interface ServedRoute {
  method: string;
  /** OpenAPI style: `/v1/privatization/cases/{caseId}`. */
  path: string;
}

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const openApiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Joins a mount prefix and a path; `''` is the root prefix (`app.use(router)` mounts at '/'). */
function join(prefix: string, path: unknown): string {
  const p = typeof path === 'string' && path !== '/' ? path : '';
  return `${prefix}${p}`.replace(/\/{2,}/g, '/');
}

function walk(stack: readonly Layer[], prefix: string, out: ServedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths)
        for (const [method, on] of Object.entries(layer.route.methods))
          if (on && method !== '_all') out.push({ method, path: openApiPath(join(prefix, path) || '/') });
    } else if (layer.handle?.stack) {
      // A mounted router: `app.use('/v1', router)` (rawPath '/v1') or `router.use(sub)` (rawPath '/').
      walk(layer.handle.stack, join(prefix, layer.rawPath), out);
    }
  }
}

export function servedRoutes(app: Express): ServedRoute[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: ServedRoute[] = [];
  walk(router.stack, '', out);
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
