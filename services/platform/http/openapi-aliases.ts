/**
 * A module's former command names in /openapi.json (its `commandAliases`): still taken (docs/HTTP-CONTRACT.md:
 * extend, never rename), each described as today's operation, deprecated. The create's former name has no path of
 * its own (POST {basePath} names no command).
 */
import type { ServiceModule } from '../service-module';
import type { Paths } from './openapi-kit';

export function formerCommandPaths(m: ServiceModule, paths: Paths): Paths {
  const former: Paths = {};
  for (const [alias, name] of Object.entries(m.commandAliases ?? {})) {
    const current = paths[`${m.basePath}/{caseId}/commands/${name}`]?.post;
    if (!current) continue;
    former[`${m.basePath}/{caseId}/commands/${alias}`] = {
      post: {
        ...current,
        operationId: `${m.service}.${alias}`,
        summary: `${alias}: the former name of ${name} (deprecated; the same body, roles and answer)`,
        deprecated: true,
      },
    };
  }
  return former;
}
